// What the circulation desk says and keeps: the instruction for a returned copy, a loan's due date, a refusal and
// whether a supervisor may override it, a renewal's outcome, and the transactions kept while circulation cannot be
// reached (uploaded later as an offline batch). Plain functions without the page, so that they can be tested alone
// (DeskScriptTest runs them in Node).
"use strict";

const DESK_TIME_ZONE = "America/Los_Angeles";
const OFFLINE_PREFIX = "lrms.desk.offline.";

// Circulation's amount (a JSON number such as 3.5, or "3.50") in dollars and cents, from its own digits: never
// rounded through floating point (account.js reads the account's money the same way).
function money(amount) {
  const parts = /^(-?)(\d+)(?:\.(\d{1,2})0*)?$/.exec(typeof amount === "number" ? String(amount) : String(amount ?? "").trim());
  if (!parts) return `$${amount}`;
  const units = parts[2].replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${parts[1]}$${units}.${(parts[3] || "").padEnd(2, "0")}`;
}

function deskDate(instant, timeZone = DESK_TIME_ZONE) {
  return new Date(instant).toLocaleDateString("en-US",
    { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone });
}

// A returned copy: where it goes now ({tone, text}), from circulation's check-in answer.
function checkinInstruction(view) {
  let text;
  let tone = "ok";
  if (view.nextCopyStatus === "ON_HOLD_SHELF") {
    text = "Put it on the hold shelf: a hold is waiting for it here.";
    tone = "warn";
  } else if (view.nextCopyStatus === "IN_TRANSIT") {
    text = view.holdId
      ? `Send it to ${view.routeTo}: a hold is waiting for it there.`
      : `Send it to ${view.routeTo}, its school.`;
    tone = "warn";
  } else {
    text = "Shelve it.";
  }
  if (!view.loanId) text = `It was not on loan. ${text}`;
  if (view.fine && Number(view.fine) > 0) {
    const days = view.daysOverdue;
    text += ` Returned ${days} day${days === 1 ? "" : "s"} late: fine ${money(view.fine)}.`;
    tone = "bad";
  }
  return { tone, text };
}

function checkoutLine(loan, timeZone = DESK_TIME_ZONE) {
  return `Due ${deskDate(loan.dueDate, timeZone)}`;
}

// A refusal as circulation worded it; overridable ones (limit reached, fees owed...) say so.
function deskRefusal(problem, status) {
  if (status === 401) {
    return { code: null, text: "your sign-in has expired: sign in again (nothing was recorded)", overridable: false };
  }
  const text = (problem && (problem.detail || problem.title)) || `Circulation answered ${status}.`;
  const overridable = Boolean(problem && problem.context && problem.context.overridable);
  return { code: (problem && problem.code) || null, text, overridable };
}

function renewalLine(result, timeZone = DESK_TIME_ZONE) {
  return result.renewed
    ? `${result.itemBarcode}: renewed, due ${deskDate(result.dueDate, timeZone)}`
    : `${result.itemBarcode}: not renewed (${result.detail || result.refusal})`;
}

// A patron as the desk shows them: name, grade/homeroom, and what may stop a check-out.
function patronSummary(patron) {
  const name = [patron.firstName, patron.lastName].filter(Boolean).join(" ") || patron.barcode;
  const about = [patron.patronType && patron.patronType.toLowerCase(),
    patron.grade && `grade ${patron.grade}`, patron.homeroom && `homeroom ${patron.homeroom}`,
    patron.homeSite].filter(Boolean).join(" · ");
  const warnings = [];
  if (patron.status && patron.status !== "ACTIVE") warnings.push(`Status: ${patron.status.toLowerCase()}`);
  if (patron.blocked) warnings.push(`Blocked${patron.blockNote ? `: ${patron.blockNote}` : ""}`);
  if (patron.feeBalance && Number(patron.feeBalance) > 0) warnings.push(`Owes ${money(patron.feeBalance)}`);
  return { name, about, warnings };
}

// A check-out or check-in that circulation could not be asked: the portal is unreachable, or it says circulation is
// (502). A 504 is not one: circulation may have done it, so the desk retries with the same Idempotency-Key instead.
function circulationUnreachable(status) {
  return status === 0 || status === 502;
}

// Transactions kept in this browser while circulation cannot be reached, per queue (the page's: user and site), in
// the order they happened.
function keptTransactions(storage, queue) {
  try {
    const kept = JSON.parse(storage.getItem(OFFLINE_PREFIX + queue) || "[]");
    return Array.isArray(kept) ? kept : [];
  } catch {
    return [];
  }
}

function keepTransaction(storage, queue, transaction) {
  const kept = keptTransactions(storage, queue);
  kept.push(transaction);
  storage.setItem(OFFLINE_PREFIX + queue, JSON.stringify(kept));
  return kept.length;
}

// After an upload, what circulation answered for is forgotten; anything kept meanwhile stays.
function forgetTransactions(storage, queue, ids) {
  const answered = new Set(ids);
  const left = keptTransactions(storage, queue).filter((t) => !answered.has(t.id));
  if (left.length) storage.setItem(OFFLINE_PREFIX + queue, JSON.stringify(left));
  else storage.removeItem(OFFLINE_PREFIX + queue);
  return left.length;
}

// How many transactions are kept in every queue whose name starts with `prefix` (a user's, at any site).
function keptCount(storage, prefix) {
  let count = 0;
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name && name.startsWith(OFFLINE_PREFIX + prefix)) count += keptTransactions(storage, name.slice(OFFLINE_PREFIX.length)).length;
  }
  return count;
}

function offlineBatch(site, kept) {
  return { siteCode: site, transactions: kept };
}

// The offline upload's report in lines: the counts, then each conflict for staff to act on.
function offlineReportLines(report) {
  const lines = [`${report.applied} applied, ${report.conflicts} conflict${report.conflicts === 1 ? "" : "s"}`
    + (report.alreadyApplied ? ` (${report.alreadyApplied} uploaded before)` : "") + "."];
  for (const outcome of report.outcomes || []) {
    if (!outcome.applied) {
      const what = outcome.type === "CHECKOUT" ? "Check-out" : "Check-in";
      lines.push(`${what} of ${outcome.itemBarcode}: ${outcome.detail || outcome.code}`);
    }
  }
  return lines;
}

if (typeof module !== "undefined") {
  module.exports = {
    checkinInstruction, checkoutLine, deskRefusal, renewalLine, patronSummary, circulationUnreachable,
    keptTransactions, keepTransaction, forgetTransactions, keptCount, offlineBatch, offlineReportLines,
  };
}
