// What the inventory and weeding cards say and keep: the start request of an inventory, its counts, the scans a
// barcode scanner sends in batches (50 at once, or 2 s after the last scan; a batch that fails is kept and sent
// again, never dropped), the report's pages, the district lists a withdrawal chooses from, and each result in the
// catalog's words. Plain functions without the page, so that they can be tested alone (InventoryWeedingScriptTest
// runs them in Node).
"use strict";

const INVENTORY_TIME_ZONE = "America/Los_Angeles";
const SCANS_PREFIX = "lrms.inventory.scans.";
const SCAN_BATCH_SIZE = 50;
const SCAN_DELAY_MS = 2000;
const SCAN_RETRY_MS = 5000;

function plural(count, one, many) {
  return `${Number(count).toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

// A list in an answer: a plain array, or a page whose list is `content` (or `items`, or the named field).
function listOf(body, field) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== "object") return [];
  for (const name of [field, "content", "items"]) {
    if (name && Array.isArray(body[name])) return body[name];
  }
  return [];
}

function zoneOffsetMs(instant, timeZone) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24,
    Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

// Midnight at the start of a day (YYYY-MM-DD, as a date field gives it) in the district's time zone, as an instant.
function startOfDay(date, timeZone = INVENTORY_TIME_ZONE) {
  const [y, m, d] = date.split("-").map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  let instant = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  const again = midnightUtc - zoneOffsetMs(instant, timeZone);
  if (again !== instant) instant = again;
  return new Date(instant).toISOString().replace(".000Z", "Z");
}

// The catalog's start request from the form's fields; blank fields are left out (none: the whole site).
function inventoryStartRequest(fields, timeZone = INVENTORY_TIME_ZONE) {
  const request = { siteCode: (fields.siteCode || "").trim().toUpperCase() };
  for (const name of ["callNumberFrom", "callNumberTo", "circulationType", "shelfLocation"]) {
    const value = (fields[name] || "").trim();
    if (value) request[name] = value;
  }
  if (fields.skipSeenSince) request.skipSeenSince = startOfDay(fields.skipSeenSince, timeZone);
  return request;
}

function inventoryDate(instant, timeZone = INVENTORY_TIME_ZONE) {
  return instant ? new Date(instant).toLocaleDateString("en-US",
    { month: "short", day: "numeric", year: "numeric", timeZone }) : "";
}

// An inventory in one line: its scope, its state and when.
function inventoryTitle(view, timeZone = INVENTORY_TIME_ZONE) {
  const scope = view.scope || `whole site ${view.siteCode}`;
  const when = (word, instant) => [word, inventoryDate(instant, timeZone)].filter(Boolean).join(" ");
  const state = view.status === "OPEN" ? when("open since", view.startedAt)
    : view.status === "FINISHED" ? when("finished", view.finishedAt)
      : view.status === "CANCELLED" ? when("cancelled", view.cancelledAt)
        : String(view.status || "").toLowerCase();
  const skip = view.skipSeenSince ? `, skipping copies seen since ${inventoryDate(view.skipSeenSince, timeZone)}` : "";
  return `${scope[0].toUpperCase()}${scope.slice(1)}${skip} (${state})`;
}

// The counts worth showing: what it has to account for and what was scanned; once finished, what it found.
function inventoryCounts(view) {
  const counts = [["Copies in scope", view.copiesInScope], ["Skipped (seen since the date)", view.copiesSkipped],
    ["To account for", view.copiesExpected], ["Scanned", view.scanned]];
  if (view.status === "FINISHED") {
    for (const kind of REPORT_KINDS) counts.push([kind.label, view[kind.count]]);
  }
  return counts.map(([label, value]) => ({ label, value: Number(value || 0) }));
}

// A shelf location or circulation type offered to start an inventory of: "1,234 copies".
function scopeChoiceLabel(named) {
  return plural(Number(named.copies || 0), "copy", "copies");
}

// Why a finish needs a confirm: unscanned copies that should be on the shelf become missing.
function finishConfirmation(view) {
  const expected = Number(view.copiesExpected || 0);
  const unscanned = Math.max(0, expected - Number(view.scanned || 0));
  return `Finish this inventory (${view.scope || view.siteCode})? `
    + "Copies on the shelf that were not scanned will be marked missing: "
    + `up to ${plural(unscanned, "copy", "copies")} of the ${expected.toLocaleString("en-US")} to account for. `
    + "Copies on the hold shelf, in transit or in processing are only listed as not checked. This cannot be undone.";
}

function cancelConfirmation(view) {
  return `Cancel this inventory (${view.scope || view.siteCode})? Nothing becomes missing and its scans are dropped.`;
}

// --------------------------------------------------------------------------------------------------------- scans
// Scans kept in this browser until the catalog took them, per queue (the page's: user and inventory).
function keptScans(storage, queue) {
  try {
    const kept = JSON.parse(storage.getItem(SCANS_PREFIX + queue) || "[]");
    return Array.isArray(kept) ? kept.filter((b) => typeof b === "string") : [];
  } catch {
    return [];
  }
}

function keepScans(storage, queue, barcodes) {
  if (barcodes.length) storage.setItem(SCANS_PREFIX + queue, JSON.stringify(barcodes));
  else storage.removeItem(SCANS_PREFIX + queue);
}

// How many scans are kept in every queue whose name starts with `prefix` (a user's, of any inventory); a barcode kept
// by two tabs of one inventory counts once.
function keptScanCount(storage, prefix) {
  const distinct = new Set();
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (!name || !name.startsWith(SCANS_PREFIX + prefix)) continue;
    const queue = name.slice(SCANS_PREFIX.length);
    const inventory = queue.split("#")[0];
    for (const barcode of keptScans(storage, queue)) distinct.add(`${inventory}\n${barcode}`);
  }
  return distinct.size;
}

/**
 * A page's queue of an inventory (`inventoryQueue#page`, the page's id new at each load): what this page keeps, and
 * what other pages of the same user kept for that inventory, taken over (their entries removed). Each page keeps its
 * own list, so two tabs never overwrite each other's scans; a tab closed (or reloaded) with scans waiting leaves them
 * to the next page that opens the inventory. A tab still open that had them keeps them in memory and writes them
 * again with its next change, so a scan may be sent twice, which the catalog counts once, and none is lost.
 */
function adoptKeptScans(storage, inventoryQueue, tab) {
  const own = `${inventoryQueue}#${tab}`;
  const scans = [...keptScans(storage, own)];
  const others = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    const queue = name && name.startsWith(SCANS_PREFIX) ? name.slice(SCANS_PREFIX.length) : null;
    if (queue !== null && queue !== own && (queue === inventoryQueue || queue.startsWith(`${inventoryQueue}#`))) {
      others.push(queue);
    }
  }
  for (const queue of others) {
    for (const barcode of keptScans(storage, queue)) if (!scans.includes(barcode)) scans.push(barcode);
    storage.removeItem(SCANS_PREFIX + queue);
  }
  keepScans(storage, own, scans);
  return { queue: own, scans };
}

