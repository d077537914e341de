// What the circulation desk says and checks about a patron's account (fines and fees): money read from circulation's
// answers and from what staff type, in whole cents (never in floating point), the fee lines, a payment's receipt, a
// waiver and a charge in words, and when a payment or a waiver is sent again with the same Idempotency-Key. Plain
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

// One open fee as the desk lists it: what for, the title and item of its loan when known (and its note), when, the
// amount charged and what is left of it.
function feeLine(fee, loan, timeZone = ACCOUNT_TIME_ZONE) {
  const item = loan && (loan.title || loan.itemBarcode)
    ? [loan.title, loan.itemBarcode && `(${loan.itemBarcode})`].filter(Boolean).join(" ") : null;
  return {
    kind: feeKind(fee.kind), what: [item, fee.note].filter(Boolean).join(" · ") || "-",
    date: accountDate(fee.createdAt, timeZone), amount: feeMoney(fee.amount), balance: feeMoney(fee.balance),
  };
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

// A waiver in words; waivedCents is what was left of the fee before (a whole fee is waived).
function waiverLine(fee, waivedCents) {
  return `Waived: ${feeKind(fee.kind).toLowerCase()}, ${dollars(waivedCents)}.`;
}

function chargeLine(fee) {
  return `Charged: ${feeKind(fee.kind).toLowerCase()}, ${feeMoney(fee.amount)}.`;
}

// A refusal in circulation's words (problem+json detail), e.g. a waiver without the permission.
function accountRefusal(problem, status) {
  if (status === 401) return "your sign-in has expired: sign in again (nothing was recorded)";
  return (problem && (problem.detail || problem.title)) || `Circulation answered ${status}.`;
}

// Whether circulation may have done what it did not answer: nothing came back (0), the portal could not reach it (502)
// or it was busy or slow (503, 504). Then the same payment or waiver is sent again with the same Idempotency-Key, and
// circulation books it once.
function answerUnknown(status) {
  return status === 0 || status === 502 || status === 503 || status === 504;
}

// The action a key belongs to: the same payment (patron, desk, amount, method, fee) or waiver (fee, reason).
function paymentAction(patronId, siteCode, cents, method, feeId) {
  return `payment|${patronId}|${siteCode}|${cents}|${method}|${feeId || ""}`;
}

function waiverAction(feeId, reason) {
  return `waiver|${feeId}|${reason}`;
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
    centsOf, dollars, decimalOf, feeMoney, typedAmount, paymentAmount, paymentDefault, waiverReason, chargeRequest,
    paymentRequest, feeLine, feeChoice, feeKind, balanceLine, receiptLine, waiverLine, chargeLine, accountRefusal,
    answerUnknown, paymentAction, waiverAction, actionKey, settleKey, CHARGE_KINDS, PAYMENT_METHODS,
  };
}
