// What the circulation desk says and checks about a patron's account (fines and fees): money read from circulation's
// answers and from what staff type, in whole cents (never in floating point), the fee lines, a payment's receipt, a
// waiver (whole or part of a fee) and a charge in words, the account's history a page at a time, and when a payment,
// a waiver or a charge is sent again with the same Idempotency-Key. Plain
// functions without the page, so that they can be tested alone (AccountScriptTest runs them in Node). Nothing here
// keeps anything: a patron's account stays in the page while the patron is at the desk.
"use strict";

const ACCOUNT_TIME_ZONE = "America/Los_Angeles";

// Circulation takes amounts of at most six digits before the point (FeeRequests: @Digits(integer = 6, fraction = 2)).
const LARGEST_CENTS = 99_999_999;

const FEE_KINDS = {
  OVERDUE: "Overdue fine", LOST: "Lost item", PROCESSING: "Processing", DAMAGED: "Damaged item",
  TEXTBOOK: "Textbook", OTHER: "Other",
};

// The charges staff may add by hand at the desk (circulation refuses any other kind).
const CHARGE_KINDS = ["DAMAGED", "PROCESSING", "OTHER"];

// The ways a desk takes money (circulation's CASH, CHECK, CARD; ONLINE is not taken at a desk).
const PAYMENT_METHODS = { CASH: "in cash", CHECK: "by check", CARD: "by card", ONLINE: "online" };

// The entries of an account's history (circulation's ledger kinds) and the methods as a column shows them.
const ENTRY_KINDS = { CHARGE: "Charge", PAYMENT: "Payment", WAIVER: "Waiver", REFUND: "Refund" };
const METHOD_NAMES = { CASH: "Cash", CHECK: "Check", CARD: "Card", ONLINE: "Online" };

// Entries of the history a page shows (circulation gives up to 500; a desk reads a screenful).
const HISTORY_PAGE_SIZE = 20;

// Cents of an amount as circulation gives it (a JSON number such as 12.5, or a decimal string "12.50"); null when it
// is not money. A JSON number's own text is read, digit by digit: its shortest form is the decimal circulation wrote.
function centsOf(value) {
  if (value === null || value === undefined || value === "") return null;
  const text = typeof value === "number" ? String(value) : String(value).trim();
  const parts = /^(-)?(\d+)(?:\.(\d{1,2})0*)?$/.exec(text);
  if (!parts) return null;
  const cents = Number(parts[2]) * 100 + Number((parts[3] || "").padEnd(2, "0"));
  if (!Number.isSafeInteger(cents)) return null;
  return parts[1] && cents ? -cents : cents;
}

