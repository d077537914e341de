// Run by AccountScriptTest: node account-check.js <path of account.js>
"use strict";
const assert = require("node:assert/strict");
const account = require(process.argv[2]);
const LA = "America/Los_Angeles";

// circulation's money, a JSON number or a decimal string, read in whole cents: never through a float sum
assert.equal(account.centsOf(12.5), 1250);
assert.equal(account.centsOf("12.50"), 1250);
assert.equal(account.centsOf(0.1), 10);
assert.equal(account.centsOf(0.29), 29); // 0.29 * 100 is 28.999999999999996 in floating point
assert.equal(account.centsOf(1.005), null); // three decimals are not money circulation gives
assert.equal(account.centsOf("1.500"), 150);
assert.equal(account.centsOf(0), 0);
assert.equal(account.centsOf("-0.00"), 0);
assert.equal(account.centsOf("-2.25"), -225);
assert.equal(account.centsOf(999999.99), 99999999);
assert.equal(account.centsOf(null), null);
assert.equal(account.centsOf("abc"), null);
assert.equal(account.centsOf(1e21), null);
assert.equal(account.dollars(123456789), "$1,234,567.89");
assert.equal(account.dollars(5), "$0.05");
assert.equal(account.dollars(-225), "-$2.25");
assert.equal(account.decimalOf(1250), "12.50");
assert.equal(account.decimalOf(7), "0.07");
assert.equal(account.feeMoney(0.3), "$0.30");
assert.equal(account.feeMoney("1234.5"), "$1,234.50");
assert.equal(account.feeMoney(undefined), "-");

// what staff type: dollars and cents, more than zero, at most two decimals, at most six digits before the point
assert.deepEqual(account.typedAmount("12"), { cents: 1200 });
assert.deepEqual(account.typedAmount("12.5"), { cents: 1250 });
assert.deepEqual(account.typedAmount(" $12.50 "), { cents: 1250 });
assert.deepEqual(account.typedAmount(".50"), { cents: 50 });
assert.deepEqual(account.typedAmount("0.29"), { cents: 29 });
assert.deepEqual(account.typedAmount("999999.99"), { cents: 99999999 });
assert.deepEqual(account.typedAmount(""), { error: "Type the amount." });
assert.deepEqual(account.typedAmount("-5"), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.typedAmount("0"), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.typedAmount("0.00"), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.typedAmount("1.234"), { error: "An amount has at most two decimals (cents)." });
assert.deepEqual(account.typedAmount("1000000"), { error: "The amount must not be more than $999,999.99." });
for (const garbage of ["abc", "1,50", "1.2.3", "12$", ".", "1e3", "0x10", "Infinity", "NaN", "5 dollars"]) {
  assert.match(account.typedAmount(garbage).error, /is not an amount: type it as dollars and cents, like 12\.50\.$/, garbage);
}

// a payment: never above what is owed (checked before sending; circulation checks too)
assert.deepEqual(account.paymentAmount("3.50", 350), { cents: 350 });
assert.deepEqual(account.paymentAmount("1", 350), { cents: 100 });
assert.deepEqual(account.paymentAmount("3.51", 350), { error: "That is more than the $3.50 owed." });
assert.deepEqual(account.paymentAmount("abc", 350).error.startsWith("\"abc\" is not an amount"), true);
assert.deepEqual(account.paymentAmount("1", 0), { error: "Nothing is owed." });
assert.deepEqual(account.paymentAmount("1", null), { error: "What is owed is not known: show the account again." });
assert.equal(account.paymentDefault(350), "3.50");
assert.equal(account.paymentDefault(0), "");

// the bodies sent: the amount as the decimal itself
assert.equal(account.paymentRequest(1250, "CASH", "LHS"), '{"amount":12.50,"method":"CASH","siteCode":"LHS"}');
assert.deepEqual(JSON.parse(account.paymentRequest(29, "CARD", "LHS", "f-1")),
  { amount: 0.29, method: "CARD", siteCode: "LHS", feeId: "f-1" });
assert.deepEqual(account.chargeRequest({ kind: "damaged", amount: "12", note: " torn cover ", siteCode: "LHS" }),
  { body: '{"amount":12.00,"siteCode":"LHS","kind":"DAMAGED","note":"torn cover"}', cents: 1200 });
assert.equal(account.chargeRequest({ kind: "OTHER", amount: "1", note: "", siteCode: "LHS" }).body,
  '{"amount":1.00,"siteCode":"LHS","kind":"OTHER"}');
assert.deepEqual(account.chargeRequest({ kind: "LOST", amount: "12", siteCode: "LHS" }), { error: "Choose what the fee is for." });
assert.deepEqual(account.chargeRequest({ kind: "DAMAGED", amount: "-1", siteCode: "LHS" }),
  { error: "The amount must be more than $0.00." });
assert.deepEqual(account.chargeRequest({ kind: "DAMAGED", amount: "1", note: "x".repeat(501), siteCode: "LHS" }),
  { error: "The note is at most 500 characters." });
assert.deepEqual(account.chargeRequest({ kind: "DAMAGED", amount: "1", siteCode: "" }),
  { error: "Type the desk's site code first." });
assert.deepEqual(account.waiverReason("  lost in the fire  "), { reason: "lost in the fire" });
assert.deepEqual(account.waiverReason(" ok "), { error: "Give the reason for the waiver (at least 3 characters)." });
assert.deepEqual(account.waiverReason("x".repeat(501)), { error: "The reason is at most 500 characters." });

