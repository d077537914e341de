// Run by InventoryWeedingScriptTest: node inventory-weeding-check.js <path of inventory-weeding.js>
"use strict";
const assert = require("node:assert/strict");
const iw = require(process.argv[2]);
const LA = "America/Los_Angeles";

(async () => {
  // lists: a plain array, or a page (content, items, or a named field)
  assert.deepEqual(iw.listOf([1, 2]), [1, 2]);
  assert.deepEqual(iw.listOf({ content: [1], page: 0, size: 20, total: 1 }), [1]);
  assert.deepEqual(iw.listOf({ items: [3] }), [3]);
  assert.deepEqual(iw.listOf({ copies: [4], total: 1 }, "copies"), [4]);
  assert.deepEqual(iw.listOf(null), []);
  assert.deepEqual(iw.listOf({ total: 0 }), []);

  // the start request: blank fields left out; the skip date is midnight in the district's time zone
  assert.equal(iw.startOfDay("2026-09-01", LA), "2026-09-01T07:00:00Z");
  assert.equal(iw.startOfDay("2026-12-05", LA), "2026-12-05T08:00:00Z");
  assert.equal(iw.startOfDay("2026-03-08", LA), "2026-03-08T08:00:00Z"); // the night clocks move forward
  assert.deepEqual(iw.inventoryStartRequest({ siteCode: " lhs ", callNumberFrom: "", callNumberTo: " ",
    circulationType: "", shelfLocation: "", skipSeenSince: "" }), { siteCode: "LHS" });
  assert.deepEqual(iw.inventoryStartRequest({ siteCode: "LHS", callNumberFrom: "500", callNumberTo: "599.99",
    circulationType: "REGULAR", shelfLocation: " Nonfiction ", skipSeenSince: "2026-09-01" }, LA),
  { siteCode: "LHS", callNumberFrom: "500", callNumberTo: "599.99", circulationType: "REGULAR",
    shelfLocation: "Nonfiction", skipSeenSince: "2026-09-01T07:00:00Z" });

  // an inventory in words, its counts, and the confirms
  const open = { id: "i1", siteCode: "LHS", status: "OPEN", scope: "LHS: call numbers 500 to 599.99",
    startedAt: "2026-12-05T17:00:00Z", copiesInScope: 1240, copiesSkipped: 310, copiesExpected: 930, scanned: 12,
    skipSeenSince: "2026-09-01T07:00:00Z" };
  assert.equal(iw.inventoryTitle(open, LA),
    "LHS: call numbers 500 to 599.99, skipping copies seen since Sep 1, 2026 (open since Dec 5, 2026)");
  assert.equal(iw.inventoryTitle({ siteCode: "RMS", status: "CANCELLED", scope: "whole site RMS",
    cancelledAt: "2026-12-06T01:00:00Z" }, LA), "Whole site RMS (cancelled Dec 5, 2026)");
  assert.deepEqual(iw.inventoryCounts(open).map((c) => c.label),
    ["Copies in scope", "Skipped (seen since the date)", "To account for", "Scanned"]);
  const finished = { ...open, status: "FINISHED", finishedAt: "2026-12-05T20:00:00Z", missing: 7, found: 2,
    misplaced: 1, notChecked: 3, scannedOnLoan: 1, unknownBarcodes: 2 };
  assert.deepEqual(iw.inventoryCounts(finished).slice(4), [{ label: "Missing", value: 7 }, { label: "Found", value: 2 },
    { label: "Misplaced", value: 1 }, { label: "Not checked", value: 3 }, { label: "Scanned on loan", value: 1 },
    { label: "Unknown barcodes", value: 2 }]);
  // a shelf location or circulation type offered in the start form, with its copies
  assert.equal(iw.scopeChoiceLabel({ name: "Fiction", copies: 1234 }), "1,234 copies");
  assert.equal(iw.scopeChoiceLabel({ name: "Reference", copies: 1 }), "1 copy");
  const confirmText = iw.finishConfirmation(open);
  assert.match(confirmText, /Copies on the shelf that were not scanned will be marked missing/);
  assert.match(confirmText, /up to 918 copies of the 930 to account for/);
  assert.match(iw.cancelConfirmation(open), /Nothing becomes missing/);
  assert.equal(iw.inventoryTitle({ siteCode: "LHS", status: "FINISHED", scope: "whole site LHS" }, LA),
    "Whole site LHS (finished)");
  assert.equal(iw.unsentLine(finished, 2),
    "2 scans kept in this browser never reached this inventory, and it is finished now: the catalog will not take them.");

  // kept scans per queue; a user's count over every inventory
  const store = new Map();
  const storage = {
    getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k),
    key: (i) => [...store.keys()][i] ?? null, get length() { return store.size; },
  };
  iw.keepScans(storage, "tech/i1", ["A", "B"]);
  iw.keepScans(storage, "tech/i2", ["C"]);
  iw.keepScans(storage, "other/i1", ["D"]);
  assert.deepEqual(iw.keptScans(storage, "tech/i1"), ["A", "B"]);
  assert.equal(iw.keptScanCount(storage, "tech/"), 3);
  iw.keepScans(storage, "tech/i2", []);
  assert.equal(store.has("lrms.inventory.scans.tech/i2"), false);
  store.set("lrms.inventory.scans.tech/bad", "not json");
  assert.deepEqual(iw.keptScans(storage, "tech/bad"), []);

  // two tabs (page loads) of one inventory keep their own lists: neither overwrites the other's
  store.clear();
  iw.keepScans(storage, "tech/i1#tabA", ["A", "B"]);
  iw.keepScans(storage, "tech/i1#tabB", ["B", "C"]);
  iw.keepScans(storage, "tech/i1", ["D"]); // kept by a page before lists were per page
  iw.keepScans(storage, "tech/i10#tabA", ["E"]); // another inventory whose id starts the same
  assert.equal(iw.keptScanCount(storage, "tech/"), 5, "B, kept by two tabs of one inventory, counts once");
  // a new page opening the inventory takes over what the others kept (a closed tab's scans are not lost)
  const adopted = iw.adoptKeptScans(storage, "tech/i1", "tabC");
  assert.equal(adopted.queue, "tech/i1#tabC");
  assert.deepEqual([...adopted.scans].sort(), ["A", "B", "C", "D"]);
  assert.deepEqual([...store.keys()].sort(), ["lrms.inventory.scans.tech/i1#tabC", "lrms.inventory.scans.tech/i10#tabA"]);
  assert.deepEqual(iw.keptScans(storage, "tech/i1#tabC").sort(), ["A", "B", "C", "D"]);
  // its own list first, in its order, when it had one (a reload of the same page id is not possible, but kept lists are)
  iw.keepScans(storage, "tech/i1#tabD", ["Z"]);
  assert.deepEqual(iw.adoptKeptScans(storage, "tech/i1", "tabD").scans, ["Z", "A", "B", "C", "D"]);
  assert.deepEqual(iw.adoptKeptScans(storage, "tech/i2", "tabD"), { queue: "tech/i2#tabD", scans: [] });
  assert.equal(store.has("lrms.inventory.scans.tech/i2#tabD"), false, "nothing kept, nothing written");

  // the scan queue, on a test clock
  let now = 0;
  let timers = [];
  let nextId = 1;
  const schedule = (fn, ms) => { const id = nextId++; timers.push({ id, at: now + ms, fn }); return id; };
  const cancel = (id) => { timers = timers.filter((t) => t.id !== id); };
  const tick = async (ms) => {
    now += ms;
    for (;;) {
      const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((t) => t !== due);
      await due.fn();
      await new Promise((r) => setImmediate(r));
    }
  };
  const settle = () => new Promise((r) => setImmediate(r));

  const posted = [];
  let answers = [];
  let kept = [];
  const receipts = [];
  const queue = iw.scanQueue({
    send: async (batch) => { posted.push([...batch]); return answers.shift() || { status: 200, body: { received: batch.length, newlyScanned: batch.length, unknownBarcodes: 0, atOtherSites: 0 } }; },
    keep: (list) => { kept = list; }, schedule, cancel, onBatch: (receipt) => receipts.push(receipt),
  });

  // 2 s after the last scan: one batch
  queue.add("A1");
  await tick(1500);
  queue.add("A2");
  await tick(1500);
  assert.equal(posted.length, 0, "each scan waits 2 s for the next");
  assert.deepEqual(kept, ["A1", "A2"]);
  assert.equal(iw.scanQueueLine(queue.status()), "0 scans sent, 2 waiting.");
  await tick(500);
  await settle();
  assert.deepEqual(posted, [["A1", "A2"]]);
  assert.deepEqual(kept, []);
  assert.equal(receipts.length, 1);

  // a repeat is shown, not sent again
  assert.deepEqual(queue.add("A1"), { barcode: "A1", repeat: true });
  assert.equal(iw.scanLine({ barcode: "A1", repeat: true }), "A1: scanned before (counted once)");
  assert.equal(iw.scanQueueLine(queue.status()), "2 scans sent, 0 waiting, 1 repeat not sent again.");
  assert.equal(queue.add("  "), null);

  // 50 waiting: sent at once, without waiting for the timer
  for (let i = 0; i < 50; i++) queue.add(`B${i}`);
  await settle();
  assert.equal(posted.length, 2);
  assert.equal(posted[1].length, 50);
  assert.equal(queue.status().waiting, 0);

  // a batch that fails (the catalog is down) is kept and sent again by itself, with what was scanned meanwhile
  answers = [{ status: 502, body: null }, { status: 504, body: null }];
  queue.add("C1");
  queue.add("C2");
  await tick(2000);
  await settle();
  assert.deepEqual(posted[2], ["C1", "C2"]);
  assert.deepEqual(kept, ["C1", "C2"], "the failed batch is kept");
  const failing = queue.status();
  assert.equal(failing.retrying, true);
  assert.equal(iw.scanQueueLine(failing),
    "52 scans sent, 2 waiting, 1 repeat not sent again. Not sent yet: the catalog cannot be reached. They are kept and sent again shortly.");
  await tick(4999);
  assert.equal(posted.length, 3, "sent again after 5 s, not before");
  await tick(1);
  await settle();
  assert.deepEqual(posted[3], ["C1", "C2"], "sent again by itself");
  assert.deepEqual(kept, ["C1", "C2"]);
  queue.add("C3");
  assert.deepEqual(kept, ["C1", "C2", "C3"]);
  await tick(2000);
  await settle();
  assert.deepEqual(posted[4], ["C1", "C2", "C3"], "sent again, nothing lost, in scan order");
  assert.deepEqual(kept, []);
  assert.equal(queue.status().sent, 55);

  // a refusal that waiting does not cure (the inventory was finished meanwhile): kept, shown in the catalog's words,
  // not sent again until staff ask
  answers = [{ status: 409, body: { title: "Conflict", detail: "inventory i1 is finished", code: "inventory-finished" } }];
  queue.add("D1");
  await tick(2000);
  await settle();
  assert.equal(queue.status().retrying, false);
  assert.equal(iw.scanQueueLine(queue.status()), "55 scans sent, 1 waiting, 1 repeat not sent again. Not sent yet: "
    + "inventory i1 is finished. They are kept: press “Send now” to try again.");
  const before = posted.length;
  await tick(60000);
  assert.equal(posted.length, before, "no automatic retry of a refusal");
  assert.deepEqual(kept, ["D1"]);
  await queue.flush();
  assert.deepEqual(posted[posted.length - 1], ["D1"]);
  assert.deepEqual(kept, []);

  // a send that throws (the portal itself cannot be reached) counts as a failure; nothing is lost
  const throwing = iw.scanQueue({ send: async () => { throw new TypeError("Failed to fetch"); },
    keep: (list) => { kept = list; }, schedule, cancel, kept: ["K1"] });
  assert.equal(throwing.status().waiting, 1, "scans kept before a reload are waiting again");
  const answer = await throwing.flush();
  assert.equal(answer.status, 0);
  assert.deepEqual(throwing.status().waitingBarcodes, ["K1"]);
  assert.deepEqual(throwing.add("K1"), { barcode: "K1", repeat: true });
  throwing.clear();
  assert.deepEqual(kept, []);

  // one batch at a time: scans made while one is on its way wait for the next
  let release;
  const slow = [];
  const one = iw.scanQueue({ send: (batch) => { slow.push([...batch]); return new Promise((r) => { release = r; }); },
    schedule, cancel, batchSize: 2 });
  one.add("E1");
  one.add("E2");
  one.add("E3");
  one.add("E4");
  assert.equal(slow.length, 1);
  release({ status: 200, body: {} });
  await settle();
  await settle();
  assert.deepEqual(slow, [["E1", "E2"], ["E3", "E4"]]);

  assert.equal(iw.retryable(504), true);
  assert.equal(iw.retryable(401), false);
  assert.equal(iw.scanReceiptLine({ received: 50, newlyScanned: 47, unknownBarcodes: 1, atOtherSites: 2 }),
    "50 scans taken, 47 new; 1 barcode no copy has; 2 copies of another site.");

  // the report: kinds with counts, its path, its lines and pages
  assert.deepEqual(iw.reportKinds(finished).map((k) => k.label),
    ["Missing (7)", "Found (2)", "Misplaced (1)", "Not checked (3)", "Scanned on loan (1)", "Unknown barcodes (2)"]);
  assert.equal(iw.reportPath("i1", "not-checked", 2, 100), "/api/catalog/v1/inventories/i1/report?kind=not-checked&page=2&size=100");
  assert.deepEqual(iw.reportRow({ kind: "MISSING", barcode: "LHS1", title: "Owls", callNumber: "598.9 OWL",
    shelfLocation: "Nonfiction", siteCode: "LHS", status: "MISSING" }), ["Nonfiction", "598.9 OWL", "Owls", "LHS1", "missing"]);
  assert.deepEqual(iw.reportRow({ kind: "MISPLACED", barcode: "RMS9", title: "Bats", callNumber: "599.4",
    shelfLocation: null, siteCode: "RMS", status: "AVAILABLE" }), ["", "599.4", "Bats", "RMS9", "available (RMS)"]);
  assert.deepEqual(iw.reportRow({ kind: "UNKNOWN", barcode: "X1" }), ["", "", "(no copy has this barcode)", "X1", ""]);
  assert.equal(iw.statusWord("ON_HOLD_SHELF"), "on the hold shelf");
  assert.equal(iw.statusWord("CHECKED_OUT"), "on loan");
  const page = { inventoryId: "i1", status: "FINISHED", kind: "MISSING", total: 230, page: 1, size: 100,
    copies: new Array(100).fill({ kind: "MISSING" }), perShelfLocation: [] };
  assert.equal(iw.reportSummary(page, "Missing"), "Missing: 101–200 of 230 (page 2 of 3)");
  assert.equal(iw.reportHasNext(page), true);
  assert.equal(iw.reportHasNext({ ...page, page: 2, copies: new Array(30) }), false);
  assert.equal(iw.reportSummary({ ...page, total: 0, page: 0, copies: [] }, "Found"), "Found: none.");
  assert.equal(iw.reportSummary({ ...page, status: "OPEN", total: 0, page: 0, copies: [] }, "Missing"),
    "Missing: an inventory has a report once it is finished.");

  // weeding: the district's active terms by label, the request, each result in the catalog's words
  const reasons = iw.termOptions([{ code: "WORN", label: "Worn out", active: true },
    { code: "DAMAGED", label: "Damaged beyond repair", active: true }, { code: "OLD", label: "Outdated", active: false }]);
  assert.deepEqual(reasons, [{ code: "DAMAGED", label: "Damaged beyond repair" }, { code: "WORN", label: "Worn out" }]);
  assert.deepEqual(iw.termOptions({ content: [{ code: "DONATED", label: "Donated", active: true }] }),
    [{ code: "DONATED", label: "Donated" }]);
  assert.deepEqual(iw.withdrawRequest("WORN", "RECYCLED", "  "), { reason: "WORN", disposalMethod: "RECYCLED" });
  assert.deepEqual(iw.withdrawRequest("WORN", "RECYCLED", " spine gone "),
    { reason: "WORN", disposalMethod: "RECYCLED", note: "spine gone" });
  assert.equal(iw.withdrawalLine({ barcode: "LHS1", title: "Owls", callNumber: "598.9 OWL", previousStatus: "DAMAGED",
    reason: "WORN", disposalMethod: "RECYCLED" }, reasons, [{ code: "RECYCLED", label: "Recycled" }]),
  "Withdrawn: Owls, 598.9 OWL (was damaged). Worn out; Recycled.");
  assert.equal(iw.catalogRefusal({ title: "Conflict", code: "copy-on-loan",
    detail: "barcode: copy LHS2 is checked out; check it in or declare it lost first" }, 409),
  "barcode: copy LHS2 is checked out; check it in or declare it lost first");
  assert.equal(iw.catalogRefusal({ title: "Forbidden" }, 403), "Forbidden");
  assert.equal(iw.catalogRefusal(null, 500), "The catalog answered 500.");
  assert.equal(iw.catalogRefusal(null, 401), "your sign-in has expired: sign in again.");
  assert.equal(iw.catalogRefusal(null, 0), "the catalog cannot be reached.");

  console.log("inventory and weeding: all checks passed");
})().catch((failure) => {
  console.error(failure);
  process.exit(1);
});
