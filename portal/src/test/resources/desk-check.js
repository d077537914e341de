// Run by DeskScriptTest: node desk-check.js <path of desk.js>
"use strict";
const assert = require("node:assert/strict");
const desk = require(process.argv[2]);
const LA = "America/Los_Angeles";

// a returned copy: shelve it, the hold shelf, in transit to the hold's school or its own; a fine is said
assert.deepEqual(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "AVAILABLE", daysOverdue: 0, fine: 0 }),
  { tone: "ok", text: "Shelve it." });
assert.deepEqual(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "ON_HOLD_SHELF", holdId: "h", fine: 0 }),
  { tone: "warn", text: "Put it on the hold shelf: a hold is waiting for it here." });
assert.equal(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "IN_TRANSIT", routeTo: "RMS", holdId: "h" }).text,
  "Send it to RMS: a hold is waiting for it there.");
assert.equal(desk.checkinInstruction({ loanId: null, nextCopyStatus: "IN_TRANSIT", routeTo: "GES" }).text,
  "It was not on loan. Send it to GES, its school.");
assert.deepEqual(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "AVAILABLE", daysOverdue: 3, fine: 0.75 }),
  { tone: "bad", text: "Shelve it. Returned 3 days late: fine $0.75." });
assert.equal(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "AVAILABLE", daysOverdue: 1, fine: "0.25" }).text,
  "Shelve it. Returned 1 day late: fine $0.25.");

// a due date in the district's time zone (07:59 UTC on Dec 19 is still Dec 18 in California)
assert.equal(desk.checkoutLine({ dueDate: "2026-12-19T07:59:00Z" }, LA), "Due Fri, Dec 18, 2026");

// refusals: the service's words; overridable ones say so
assert.deepEqual(desk.deskRefusal({ code: "limit-reached", detail: "the patron has 5 items out (limit 5)",
  context: { overridable: true } }, 409), { code: "limit-reached", text: "the patron has 5 items out (limit 5)", overridable: true });
assert.deepEqual(desk.deskRefusal({ code: "unknown-item", detail: "no copy has barcode X" }, 422),
  { code: "unknown-item", text: "no copy has barcode X", overridable: false });
assert.deepEqual(desk.deskRefusal(null, 500), { code: null, text: "Circulation answered 500.", overridable: false });
assert.equal(desk.deskRefusal(null, 401).text, "your sign-in has expired: sign in again (nothing was recorded)");

assert.equal(desk.renewalLine({ itemBarcode: "C1", renewed: true, dueDate: "2027-01-02T20:00:00Z" }, LA),
  "C1: renewed, due Sat, Jan 2, 2027");
assert.equal(desk.renewalLine({ itemBarcode: "C2", renewed: false, refusal: "renewals-exhausted", detail: null }),
  "C2: not renewed (renewals-exhausted)");

assert.deepEqual(desk.patronSummary({ barcode: "P1", firstName: "Ana", lastName: "García", patronType: "STUDENT",
  grade: "9", homeroom: "101", homeSite: "LHS", status: "ACTIVE", blocked: true, blockNote: "see librarian",
  feeBalance: 3.5 }), { name: "Ana García", about: "student · grade 9 · homeroom 101 · LHS",
  warnings: ["Blocked: see librarian", "Owes $3.50"] });
assert.deepEqual(desk.patronSummary({ barcode: "P2", status: "GRADUATED", feeBalance: 0 }).warnings, ["Status: graduated"]);
// money as circulation gives it, digit for digit
assert.deepEqual(desk.patronSummary({ barcode: "P3", status: "ACTIVE", feeBalance: 1234.5 }).warnings, ["Owes $1,234.50"]);
assert.deepEqual(desk.patronSummary({ barcode: "P4", status: "ACTIVE", feeBalance: "0.29" }).warnings, ["Owes $0.29"]);
assert.equal(desk.checkinInstruction({ loanId: "l", nextCopyStatus: "AVAILABLE", daysOverdue: 2, fine: 0.5 }).text,
  "Shelve it. Returned 2 days late: fine $0.50.");

// unreachable: nothing answered, or the portal says circulation is down; a timeout is not (it may have been done)
assert.equal(desk.circulationUnreachable(0), true);
assert.equal(desk.circulationUnreachable(502), true);
assert.equal(desk.circulationUnreachable(504), false);

// kept transactions: per site, in order; forgetting keeps what was kept meanwhile
const store = new Map();
const storage = {
  getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k),
  key: (i) => [...store.keys()][i] ?? null, get length() { return store.size; },
};
assert.deepEqual(desk.keptTransactions(storage, "LHS"), []);
assert.equal(desk.keepTransaction(storage, "LHS", { id: "a", type: "CHECKOUT", itemBarcode: "C1", patronBarcode: "P1" }), 1);
assert.equal(desk.keepTransaction(storage, "LHS", { id: "b", type: "CHECKIN", itemBarcode: "C2" }), 2);
assert.equal(desk.keepTransaction(storage, "RMS", { id: "c", type: "CHECKIN", itemBarcode: "C3" }), 1);
assert.deepEqual(desk.offlineBatch("LHS", desk.keptTransactions(storage, "LHS")).transactions.map((t) => t.id), ["a", "b"]);
assert.equal(desk.forgetTransactions(storage, "LHS", ["a"]), 1);
assert.deepEqual(desk.keptTransactions(storage, "LHS").map((t) => t.id), ["b"]);
assert.equal(desk.forgetTransactions(storage, "LHS", ["b"]), 0);
assert.equal(store.has("lrms.desk.offline.LHS"), false);
assert.equal(desk.keptTransactions(storage, "RMS").length, 1);
// a user's queues at every site, not another user's
store.set("lrms.desk.offline.tech.lhs/LHS", JSON.stringify([{ id: "x" }, { id: "y" }]));
store.set("lrms.desk.offline.tech.lhs/RMS", JSON.stringify([{ id: "z" }]));
store.set("lrms.desk.offline.tech.lhs2/LHS", JSON.stringify([{ id: "w" }]));
assert.equal(desk.keptCount(storage, "tech.lhs/"), 3);
store.set("lrms.desk.offline.GES", "not json");
assert.deepEqual(desk.keptTransactions(storage, "GES"), []);

// the upload's report: counts, then each conflict
assert.deepEqual(desk.offlineReportLines({ applied: 2, conflicts: 1, alreadyApplied: 0, outcomes: [
  { id: "a", type: "CHECKOUT", itemBarcode: "C1", applied: true },
  { id: "b", type: "CHECKIN", itemBarcode: "C2", applied: true },
  { id: "c", type: "CHECKOUT", itemBarcode: "C3", applied: false, code: "item-on-loan", detail: "the item is on loan; check it in first" },
] }), ["2 applied, 1 conflict.", "Check-out of C3: the item is on loan; check it in first"]);
assert.deepEqual(desk.offlineReportLines({ applied: 0, conflicts: 0, alreadyApplied: 2, outcomes: [] }),
  ["0 applied, 0 conflicts (2 uploaded before)."]);
console.log("desk: all checks passed");