// fee lines: what for, the loan's title and item when known, the note, the date in the district's time zone
assert.deepEqual(account.feeLine({ kind: "OVERDUE", amount: 1.5, balance: 0.5, note: "6 days overdue",
  createdAt: "2026-11-04T07:30:00Z" }, { title: "Owls", itemBarcode: "C123" }, LA),
{ kind: "Overdue fine", what: "Owls (C123) · 6 days overdue", date: "Nov 3, 2026", amount: "$1.50", balance: "$0.50" });
assert.deepEqual(account.feeLine({ kind: "DAMAGED", amount: "12.00", balance: "12.00", note: null,
  createdAt: "2026-12-01T18:00:00Z" }, null, LA),
{ kind: "Damaged item", what: "-", date: "Dec 1, 2026", amount: "$12.00", balance: "$12.00" });
assert.equal(account.feeLine({ kind: "TEXTBOOK", amount: 80, balance: 80, note: "LOST textbook \"Algebra 1\"" }, null).what,
  "LOST textbook \"Algebra 1\"");
assert.equal(account.feeLine({ kind: "NEWKIND", amount: 1, balance: 1 }, { itemBarcode: "C9" }).kind, "Newkind");
assert.equal(account.feeLine({ kind: "LOST", amount: 1, balance: 1 }, { itemBarcode: "C9" }).what, "(C9)");
assert.equal(account.feeChoice({ kind: "LOST", balance: 25, createdAt: "2026-10-01T17:00:00Z" }, LA),
  "Lost item, Oct 1, 2026: $25.00 left");
assert.equal(account.balanceLine(3.5, 2), "Owes $3.50 (2 open fees).");
assert.equal(account.balanceLine("0.25", 1), "Owes $0.25 (1 open fee).");
assert.equal(account.balanceLine(0, 0), "Nothing is owed.");
assert.equal(account.balanceLine(undefined, 0), "What is owed is not known.");

// the receipt, a waiver and a charge in words
assert.equal(account.receiptLine({ receiptNo: "R-3F9A1C2B7D4E", paid: 2.25, balance: 1.25 }, "CASH"),
  "Receipt R-3F9A1C2B7D4E: $2.25 paid in cash. Still owed: $1.25.");
assert.equal(account.receiptLine({ receiptNo: "R-3F9A1C2B7D4F", paid: "3.50", balance: "0.00" }, "check"),
  "Receipt R-3F9A1C2B7D4F: $3.50 paid by check. Nothing is owed now.");
assert.equal(account.waiverLine({ kind: "OVERDUE", balance: 0 }, 150), "Waived: overdue fine, $1.50.");
assert.equal(account.chargeLine({ kind: "DAMAGED", amount: 12 }), "Charged: damaged item, $12.00.");

// refusals in circulation's words, a waiver without the permission included
assert.equal(account.accountRefusal({ status: 403, code: "permission-required",
  detail: "a waiver needs the permission waive-fees at LHS" }, 403), "a waiver needs the permission waive-fees at LHS");
assert.equal(account.accountRefusal({ code: "payment-above-balance", detail: "the payment of 5.00 is more than the 3.50 owed" }, 422),
  "the payment of 5.00 is more than the 3.50 owed");
assert.equal(account.accountRefusal(null, 500), "Circulation answered 500.");
assert.equal(account.accountRefusal({ detail: "x" }, 401), "your sign-in has expired: sign in again (nothing was recorded)");

// the Idempotency-Key: kept while circulation may have booked the payment without answering, reused by the retry of
// the same payment, forgotten once circulation answers; another amount or fee is another payment
for (const status of [0, 502, 503, 504]) assert.equal(account.answerUnknown(status), true, String(status));
for (const status of [200, 201, 400, 403, 409, 422, 500]) assert.equal(account.answerUnknown(status), false, String(status));
const pending = new Map();
let made = 0;
const newKey = () => `key-${++made}`;
const pay = account.paymentAction("p-1", "LHS", 350, "CASH", null);
const first = account.actionKey(pending, pay, newKey);
assert.equal(first, "key-1");
account.settleKey(pending, pay, first, 504);
assert.equal(account.actionKey(pending, pay, newKey), "key-1", "the retry after a timeout reuses the key");
account.settleKey(pending, pay, first, 503);
assert.equal(account.actionKey(pending, account.paymentAction("p-1", "LHS", 300, "CASH", null), newKey), "key-2",
  "another amount is another payment");
assert.equal(account.actionKey(pending, account.paymentAction("p-2", "LHS", 350, "CASH", null), newKey), "key-3",
  "another patron's payment is another payment");
assert.equal(account.actionKey(pending, pay, newKey), "key-1");
account.settleKey(pending, pay, first, 201);
assert.equal(account.actionKey(pending, pay, newKey), "key-4", "once answered, the next payment is a new one");
const waive = account.waiverAction("f-1", "lost in the fire");
const waiverKey = account.actionKey(pending, waive, newKey);
account.settleKey(pending, waive, waiverKey, 0);
assert.equal(account.actionKey(pending, waive, newKey), waiverKey);
account.settleKey(pending, waive, waiverKey, 403);
assert.equal(pending.has(waive), false, "a refusal forgets the key");

console.log("all checks passed");