// "$1,234.50" from cents.
function dollars(cents) {
  const whole = Math.abs(cents);
  const units = String(Math.trunc(whole / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${cents < 0 ? "-" : ""}$${units}.${String(whole % 100).padStart(2, "0")}`;
}

// "12.50" from cents: the decimal circulation is sent.
function decimalOf(cents) {
  return `${cents < 0 ? "-" : ""}${Math.trunc(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, "0")}`;
}

// Circulation's amount as the desk shows it; what is not money is shown as it came.
function feeMoney(value) {
  const cents = centsOf(value);
  return cents === null ? String(value ?? "-") : dollars(cents);
}

// What staff typed as an amount: {cents} or {error} in words. "12", "12.5", "12.50", "$12.50", ".50" are money;
// nothing, a negative or zero amount, more than two decimals and anything else are not.
function typedAmount(text) {
  const typed = String(text ?? "").trim().replace(/^\$\s*/, "");
  if (!typed) return { error: "Type the amount." };
  if (/^-/.test(typed)) return { error: "The amount must be more than $0.00." };
  const parts = /^(\d*)(?:\.(\d*))?$/.exec(typed);
  if (!parts || !(parts[1] + (parts[2] || ""))) {
    return { error: `"${typed.slice(0, 20)}" is not an amount: type it as dollars and cents, like 12.50.` };
  }
  if ((parts[2] || "").length > 2) return { error: "An amount has at most two decimals (cents)." };
  const whole = parts[1].replace(/^0+(?=\d)/, "");
  if (whole.length > 6) return { error: `The amount must not be more than ${dollars(LARGEST_CENTS)}.` };
  const cents = Number(whole || "0") * 100 + Number((parts[2] || "").padEnd(2, "0"));
  if (cents === 0) return { error: "The amount must be more than $0.00." };
  return { cents };
}

// A payment's amount: typed money that is not above what is owed (of the whole account, or of the fee it goes to).
function paymentAmount(text, owedCents) {
  const amount = typedAmount(text);
  if (amount.error) return amount;
  if (owedCents === null || owedCents === undefined) return { error: "What is owed is not known: show the account again." };
  if (owedCents <= 0) return { error: "Nothing is owed." };
  if (amount.cents > owedCents) return { error: `That is more than the ${dollars(owedCents)} owed.` };
  return amount;
}

// The amount first offered for a payment: the whole of what is owed, as circulation's decimal ("12.50").
function paymentDefault(owedCents) {
  return owedCents && owedCents > 0 ? decimalOf(owedCents) : "";
}

// A waiver's amount: typed money that is not above what is left of the fee (circulation checks too:
// waiver-above-balance).
function waiverAmount(text, feeBalanceCents) {
  const amount = typedAmount(text);
  if (amount.error) return amount;
  if (feeBalanceCents === null || feeBalanceCents === undefined) {
    return { error: "What is left of the fee is not known: show the account again." };
  }
  if (feeBalanceCents <= 0) return { error: "Nothing is left of this fee." };
  if (amount.cents > feeBalanceCents) {
    return { error: `That is more than the ${dollars(feeBalanceCents)} left of this fee.` };
  }
  return amount;
}

// The amount first offered for a waiver: the whole of what is left of the fee ("1.50").
function waiverDefault(feeBalanceCents) {
  return paymentDefault(feeBalanceCents);
}

// A waiver's reason: circulation takes 3 to 500 characters that are not blank.
function waiverReason(text) {
  const reason = String(text ?? "").trim();
  if (reason.length < 3) return { error: "Give the reason for the waiver (at least 3 characters)." };
  if (reason.length > 500) return { error: "The reason is at most 500 characters." };
  return { reason };
}

// A charge staff add by hand: {body} to send, or {error} in words.
function chargeRequest(fields) {
  const kind = String(fields.kind || "").toUpperCase();
  if (!CHARGE_KINDS.includes(kind)) return { error: "Choose what the fee is for." };
  const amount = typedAmount(fields.amount);
  if (amount.error) return amount;
  const note = String(fields.note ?? "").trim();
  if (note.length > 500) return { error: "The note is at most 500 characters." };
  if (!fields.siteCode) return { error: "Type the desk's site code first." };
  return { body: moneyBody({ siteCode: fields.siteCode, kind, ...(note ? { note } : {}) }, amount.cents), cents: amount.cents };
}

// A payment's body: the amount as an exact decimal, the method, the desk's site, and the fee it goes to (oldest fees
// first when none).
function paymentRequest(cents, method, siteCode, feeId) {
  return moneyBody({ method, siteCode, ...(feeId ? { feeId } : {}) }, cents);
}

// A waiver's body: the amount always named, the whole of what is left of the fee too (without one circulation waives
// whatever is left when the waiver arrives: after a payment at another desk meanwhile, less than the desk showed and
// said), so that what is waived is what the desk showed or nothing (422 waiver-above-balance), and a retry's body is
// the first one's.
function waiverRequest(cents, reason) {
  return moneyBody({ reason }, cents);
}

// JSON with "amount" written as the decimal itself (12.50), not as a float JavaScript would round-trip.
function moneyBody(fields, cents) {
  const rest = JSON.stringify(fields);
  return `{"amount":${decimalOf(cents)}${rest === "{}" ? "}" : `,${rest.slice(1)}`}`;
}

function accountDate(instant, timeZone = ACCOUNT_TIME_ZONE) {
  return instant ? new Date(instant).toLocaleDateString("en-US",
    { month: "short", day: "numeric", year: "numeric", timeZone }) : "-";
}

function feeKind(kind) {
  return FEE_KINDS[kind] || (kind ? kind.charAt(0) + kind.slice(1).toLowerCase() : "Fee");
}

// An item as the account names it: "Holes (C123)"; null when circulation names none (a fee of no loan, or a loan the
// privacy policy has already taken from the patron).
function itemOf(title, barcode) {
  return title || barcode ? [title, barcode && `(${barcode})`].filter(Boolean).join(" ") : null;
}

// One open fee as the desk lists it: what for, the title and item of its loan when known (and its note), when, the
// amount charged and what is left of it.
function feeLine(fee, loan, timeZone = ACCOUNT_TIME_ZONE) {
  const item = loan ? itemOf(loan.title, loan.itemBarcode) : null;
  return {
    kind: feeKind(fee.kind), what: [item, fee.note].filter(Boolean).join(" · ") || "-",
    date: accountDate(fee.createdAt, timeZone), amount: feeMoney(fee.amount), balance: feeMoney(fee.balance),
  };
}

// What a payment may go toward: the oldest fees first, or one open fee; and the fee of a payment circulation did not
// answer while it is no longer open (that payment may have settled it), so that the payment is sent again as it was,
// with its key, not as a new one to the oldest fees. The choice stays when it still is one.
function towardChoices(openFees, chosen, unansweredFee, timeZone = ACCOUNT_TIME_ZONE) {
  const choices = [{ label: "The oldest fees first", value: "" },
    ...(openFees || []).map((fee) => ({ label: feeChoice(fee, timeZone), value: fee.id }))];
  if (unansweredFee && !choices.some((c) => c.value === unansweredFee)) {
    choices.push({ label: "The fee of the payment circulation did not answer", value: unansweredFee });
  }
  return { choices, value: choices.some((c) => c.value === chosen) ? chosen : "" };
}

// A fee as a choice ("Overdue fine, Nov 3, 2026: $1.50 left").
function feeChoice(fee, timeZone = ACCOUNT_TIME_ZONE) {
  return `${feeKind(fee.kind)}, ${accountDate(fee.createdAt, timeZone)}: ${feeMoney(fee.balance)} left`;
}

// What is owed, over the open fees.
function balanceLine(balance, openFees) {
  const cents = centsOf(balance);
  if (cents === null) return "What is owed is not known.";
  if (cents <= 0) return "Nothing is owed.";
  return `Owes ${dollars(cents)}` + (openFees ? ` (${openFees} open fee${openFees === 1 ? "" : "s"}).` : ".");
}

// A payment's receipt in words: its number, what was paid and how, what is still owed.
function receiptLine(receipt, method) {
  const how = PAYMENT_METHODS[String(method || "").toUpperCase()];
  const left = centsOf(receipt.balance);
  return `Receipt ${receipt.receiptNo}: ${feeMoney(receipt.paid)} paid${how ? ` ${how}` : ""}. `
    + (left === null ? "" : left > 0 ? `Still owed: ${dollars(left)}.` : "Nothing is owed now.");
}

// A waiver in words: what was waived, and what is left of the fee when part of it was (fee: circulation's answer, the
// fee after the waiver).
function waiverLine(fee, waivedCents) {
  const left = centsOf(fee.balance);
  return `Waived: ${feeKind(fee.kind).toLowerCase()}, ${dollars(waivedCents)}.`
    + (left > 0 ? ` ${dollars(left)} of it is still owed.` : "");
}

function chargeLine(fee) {
  return `Charged: ${feeKind(fee.kind).toLowerCase()}, ${feeMoney(fee.amount)}.`;
}

// What the desk says when circulation did not answer about a payment, a waiver or a charge: it may have been booked,
// and sending it again as it was (same key) books it once.
function unansweredLine(action, cents) {
  const money = dollars(cents);
  if (action === "payment") {
    return `Circulation did not answer about the payment of ${money}: it may have been taken. `
      + "Take it again as it is (the same amount, method and fee): it will not be taken twice.";
  }
  if (action === "waiver") {
    return `Circulation did not answer about the waiver of ${money}: it may have been made. `
      + "Waive it again as it is (the same amount and reason): it will not be waived twice.";
  }
  return `Circulation did not answer about the charge of ${money}: it may have been charged. `
    + "Charge it again as it is (the same fee, amount and note): it will not be charged twice.";
}

// The entries circulation prints a receipt of (GET …/receipts/{receiptNo}, as a PDF too): a charge has none.
const RECEIPT_KINDS = ["PAYMENT", "WAIVER", "REFUND"];

// One entry of the account's history (circulation's ledger, newest first): when, what kind, the fee and the reason
// (a charge's note, a waiver's or refund's reason), the amount, how it was paid, the receipt number, the staff member
// who made it as circulation names them ("system" for what the overdue sweep and the textbook service booked), the
// desk that took or handed back the money ("not recorded" when circulation has none: a payment district staff took
// without naming a desk, or one booked before desks were recorded), and what was owed after it.
function historyLine(entry, timeZone = ACCOUNT_TIME_ZONE) {
  const kind = String(entry.kind || "").toUpperCase();
  const money = kind === "PAYMENT" || kind === "REFUND";
  return {
    date: accountDate(entry.at, timeZone),
    kind: ENTRY_KINDS[kind] || feeKind(kind),
    what: [feeKind(entry.feeKind), itemOf(entry.itemTitle, entry.itemBarcode), entry.reason].filter(Boolean)
      .join(" · "),
    amount: feeMoney(entry.amount),
    method: METHOD_NAMES[String(entry.method || "").toUpperCase()] || entry.method || "-",
    receipt: entry.receiptNo || "-",
    by: entry.by || "-",
    desk: money ? entry.deskSite || "not recorded" : "-",
    balance: feeMoney(entry.balance),
  };
}

// The lines of a page of history; a payment's, a waiver's and a refund's line carries its receipt number to print
// ("Print receipt (PDF)"), once per receipt on the page (a payment to several fees is one entry per fee under one
// receipt number).
function historyLines(entries, timeZone = ACCOUNT_TIME_ZONE) {
  const offered = new Set();
  return (entries || []).map((entry) => {
    const line = historyLine(entry, timeZone);
    const receiptNo = RECEIPT_KINDS.includes(String(entry.kind || "").toUpperCase()) && entry.receiptNo;
    if (receiptNo && !offered.has(receiptNo)) {
      offered.add(receiptNo);
      line.printReceipt = receiptNo;
    }
    return line;
  });
}

// Where a page of history is: "Entries 21–40 of 57, newest first.", and whether newer or older pages exist.
function historyPage(page, size, total) {
  const count = Number(total) || 0;
  if (count <= 0) {
    return { text: "Nothing has been charged, paid, waived or refunded yet.", newer: false, older: false };
  }
  const first = page * size + 1;
  if (first > count) return { text: `No entries here: there are ${count}.`, newer: page > 0, older: false };
  const last = Math.min(count, (page + 1) * size);
  return {
    text: count <= size ? `${count} entr${count === 1 ? "y" : "ies"}, newest first.`
      : `Entries ${first}–${last} of ${count}, newest first.`,
    newer: page > 0,
    older: last < count,
  };
}

// A refusal in circulation's words (problem+json detail), e.g. a waiver without the permission.
function accountRefusal(problem, status) {
  if (status === 401) return "your sign-in has expired: sign in again (nothing was recorded)";
  return (problem && (problem.detail || problem.title)) || `Circulation answered ${status}.`;
}

// Whether circulation may have done what it did not answer: nothing came back (0), the portal could not reach it (502)
// or it was busy or slow (503, 504). Then the same payment, waiver or charge is sent again with the same
// Idempotency-Key, and circulation books it once.
function answerUnknown(status) {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

// The action a key belongs to: the same payment (patron, desk, amount, method, fee), waiver (fee, amount, reason) or
// charge (patron and the body sent: desk, kind, amount, note). Circulation refuses a key reused with another body
// (422 idempotency-key-reused): an action is never sent with another's key.
function paymentAction(patronId, siteCode, cents, method, feeId) {
  return `payment|${patronId}|${siteCode}|${cents}|${method}|${feeId || ""}`;
}

function waiverAction(feeId, cents, reason) {
  return `waiver|${feeId}|${cents}|${reason}`;
}

function chargeAction(patronId, chargeBody) {
  return `charge|${patronId}|${chargeBody}`;
}

// The Idempotency-Key for an action: the one kept for it while unanswered (a retry), else a new one.
function actionKey(pending, action, newKey) {
  return pending.get(action) || newKey();
}

// After an answer: an unknown outcome keeps the key for the retry; any answer from circulation forgets it.
function settleKey(pending, action, key, status) {
  if (answerUnknown(status)) pending.set(action, key);
  else pending.delete(action);
}

if (typeof module !== "undefined") {
  module.exports = {
    centsOf, dollars, decimalOf, feeMoney, typedAmount, paymentAmount, paymentDefault, waiverAmount, waiverDefault,
    waiverReason, waiverRequest, chargeRequest, paymentRequest, feeLine, feeChoice, feeKind, balanceLine, receiptLine,
    waiverLine, chargeLine, unansweredLine, towardChoices, historyLine, historyLines, historyPage, accountRefusal, answerUnknown,
    paymentAction, waiverAction, chargeAction, actionKey, settleKey, CHARGE_KINDS, PAYMENT_METHODS, HISTORY_PAGE_SIZE,
  };
}