// A timeout, a busy or unreachable service: the same batch is sent again by itself. Any other refusal (the inventory
// was finished meanwhile, a sign-in that expired) keeps the batch until staff send it again.
function retryable(status) {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/**
 * The scans of one inventory on their way to the catalog. `send(barcodes)` posts one batch and resolves to
 * `{status, body}` (status 0 when nothing answered); `keep(barcodes)` is told what is still waiting after every
 * change (the page keeps it in localStorage); `schedule(fn, ms)`/`cancel(handle)` are the timers (setTimeout's, or a
 * test's clock). A barcode scanned again in this queue is counted as a repeat and not sent again (the catalog counts it
 * once anyway). One batch is on its way at a time; scans made meanwhile wait for the next.
 */
function scanQueue(options) {
  const { send, keep = () => {}, schedule, cancel, onChange = () => {}, onBatch = () => {} } = options;
  const batchSize = options.batchSize || SCAN_BATCH_SIZE;
  const delayMs = options.delayMs ?? SCAN_DELAY_MS;
  const retryMs = options.retryMs ?? SCAN_RETRY_MS;
  const waiting = [...(options.kept || [])];
  const seen = new Set(waiting);
  const state = { sent: 0, repeats: 0, sending: false, failures: 0, problem: null, retrying: false };
  let timer = null;

  function wait(ms) {
    if (timer !== null) cancel(timer);
    timer = schedule(() => {
      timer = null;
      flush();
    }, ms);
  }

  function add(raw) {
    const barcode = String(raw || "").trim();
    if (!barcode) return null;
    if (seen.has(barcode)) {
      state.repeats++;
      onChange();
      return { barcode, repeat: true };
    }
    seen.add(barcode);
    waiting.push(barcode);
    keep([...waiting]);
    if (waiting.length >= batchSize) flush();
    else wait(delayMs);
    onChange();
    return { barcode, repeat: false };
  }

  async function flush() {
    if (state.sending || !waiting.length) return null;
    if (timer !== null) {
      cancel(timer);
      timer = null;
    }
    const batch = waiting.slice(0, batchSize);
    state.sending = true;
    onChange();
    let answer;
    try {
      answer = await send(batch);
    } catch {
      answer = { status: 0, body: null };
    }
    state.sending = false;
    if (answer.status >= 200 && answer.status < 300) {
      waiting.splice(0, batch.length); // only a flush takes from the front; scans made meanwhile were added behind
      keep([...waiting]);
      state.sent += batch.length;
      state.failures = 0;
      state.problem = null;
      state.retrying = false;
      onBatch(answer.body, batch);
      if (waiting.length >= batchSize) return flush().then(() => answer);
      if (waiting.length) wait(delayMs);
    } else {
      state.failures++;
      state.problem = answer;
      state.retrying = retryable(answer.status);
      if (state.retrying) wait(retryMs * Math.min(2 ** (state.failures - 1), 12));
    }
    onChange();
    return answer;
  }

  return {
    add,
    flush,
    /** Stops the timer (another inventory is opened); what waits stays kept. */
    stop() {
      if (timer !== null) cancel(timer);
      timer = null;
    },
    /** Forgets what waits (the inventory was cancelled: the catalog dropped its scans anyway). */
    clear() {
      this.stop();
      waiting.length = 0;
      keep([]);
      onChange();
    },
    status() {
      return { ...state, waiting: waiting.length, waitingBarcodes: [...waiting] };
    },
  };
}

// The scans' line under the scan field: sent, waiting, repeats, and why a batch has not gone yet.
function scanQueueLine(status, refusalText) {
  let line = `${plural(status.sent, "scan", "scans")} sent, ${Number(status.waiting).toLocaleString("en-US")} waiting`;
  if (status.repeats) line += `, ${plural(status.repeats, "repeat", "repeats")} not sent again`;
  if (status.sending) line += " (sending…)";
  line += ".";
  if (status.problem && status.waiting) {
    const why = refusalText || catalogRefusal(status.problem.body, status.problem.status);
    line += ` Not sent yet: ${why}${/[.!?]$/.test(why) ? "" : "."}`;
    line += status.retrying ? " They are kept and sent again shortly." : " They are kept: press “Send now” to try again.";
  }
  return line;
}

// Scans kept for an inventory that is no longer open: the catalog will not take them.
function unsentLine(view, waiting) {
  return `${plural(waiting, "scan", "scans")} kept in this browser never reached this inventory, and it is `
    + `${String(view.status || "").toLowerCase()} now: the catalog will not take them.`;
}

function scanLine(result) {
  return result.repeat ? `${result.barcode}: scanned before (counted once)` : `${result.barcode}`;
}

// What one batch did, as the catalog counted it.
function scanReceiptLine(receipt) {
  if (!receipt) return "";
  const parts = [`${plural(receipt.received, "scan", "scans")} taken, ${Number(receipt.newlyScanned || 0)} new`];
  if (receipt.unknownBarcodes) parts.push(`${plural(receipt.unknownBarcodes, "barcode", "barcodes")} no copy has`);
  if (receipt.atOtherSites) parts.push(`${plural(receipt.atOtherSites, "copy", "copies")} of another site`);
  return `${parts.join("; ")}.`;
}

// -------------------------------------------------------------------------------------------------------- report
const REPORT_KINDS = [
  { kind: "missing", label: "Missing", count: "missing" },
  { kind: "found", label: "Found", count: "found" },
  { kind: "misplaced", label: "Misplaced", count: "misplaced" },
  { kind: "not-checked", label: "Not checked", count: "notChecked" },
  { kind: "scanned-on-loan", label: "Scanned on loan", count: "scannedOnLoan" },
  { kind: "unknown", label: "Unknown barcodes", count: "unknownBarcodes" },
];

function reportKinds(view) {
  return REPORT_KINDS.map((k) => ({ kind: k.kind, label: `${k.label} (${Number((view && view[k.count]) || 0)
    .toLocaleString("en-US")})` }));
}

function reportPath(inventoryId, kind, page, size) {
  return `/api/catalog/v1/inventories/${encodeURIComponent(inventoryId)}/report?kind=${encodeURIComponent(kind)}`
    + `&page=${page}&size=${size}`;
}

const STATUS_WORDS = {
  AVAILABLE: "available", CHECKED_OUT: "on loan", ON_HOLD_SHELF: "on the hold shelf", IN_TRANSIT: "in transit",
  IN_PROCESSING: "in processing", MISSING: "missing", LOST: "lost", DAMAGED: "damaged", WITHDRAWN: "withdrawn",
};

function statusWord(status) {
  return status ? STATUS_WORDS[status] || status.toLowerCase().replace(/_/g, " ") : "";
}

// A report line as the printed list has it; an unknown barcode has only its barcode.
function reportRow(line) {
  if (line.kind === "UNKNOWN") return ["", "", "(no copy has this barcode)", line.barcode, ""];
  return [line.shelfLocation || "", line.callNumber || "", line.title || "", line.barcode || "",
    statusWord(line.status) + (line.siteCode && line.kind === "MISPLACED" ? ` (${line.siteCode})` : "")];
}

// "Missing: 101–200 of 230 (page 2 of 3)"; a report without lines says so.
function reportSummary(report, label) {
  const lines = listOf(report, "copies");
  const total = Number(report.total || 0);
  const name = label || REPORT_KINDS.find((k) => k.kind === report.kind)?.label || report.kind;
  if (report.status && report.status !== "FINISHED") {
    return `${name}: an inventory has a report once it is finished.`;
  }
  if (!total) return `${name}: none.`;
  const first = report.page * report.size + 1;
  const pages = Math.max(1, Math.ceil(total / report.size));
  return `${name}: ${first.toLocaleString("en-US")}–${(first + lines.length - 1).toLocaleString("en-US")} of `
    + `${total.toLocaleString("en-US")} (page ${report.page + 1} of ${pages})`;
}

function reportHasNext(report) {
  return (report.page + 1) * report.size < Number(report.total || 0);
}

// ------------------------------------------------------------------------------------------------------- weeding
// The active entries of a district list (withdrawal reasons, disposal methods), by label.
function termOptions(body) {
  return listOf(body, "terms").filter((t) => t && t.code && t.active !== false)
    .map((t) => ({ code: t.code, label: t.label || t.code }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

function withdrawRequest(reason, disposalMethod, note) {
  const request = { reason, disposalMethod };
  if (note && note.trim()) request.note = note.trim();
  return request;
}

function labelOf(code, terms) {
  return (terms || []).find((t) => t.code === code)?.label || code;
}

// A withdrawn copy as the weeding log took it.
function withdrawalLine(view, reasons, disposals) {
  const what = [view.title, view.callNumber].filter(Boolean).join(", ");
  return `Withdrawn${what ? `: ${what}` : ""}${view.previousStatus ? ` (was ${statusWord(view.previousStatus)})` : ""}.`
    + ` ${labelOf(view.reason, reasons)}; ${labelOf(view.disposalMethod, disposals)}.`;
}

// A refusal as the catalog worded it (problem+json detail or title), or what is wrong with the connection.
function catalogRefusal(problem, status) {
  if (status === 401) return "your sign-in has expired: sign in again.";
  if (status === 0 || status === 502) return "the catalog cannot be reached.";
  if (status === 503 || status === 504) return "the catalog did not answer in time.";
  return (problem && (problem.detail || problem.title)) || `The catalog answered ${status}.`;
}

if (typeof module !== "undefined") {
  module.exports = {
    listOf, startOfDay, inventoryStartRequest, inventoryTitle, inventoryCounts, finishConfirmation,
    cancelConfirmation, unsentLine, keptScans, keepScans, keptScanCount, adoptKeptScans, retryable, scanQueue, scanQueueLine, scanLine,
    scanReceiptLine, reportKinds, reportPath, statusWord, reportRow, reportSummary, reportHasNext, termOptions,
    withdrawRequest, withdrawalLine, catalogRefusal, scopeChoiceLabel, SCAN_BATCH_SIZE, SCAN_DELAY_MS,
  };
}
