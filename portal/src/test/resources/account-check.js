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
const waive = account.waiverAction("f-1", 150, "lost in the fire");
const waiverKey = account.actionKey(pending, waive, newKey);
account.settleKey(pending, waive, waiverKey, 0);
assert.equal(account.actionKey(pending, waive, newKey), waiverKey);
assert.notEqual(account.actionKey(pending, account.waiverAction("f-1", 100, "lost in the fire"), newKey), waiverKey,
  "waiving another amount of the fee is another waiver");
account.settleKey(pending, waive, waiverKey, 403);
assert.equal(pending.has(waive), false, "a refusal forgets the key");

// a charge: keyed like a payment; its retry after no answer, a 502, 503 or 504 reuses the key with the same body (the
// same key with another body would be circulation's 422 idempotency-key-reused), another charge gets another key
for (const status of [0, 502, 503, 504]) {
  const keys = new Map();
  let count = 0;
  const fresh = () => `charge-key-${++count}`;
  const charged = account.chargeRequest({ kind: "DAMAGED", amount: "12", note: "torn cover", siteCode: "LHS" });
  const charge = account.chargeAction("p-1", charged.body);
  const key = account.actionKey(keys, charge, fresh);
  account.settleKey(keys, charge, key, status);
  const again = account.chargeRequest({ kind: "damaged", amount: " 12.00 ", note: " torn cover ", siteCode: "LHS" });
  assert.equal(again.body, charged.body, "the same charge typed again is the same body");
  assert.equal(account.actionKey(keys, account.chargeAction("p-1", again.body), fresh), key,
    `the retry after ${status} reuses the key`);
  const other = account.chargeRequest({ kind: "DAMAGED", amount: "12", note: "water damage", siteCode: "LHS" });
  assert.equal(account.actionKey(keys, account.chargeAction("p-1", other.body), fresh), "charge-key-2",
    "another note is another charge");
  assert.equal(account.actionKey(keys, account.chargeAction("p-2", charged.body), fresh), "charge-key-3",
    "another patron's charge is another charge");
  account.settleKey(keys, charge, key, 201);
  assert.equal(account.actionKey(keys, charge, fresh), "charge-key-4", "once charged, the next charge is a new one");
}
const refusedCharge = account.chargeAction("p-1", '{"amount":1.00,"siteCode":"LHS","kind":"OTHER"}');
const refusedKey = account.actionKey(pending, refusedCharge, newKey);
account.settleKey(pending, refusedCharge, refusedKey, 422);
assert.equal(pending.has(refusedCharge), false, "a refused charge forgets its key");

// what the desk says when circulation did not answer: it may have been booked; sent again as it is, it is booked once
assert.equal(account.unansweredLine("charge", 1200), "Circulation did not answer about the charge of $12.00: it may "
  + "have been charged. Charge it again as it is (the same fee, amount and note): it will not be charged twice.");
assert.doesNotMatch(account.unansweredLine("charge", 1200), /look at the fees|charged twice\)/);
assert.equal(account.unansweredLine("payment", 350), "Circulation did not answer about the payment of $3.50: it may "
  + "have been taken. Take it again as it is (the same amount, method and fee): it will not be taken twice.");
assert.equal(account.unansweredLine("waiver", 50), "Circulation did not answer about the waiver of $0.50: it may have "
  + "been made. Waive it again as it is (the same amount and reason): it will not be waived twice.");

// a partial waiver: the whole of what is left of the fee is offered; less may be waived, never more, never zero, at
// most two decimals; the amount always sent as the exact decimal
assert.equal(account.waiverDefault(150), "1.50");
assert.equal(account.waiverDefault(0), "");
assert.deepEqual(account.waiverAmount("1.50", 150), { cents: 150 });
assert.deepEqual(account.waiverAmount("$0.50", 150), { cents: 50 });
assert.deepEqual(account.waiverAmount("1", 150), { cents: 100 });
assert.deepEqual(account.waiverAmount("1.51", 150), { error: "That is more than the $1.50 left of this fee." });
assert.deepEqual(account.waiverAmount("2500", 2500), { error: "That is more than the $25.00 left of this fee." });
assert.deepEqual(account.waiverAmount("0", 150), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.waiverAmount("0.00", 150), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.waiverAmount("-1", 150), { error: "The amount must be more than $0.00." });
assert.deepEqual(account.waiverAmount("0.125", 150), { error: "An amount has at most two decimals (cents)." });
assert.deepEqual(account.waiverAmount("", 150), { error: "Type the amount." });
assert.match(account.waiverAmount("half", 150).error, /^"half" is not an amount/);
assert.deepEqual(account.waiverAmount("1", 0), { error: "Nothing is left of this fee." });
assert.deepEqual(account.waiverAmount("1", null), { error: "What is left of the fee is not known: show the account again." });
assert.equal(account.waiverRequest(50, "first offence"), '{"amount":0.50,"reason":"first offence"}');
assert.deepEqual(JSON.parse(account.waiverRequest(150, "said \"sorry\"")), { amount: 1.5, reason: "said \"sorry\"" });
assert.equal(account.waiverLine({ kind: "LOST", balance: "15.00" }, 1000), "Waived: lost item, $10.00. $15.00 of it is still owed.");
assert.equal(account.waiverLine({ kind: "LOST", balance: "0.00" }, 2500), "Waived: lost item, $25.00.");

// the account's history, newest first: date in the district's time zone, kind, fee and reason, amount, method,
// receipt number, the staff member as circulation names them, desk ("not recorded" for a payment without one), what
// was owed after
const entries = [
  { at: "2026-12-05T22:10:00Z", kind: "REFUND", amount: 25, change: 0, balance: "0.00", feeKind: "LOST",
    siteCode: "LHS", feeBalance: 0, method: null, reason: "the book came back", receiptNo: "R-AAAA00000004",
    by: "jdoe", deskSite: "LHS" },
  { at: "2026-12-04T18:00:00Z", kind: "WAIVER", amount: "0.50", change: "-0.50", balance: "0.00", feeKind: "OVERDUE",
    reason: "first offence", receiptNo: "R-AAAA00000003", by: "sup.lhs", deskSite: null },
  { at: "2026-12-03T17:00:00Z", kind: "PAYMENT", amount: "1.00", change: "-1.00", balance: "0.50", feeKind: "OVERDUE",
    method: "CASH", receiptNo: "R-AAAA00000002", by: "tech.lhs", deskSite: "LHS" },
  { at: "2026-12-03T17:00:00Z", kind: "PAYMENT", amount: "25.00", change: "-25.00", balance: "1.50", feeKind: "LOST",
    method: "CASH", receiptNo: "R-AAAA00000002", by: "tech.lhs", deskSite: "LHS" },
  { at: "2026-11-20T20:00:00Z", kind: "PAYMENT", amount: 2.25, change: -2.25, balance: 26.5, feeKind: "OVERDUE",
    method: "CARD", receiptNo: "R-AAAA00000001", by: "admin", deskSite: null },
  { at: "2026-11-04T07:30:00Z", kind: "CHARGE", amount: 25, change: 25, balance: 28.75, feeKind: "LOST",
    reason: null, receiptNo: null, by: "system", deskSite: null },
];
const lines = account.historyLines(entries, LA);
assert.deepEqual(lines[0], { date: "Dec 5, 2026", kind: "Refund", what: "Lost item · the book came back",
  amount: "$25.00", method: "-", receipt: "R-AAAA00000004", by: "jdoe", desk: "LHS", balance: "$0.00",
  printReceipt: "R-AAAA00000004" });
assert.deepEqual(lines[1], { date: "Dec 4, 2026", kind: "Waiver", what: "Overdue fine · first offence",
  amount: "$0.50", method: "-", receipt: "R-AAAA00000003", by: "sup.lhs", desk: "-", balance: "$0.00",
  printReceipt: "R-AAAA00000003" });
assert.deepEqual(lines[2], { date: "Dec 3, 2026", kind: "Payment", what: "Overdue fine", amount: "$1.00",
  method: "Cash", receipt: "R-AAAA00000002", by: "tech.lhs", desk: "LHS", balance: "$0.50",
  printReceipt: "R-AAAA00000002" });
assert.equal(lines[3].printReceipt, undefined, "a payment to several fees is printed from its first line only");
assert.equal(lines[3].receipt, "R-AAAA00000002");
assert.deepEqual(lines[4], { date: "Nov 20, 2026", kind: "Payment", what: "Overdue fine", amount: "$2.25",
  method: "Card", receipt: "R-AAAA00000001", by: "admin", desk: "not recorded", balance: "$26.50",
  printReceipt: "R-AAAA00000001" });
assert.deepEqual(lines[5], { date: "Nov 3, 2026", kind: "Charge", what: "Lost item", amount: "$25.00", method: "-",
  receipt: "-", by: "system", desk: "-", balance: "$28.75" });
assert.deepEqual(lines.map((l) => l.printReceipt).filter(Boolean),
  ["R-AAAA00000004", "R-AAAA00000003", "R-AAAA00000002", "R-AAAA00000001"],
  "a refund's, a waiver's and each payment's receipt are offered to print; a charge has none");
// a waiver or refund whose kind comes in another case is offered too; a charge is never, whatever it carries
assert.equal(account.historyLines([{ kind: "waiver", amount: 1, balance: 0, receiptNo: "R-B1" }])[0].printReceipt,
  "R-B1");
assert.equal(account.historyLines([{ kind: "CHARGE", amount: 1, balance: 1, receiptNo: "R-B2" }])[0].printReceipt,
  undefined);
assert.equal(account.historyLines([{ kind: "REFUND", amount: 1, balance: 0, receiptNo: null }])[0].printReceipt,
  undefined, "no receipt number, nothing to print");
assert.equal(account.historyLine({ kind: "PAYMENT", amount: 1, balance: 0 }).by, "-", "no staff member named");
assert.equal(account.historyLine({ kind: "REFUND", amount: 5, balance: 0, feeKind: "DAMAGED", deskSite: null }, LA).desk,
  "not recorded", "a refund at a desk circulation does not know");
assert.equal(account.historyLine({ kind: "CHARGE", amount: 12, balance: 12, feeKind: "DAMAGED", reason: "torn cover" }).what,
  "Damaged item · torn cover");
// the item of the fee's loan while circulation still names it (the loan is the patron's), none once anonymized
assert.equal(account.historyLine({ kind: "CHARGE", amount: 2, balance: 2, feeKind: "OVERDUE", itemTitle: "Holes",
  itemBarcode: "C123" }).what, "Overdue fine · Holes (C123)");
assert.equal(account.historyLine({ kind: "PAYMENT", amount: 2, balance: 0, feeKind: "OVERDUE", itemTitle: null,
  itemBarcode: null }).what, "Overdue fine");
assert.equal(account.historyLine({ kind: "PAYMENT", amount: 1, balance: 0, feeKind: "OTHER", method: "ONLINE" }).method,
  "Online");
assert.deepEqual(account.historyLines(undefined), []);

// a page at a time
assert.equal(account.HISTORY_PAGE_SIZE, 20);
assert.deepEqual(account.historyPage(0, 20, 0),
  { text: "Nothing has been charged, paid, waived or refunded yet.", newer: false, older: false });
assert.deepEqual(account.historyPage(0, 20, 1), { text: "1 entry, newest first.", newer: false, older: false });
assert.deepEqual(account.historyPage(0, 20, 20), { text: "20 entries, newest first.", newer: false, older: false });
assert.deepEqual(account.historyPage(0, 20, 57), { text: "Entries 1–20 of 57, newest first.", newer: false, older: true });
assert.deepEqual(account.historyPage(1, 20, 57), { text: "Entries 21–40 of 57, newest first.", newer: true, older: true });
assert.deepEqual(account.historyPage(2, 20, 57), { text: "Entries 41–57 of 57, newest first.", newer: true, older: false });
assert.deepEqual(account.historyPage(3, 20, 57), { text: "No entries here: there are 57.", newer: true, older: false });

console.log("all checks passed");

// what a payment may go toward; the fee of an unanswered payment stays a choice after that payment settled it (a
// retry is sent as it was, with its key, and is not taken twice as a payment to the oldest fees)
{
  const a = { id: "fee-a", kind: "DAMAGED", createdAt: "2026-11-03T18:00:00Z", balance: "5.00" };
  const b = { id: "fee-b", kind: "OVERDUE", createdAt: "2026-11-04T18:00:00Z", balance: "10.00" };
  const before = account.towardChoices([a, b], "fee-a", null, LA);
  assert.deepEqual(before.choices.map((c) => c.value), ["", "fee-a", "fee-b"]);
  assert.equal(before.value, "fee-a");
  // the payment of A went unanswered and settled A: A is no longer open
  const after = account.towardChoices([b], "fee-a", "fee-a", LA);
  assert.deepEqual(after.choices.map((c) => c.value), ["", "fee-b", "fee-a"]);
  assert.equal(after.choices[2].label, "The fee of the payment circulation did not answer");
  assert.equal(after.value, "fee-a");
  // once answered (no unanswered fee), a settled fee is no choice and the oldest fees come first
  assert.equal(account.towardChoices([b], "fee-a", null, LA).value, "");
  assert.equal(account.towardChoices(undefined, "x", null, LA).choices.length, 1);
}
