// The portal's page: sign-in through the district's Keycloak (authorization code + PKCE, RFC 7636), who is signed
// in, the services' state and links, the public catalog search, and for staff the circulation desk (with the patron's
// account: fees, payments, waivers, charges, its history; the patron's picture), the hold pull list, inventories and
// weeding. No framework
// and no CDN: the portal must work on machines without internet access. Tokens stay in this tab's sessionStorage.

const $ = (id) => document.getElementById(id);
const SESSION = "lrms.tokens";
const PENDING = "lrms.pkce";

let oidc;          // { authServerUrl, clientId } from /portal/config
let tokens = null; // { access_token, refresh_token, id_token, expires_at }

// ------------------------------------------------------------------------------------------------ OIDC + PKCE
function endpoint(name) {
  return `${oidc.authServerUrl}/protocol/openid-connect/${name}`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return `${location.origin}/`;
}

async function signIn() {
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    client_id: oidc.clientId, redirect_uri: redirectUri(), response_type: "code", scope: "openid",
    code_challenge: challenge, code_challenge_method: "S256", state,
  });
  location.assign(`${endpoint("auth")}?${query}`);
}

function signOut() {
  const waiting = tokens ? keptCount(localStorage, queueOf("")) : 0;
  if (waiting && !confirm(`${waiting} desk transaction${waiting === 1 ? " is" : "s are"} kept in this browser and not `
    + "uploaded yet. They stay kept for you; sign out anyway?")) return;
  const scans = tokens ? keptScanCount(localStorage, scansQueueOf("")) : 0;
  if (scans && !confirm(`${scans} inventory scan${scans === 1 ? " is" : "s are"} kept in this browser and not sent yet. `
    + "They stay kept for you and are sent when you open the inventory again; sign out anyway?")) return;
  const idToken = tokens?.id_token;
  sessionStorage.removeItem(SESSION);
  tokens = null;
  const query = new URLSearchParams({ client_id: oidc.clientId, post_logout_redirect_uri: redirectUri() });
  if (idToken) query.set("id_token_hint", idToken);
  location.assign(`${endpoint("logout")}?${query}`);
}

async function requestTokens(form) {
  const answer = await fetch(endpoint("token"), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: oidc.clientId, ...form }),
  });
  if (!answer.ok) throw new Error(`the sign-in service answered ${answer.status}`);
  const body = await answer.json();
  tokens = { ...body, expires_at: Date.now() + body.expires_in * 1000 };
  sessionStorage.setItem(SESSION, JSON.stringify(tokens));
}

// Back from Keycloak with ?code=...&state=...: trade the code (and the PKCE verifier) for tokens.
async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has("code") && !params.has("error")) return;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || "null");
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", location.pathname);
  if (params.has("error")) throw new Error(params.get("error_description") || params.get("error"));
  if (!pending || pending.state !== params.get("state")) throw new Error("the sign-in answer did not match: try again");
  await requestTokens({
    grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  });
}

// A valid access token, refreshed when it is about to expire; null when signed out. When the sign-in service cannot
// be reached (the network is down: fetch itself fails), the tokens are kept and the old one is sent: the desk stays
// open and keeps its transactions for upload, and the next refresh once the network is back renews them.
async function accessToken() {
  if (!tokens) return null;
  if (Date.now() < tokens.expires_at - 30_000) return tokens.access_token;
  try {
    await requestTokens({ grant_type: "refresh_token", refresh_token: tokens.refresh_token });
    return tokens.access_token;
  } catch (failure) {
    if (failure instanceof TypeError) return tokens.access_token;
    sessionStorage.removeItem(SESSION);
    tokens = null;
    render();
    return null;
  }
}

function claims(jwt) {
  const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
  const json = decodeURIComponent(atob(payload).split("").map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join(""));
  return JSON.parse(json);
}

// Calls a service through the portal (/api/<service>/v1/...), with the bearer token when signed in.
async function api(path, options = {}) {
  const token = await accessToken();
  const headers = { Accept: "application/json", ...(options.headers || {}) };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, { ...options, headers });
}

// --------------------------------------------------------------------------------------------------- rendering
const ROLES = ["district-admin", "site-staff", "teacher", "student", "integration"];

function tags(element, values, empty) {
  element.replaceChildren();
  if (!values.length) {
    element.textContent = empty;
    return;
  }
  for (const value of values) {
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = value;
    element.append(tag);
  }
}

function render() {
  const signedIn = Boolean(tokens);
  $("sign-in").hidden = signedIn;
  $("sign-out").hidden = !signedIn;
  $("me-anonymous").hidden = signedIn;
  $("me-details").hidden = !signedIn;
  $("who").textContent = "";
  renderPullList();
  renderDesk();
  renderInventory();
  if (!signedIn) return;
  const c = claims(tokens.access_token);
  $("who").textContent = c.preferred_username || c.sub;
  $("me-user").textContent = c.preferred_username || c.sub;
  $("me-name").textContent = c.name || [c.given_name, c.family_name].filter(Boolean).join(" ") || "-";
  tags($("me-roles"), (c.groups || []).filter((role) => ROLES.includes(role)), "no LRMS role");
  const districtWide = (c.groups || []).includes("district-admin");
  tags($("me-sites"), c.sites || [], districtWide ? "every site (district)" : "none");
  $("me-expiry").textContent = `token renewed automatically; this one expires at ${new Date(c.exp * 1000).toLocaleTimeString()}`;
}

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  a.target = "_blank";
  a.rel = "noopener";
  return a;
}

function renderServices(services, statuses) {
  const state = Object.fromEntries((statuses || []).map((s) => [s.name, s.status]));
  const rows = services.map((service) => {
    const row = document.createElement("tr");
    const name = document.createElement("td");
    name.textContent = service.name;
    const ready = document.createElement("td");
    const status = state[service.name] || "…";
    ready.className = `status ${status}`;
    ready.textContent = status === "UP" ? "ready" : status === "DOWN" ? "not ready" : status === "UNREACHABLE" ? "unreachable" : status;
    const docs = document.createElement("td");
    docs.append(link(service.swaggerUi, "Swagger UI"), " · ", link(service.openApi, "OpenAPI"));
    const health = document.createElement("td");
    health.append(link(service.health, "/q/health/ready"));
    row.append(name, ready, docs, health);
    return row;
  });
  $("service-rows").replaceChildren(...rows);
}

async function refreshServices(services) {
  try {
    const answer = await fetch("/portal/services");
    renderServices(services, answer.ok ? await answer.json() : []);
  } catch {
    renderServices(services, []);
  }
}

// ------------------------------------------------------------------------------------------------------ search
function describe(item) {
  const authors = Array.isArray(item.authors) ? item.authors.join(", ") : item.author || "";
  const year = item.publicationYear || item.year || "";
  return [authors, year].filter(Boolean).join(" · ");
}

function renderFacets(body) {
  const groups = body ? facetGroups(body) : [];
  const note = body ? facetNote(body) : null;
  $("facets").replaceChildren(...groups.map((group) => {
    const line = document.createElement("div");
    const label = document.createElement("span");
    label.className = "facet-label";
    label.textContent = `${group.label}: `;
    line.append(label, group.values.map((v) => `${v.value} (${Number(v.count).toLocaleString("en-US")})`).join(" · "));
    return line;
  }));
  $("facet-note").textContent = groups.length && note ? note : "";
  $("facet-note").hidden = !(groups.length && note);
}

async function search(event) {
  event.preventDefault();
  const q = $("q").value.trim();
  const message = $("search-message");
  $("results").replaceChildren();
  renderFacets(null);
  if (!q) return;
  message.textContent = "Searching…";
  let answer;
  try {
    answer = await api(`/api/catalog/v1/search?q=${encodeURIComponent(q)}`);
  } catch {
    message.textContent = "The portal cannot be reached.";
    return;
  }
  if (answer.status === 404 || answer.status === 405) {
    message.textContent = "Catalog search is not available on this catalog service yet.";
    return;
  }
  if (answer.status === 502 || answer.status === 503 || answer.status === 504) {
    message.textContent = "The catalog service is not reachable right now. Try again in a moment.";
    return;
  }
  if (!answer.ok) {
    const problem = await answer.json().catch(() => ({}));
    message.textContent = problem.detail || problem.title || `The catalog answered ${answer.status}.`;
    return;
  }
  const body = await answer.json();
  const items = Array.isArray(body) ? body : body.items || body.results || body.titles || [];
  message.textContent = searchSummary(body, q);
  renderFacets(items.length ? body : null);
  $("results").replaceChildren(...items.map((item) => {
    const li = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = item.title || "(untitled)";
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = describe(item);
    li.append(title, meta);
    return li;
  }));
}

// ---------------------------------------------------------------------------------------------- hold pull list
const STAFF = ["site-staff", "district-admin"];

// Shown to staff only (the service refuses everyone else anyway); the token's sites are offered first.
function renderPullList() {
  const c = tokens ? claims(tokens.access_token) : {};
  $("pull-list").hidden = !(c.groups || []).some((role) => STAFF.includes(role));
  const sites = c.sites || [];
  $("pull-sites").replaceChildren(...sites.map((site) => Object.assign(document.createElement("option"), { value: site })));
  if (!$("pull-site").value && sites.length) $("pull-site").value = sites[0];
}

function pullListPath() {
  const site = $("pull-site").value.trim().toUpperCase();
  return site ? `/api/circulation/v1/holds/pull-list?siteCode=${encodeURIComponent(site)}` : null;
}

// A refusal in words: the service's problem detail, or what is wrong with the connection.
async function refusal(answer, service) {
  if (answer.status === 502 || answer.status === 503 || answer.status === 504) {
    return `The ${service} service is not reachable right now. Try again in a moment.`;
  }
  const problem = await answer.json().catch(() => ({}));
  return problem.detail || problem.title || `The ${service} service answered ${answer.status}.`;
}

function cell(text, className) {
  const td = document.createElement("td");
  td.textContent = text ?? "-";
  if (className) td.className = className;
  return td;
}

async function showPullList(event) {
  event.preventDefault();
  const path = pullListPath();
  const message = $("pull-message");
  $("pull-table").hidden = true;
  $("pull-rows").replaceChildren();
  if (!path) return;
  message.textContent = "Loading…";
  const answer = await pullListAnswer(path, message);
  if (!answer) return;
  const lines = await answer.json();
  message.textContent = lines.length
    ? `${lines.length} cop${lines.length === 1 ? "y" : "ies"} to pull`
    : "Nothing to pull: no copy on these shelves is waited for.";
  $("pull-rows").replaceChildren(...lines.map((line) => {
    const row = document.createElement("tr");
    row.append(cell(line.shelfLocation), cell(line.callNumber), cell(line.title), cell(line.itemBarcode),
      cell(line.copyHold ? `${line.queuePosition} (this copy)` : String(line.queuePosition)), cell(line.pickupSite),
      cell(`${line.holdAgeDays} day${line.holdAgeDays === 1 ? "" : "s"}`));
    return row;
  }));
  $("pull-table").hidden = !lines.length;
}

/** Circulation's answer for the pull list, or null once the message says why there is none. */
async function pullListAnswer(path, message, options) {
  let answer;
  try {
    answer = await api(path, options);
  } catch {
    message.textContent = "The portal cannot be reached.";
    return null;
  }
  if (!answer.ok) {
    message.textContent = await refusal(answer, "circulation");
    return null;
  }
  return answer;
}

async function printPullList() {
  const path = pullListPath();
  const message = $("pull-message");
  if (!path) return;
  const answer = await pullListAnswer(path, message, { headers: { Accept: "application/pdf" } });
  if (!answer) return;
  window.open(URL.createObjectURL(await answer.blob()), "_blank", "noopener");
}

// ------------------------------------------------------------------------------------------- circulation desk
// Check-out and check-in with a barcode scanner: each scan is one request; the input is cleared and keeps the focus.
// A check-out carries an Idempotency-Key; a retry of the same scan after a timeout reuses it, so nothing is lent twice.
// Circulation that cannot be reached: the transaction is kept in this browser (desk.js) and uploaded as an offline
// batch once it answers again.
const desk = { patron: null, pendingKeys: new Map(), override: null };

function deskSiteCode() {
  return $("desk-site").value.trim().toUpperCase();
}

// Kept transactions belong to the technician who scanned them and to the desk's site: another user signing in at the
// same computer neither sees nor uploads them (circulation would record them under the uploader's name).
function queueOf(site) {
  const c = tokens ? claims(tokens.access_token) : {};
  return `${c.preferred_username || c.sub || "signed-out"}/${site}`;
}

function renderDesk() {
  const c = tokens ? claims(tokens.access_token) : {};
  $("desk").hidden = !(c.groups || []).some((role) => STAFF.includes(role));
  const sites = c.sites || [];
  if (!$("desk-site").value && sites.length) $("desk-site").value = sites[0];
  renderOffline();
}

function setMode(mode) {
  const out = mode === "checkout";
  $("desk-checkout").hidden = !out;
  $("checkin-form").hidden = out;
  $("mode-checkout").setAttribute("aria-pressed", String(out));
  $("mode-checkin").setAttribute("aria-pressed", String(!out));
  $("mode-checkout").className = out ? "" : "quiet";
  $("mode-checkin").className = out ? "quiet" : "";
  say("", "ok");
  (out ? (desk.patron ? $("checkout-item") : $("patron-barcode")) : $("checkin-item")).focus();
}

function say(text, tone) {
  const message = $("desk-message");
  message.textContent = text;
  message.className = `desk-message ${tone || ""}`;
}

function logRow(item, title, what, tone) {
  const row = document.createElement("tr");
  row.className = tone || "";
  row.append(cell(new Date().toLocaleTimeString()), cell(item), cell(title), cell(what));
  $("desk-rows").prepend(row);
  $("desk-log").hidden = false;
}

// Circulation's answer, with a busy service (503, Retry-After) asked again twice; status 0 when nothing answered.
async function deskCall(path, options) {
  for (let attempt = 0; ; attempt++) {
    let answer;
    try {
      answer = await api(path, options);
    } catch {
      return { status: 0 };
    }
    if (answer.status !== 503 || attempt === 2) {
      const body = await answer.json().catch(() => null);
      return { status: answer.status, body };
    }
    const wait = Number(answer.headers.get("Retry-After")) || 1;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5) * 1000));
  }
}

function post(body, headers = {}) {
  return { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) };
}

async function findPatron(event) {
  event.preventDefault();
  const barcode = $("patron-barcode").value.trim();
  if (!barcode) return;
  say("Looking up the patron…");
  const found = await deskCall(`/api/circulation/v1/patrons?barcode=${encodeURIComponent(barcode)}`);
  desk.patron = { barcode };
  $("patron-warnings").replaceChildren();
  $("patron-loans").textContent = "";
  resetAccount();
  resetPhoto();
  if (found.status === 200 && Array.isArray(found.body) && found.body.length) {
    desk.patron = found.body[0];
    showPatron(desk.patron);
    showAccount(); // not waited for: the next scan need not wait for the fees
    showPhoto(desk.patron); // nor for the picture
    const loans = await deskCall(`/api/circulation/v1/patrons/${desk.patron.id}/loans`);
    if (loans.status === 200) {
      const overdue = loans.body.filter((l) => new Date(l.dueDate) < new Date()).length;
      $("patron-loans").textContent = `${loans.body.length} item${loans.body.length === 1 ? "" : "s"} out`
        + (overdue ? `, ${overdue} overdue` : "");
    }
    say("", "ok");
  } else {
    $("patron-name").textContent = barcode;
    $("patron-about").textContent = "";
    say(circulationUnreachable(found.status)
      ? "Circulation cannot be reached: check-outs are kept in this browser for upload."
      : "No patron of your sites has this barcode. Check-outs will say if it is unknown.", "warn");
  }
  $("renew-all").hidden = !desk.patron.id;
  $("patron-card").hidden = false;
  $("checkout-form").hidden = false;
  $("checkout-item").focus();
}

function showPatron(patron) {
  const summary = patronSummary(patron);
  $("patron-name").textContent = summary.name;
  $("patron-about").textContent = summary.about;
  $("patron-warnings").replaceChildren(...summary.warnings.map((w) => Object.assign(document.createElement("li"), { textContent: w })));
}

function donePatron() {
  resetAccount();
  resetPhoto();
  desk.patron = null;
  desk.override = null;
  $("patron-card").hidden = true;
  $("checkout-form").hidden = true;
  $("override-form").hidden = true;
  $("patron-barcode").value = "";
  say("", "ok");
  $("patron-barcode").focus();
}

async function checkOut(event) {
  event.preventDefault();
  const item = $("checkout-item").value.trim();
  if (!item || !desk.patron) return;
  $("checkout-item").value = "";
  await lend(item, null);
  $("checkout-item").focus();
}

async function lend(item, overrideReason) {
  const site = deskSiteCode();
  const patronBarcode = desk.patron.barcode;
  const pair = `${site}|${patronBarcode}|${item}|${overrideReason || ""}`;
  const key = desk.pendingKeys.get(pair) || crypto.randomUUID();
  const body = { siteCode: site, patronBarcode, itemBarcode: item };
  if (overrideReason) body.overrideReason = overrideReason;
  say(`Checking out ${item}…`);
  const answer = await deskCall("/api/circulation/v1/checkouts", post(body, { "Idempotency-Key": key }));
  desk.pendingKeys.delete(pair);
  $("override-form").hidden = true;
  desk.override = null;
  if (answer.status === 201) {
    say(`${item} checked out. ${checkoutLine(answer.body)}.`, "ok");
    logRow(item, answer.body.title, `Checked out to ${patronBarcode}. ${checkoutLine(answer.body)}`
      + (overrideReason ? ` (override: ${overrideReason})` : ""), "ok");
  } else if (circulationUnreachable(answer.status)) {
    keepOffline({ type: "CHECKOUT", patronBarcode, itemBarcode: item }, site);
  } else if (answer.status === 504 || answer.status === 503) {
    desk.pendingKeys.set(pair, key);
    say(`Circulation did not answer in time about ${item}. Scan it again: it will not be lent twice.`, "bad");
  } else {
    const refusal = deskRefusal(answer.body, answer.status);
    say(`${item} not checked out: ${refusal.text}`, "bad");
    logRow(item, null, `Not checked out: ${refusal.text}`, "bad");
    if (refusal.code === "fees-owed" && !$("account-part").hidden) $("account-part").open = true; // to take a payment
    if (refusal.overridable && !overrideReason) {
      desk.override = item;
      $("override-reason").value = "";
      $("override-form").hidden = false;
      $("override-reason").focus();
    }
  }
}

async function override(event) {
  event.preventDefault();
  const reason = $("override-reason").value.trim();
  if (!desk.override || reason.length < 3) return;
  await lend(desk.override, reason);
  $("checkout-item").focus();
}

async function checkIn(event) {
  event.preventDefault();
  const item = $("checkin-item").value.trim();
  if (!item) return;
  $("checkin-item").value = "";
  const site = deskSiteCode();
  say(`Checking in ${item}…`);
  const answer = await deskCall("/api/circulation/v1/checkins", post({ siteCode: site, itemBarcode: item }));
  if (answer.status === 200) {
    const instruction = checkinInstruction(answer.body);
    say(`${item}: ${instruction.text}`, instruction.tone);
    logRow(item, null, `Checked in. ${instruction.text}`, instruction.tone);
  } else if (circulationUnreachable(answer.status)) {
    keepOffline({ type: "CHECKIN", itemBarcode: item }, site);
  } else if (answer.status === 504 || answer.status === 503) {
    say(`Circulation did not answer in time about ${item}. Scan it again.`, "bad");
  } else {
    const refusal = deskRefusal(answer.body, answer.status);
    say(`${item} not checked in: ${refusal.text}`, "bad");
    logRow(item, null, `Not checked in: ${refusal.text}`, "bad");
  }
  $("checkin-item").focus();
}

async function renewAll() {
  if (!desk.patron || !desk.patron.id) return;
  say("Renewing…");
  const answer = await deskCall(`/api/circulation/v1/patrons/${desk.patron.id}/loans/renewals`, { method: "POST" });
  if (answer.status !== 200) {
    say(circulationUnreachable(answer.status) ? "Circulation cannot be reached: try renewing later."
      : deskRefusal(answer.body, answer.status).text, "bad");
    return;
  }
  const renewed = answer.body.filter((r) => r.renewed).length;
  say(`${renewed} of ${answer.body.length} renewed.`, renewed === answer.body.length ? "ok" : "warn");
  for (const result of answer.body) logRow(result.itemBarcode, null, renewalLine(result), result.renewed ? "ok" : "bad");
}

function keepOffline(transaction, site) {
  const kept = keepTransaction(localStorage, queueOf(site),
    { id: crypto.randomUUID(), at: new Date().toISOString(), ...transaction });
  say(`Circulation cannot be reached: the ${transaction.type === "CHECKOUT" ? "check-out" : "check-in"} of `
    + `${transaction.itemBarcode} is kept in this browser (${kept} waiting). Go on as usual; upload them when it is back.`, "warn");
  logRow(transaction.itemBarcode, null, `Kept for upload (${transaction.type === "CHECKOUT" ? "check-out" : "check-in"})`, "warn");
  renderOffline();
}

function renderOffline() {
  const site = deskSiteCode();
  const kept = site && tokens ? keptTransactions(localStorage, queueOf(site)).length : 0;
  $("offline").hidden = kept === 0;
  $("offline-count").textContent = `${kept} transaction${kept === 1 ? "" : "s"} kept while circulation could not be reached at ${site}.`;
}

async function uploadOffline() {
  const site = deskSiteCode();
  const kept = keptTransactions(localStorage, queueOf(site));
  if (!kept.length) return;
  say(`Uploading ${kept.length} kept transaction${kept.length === 1 ? "" : "s"}…`);
  const answer = await deskCall("/api/circulation/v1/offline-batches", post(offlineBatch(site, kept)));
  if (answer.status !== 200) {
    say(circulationUnreachable(answer.status) ? "Circulation still cannot be reached: they stay kept."
      : `Not uploaded: ${deskRefusal(answer.body, answer.status).text}`, "bad");
    return;
  }
  forgetTransactions(localStorage, queueOf(site), answer.body.outcomes.map((o) => o.id));
  const lines = offlineReportLines(answer.body);
  say(`Uploaded: ${lines[0]}`, answer.body.conflicts ? "warn" : "ok");
  $("offline-report").replaceChildren(...lines.slice(1).map((line) => Object.assign(document.createElement("li"), { textContent: line })));
  $("offline-report").hidden = lines.length === 1;
  renderOffline();
}

// ------------------------------------------------------------------------------------------ the patron's account
// The fines and fees of the patron at the desk (account.js: money in whole cents, the wording): what is owed and the
// open fees, a payment (the desk's site as siteCode), a waiver of all or part of one fee, a charge by hand, each with
// an Idempotency-Key kept for the retry of one circulation did not answer (as a check-out's is), and the account's
// history a page at a time. Nothing of it is kept in the browser: it is the patron's, and stays in the page while
// they are at the desk.
const patronAccount = { owed: null, open: [], loans: new Map(), pendingKeys: new Map(), waiving: null, receiptNo: null,
  busy: false, historyPage: 0, unansweredFee: null };

function accountSay(text, tone) {
  $("account-message").textContent = text;
  $("account-message").className = `message ${tone || ""}`;
}

function resetAccount() {
  Object.assign(patronAccount,
    { owed: null, open: [], loans: new Map(), waiving: null, receiptNo: null, historyPage: 0, unansweredFee: null });
  $("account-part").hidden = true;
  $("account-part").open = false;
  $("account-history-part").open = false;
  $("account-history-rows").replaceChildren();
  $("account-history").hidden = true;
  $("account-history-page").textContent = "";
  $("account-history-message").textContent = "";
  $("account-balance").textContent = "";
  $("account-rows").replaceChildren();
  $("account-fees").hidden = true;
  for (const form of ["account-pay-form", "account-waive-form", "account-charge-form", "account-receipt-part"]) $(form).hidden = true;
  accountSay("", "");
}

// What the patron owes and their open fees, oldest first (as a payment takes them), with the loan's title and item.
async function showAccount() {
  const patron = desk.patron;
  if (!patron || !patron.id) return;
  $("account-part").hidden = false;
  if (!$("account-balance").textContent) $("account-balance").textContent = "…";
  const base = `/api/circulation/v1/patrons/${patron.id}`;
  const [account, open] = await Promise.all([deskCall(`${base}/account?size=1`), deskCall(`${base}/fees?open=true`)]);
  if (desk.patron !== patron) return; // another patron was scanned meanwhile
  if (account.status !== 200 || open.status !== 200) {
    const failed = account.status !== 200 ? account : open;
    patronAccount.owed = null;
    patronAccount.open = [];
    $("account-balance").textContent = answerUnknown(failed.status)
      ? "Circulation cannot be reached: the account cannot be shown now."
      : accountRefusal(failed.body, failed.status);
    renderAccount();
    return;
  }
  patronAccount.owed = centsOf(account.body.balance);
  patronAccount.open = open.body;
  await loansOfFees(open.body);
  if (desk.patron !== patron) return;
  $("account-balance").textContent = balanceLine(account.body.balance, open.body.length);
  renderAccount();
}

// The loan of each fee that has one, once per patron at the desk: its title and item barcode.
async function loansOfFees(open) {
  const wanted = [...new Set(open.map((fee) => fee.loanId).filter((id) => id && !patronAccount.loans.has(id)))];
  await Promise.all(wanted.slice(0, 20).map(async (id) => {
    const loan = await deskCall(`/api/circulation/v1/loans/${id}`);
    if (loan.status === 200) patronAccount.loans.set(id, loan.body);
    else if (loan.status >= 400 && loan.status < 500) patronAccount.loans.set(id, null);
  }));
}

function renderAccount() {
  const open = patronAccount.open;
  $("account-rows").replaceChildren(...open.map((fee) => {
    const line = feeLine(fee, patronAccount.loans.get(fee.loanId));
    const row = document.createElement("tr");
    const action = document.createElement("td");
    const waive = Object.assign(document.createElement("button"),
      { type: "button", className: "quiet account-waive-open", textContent: "Waive" });
    waive.dataset.feeId = fee.id;
    waive.addEventListener("click", () => openWaiver(fee));
    action.append(waive);
    row.append(cell(line.kind), cell(line.what), cell(line.date), cell(line.amount, "money"),
      cell(line.balance, "money"), action);
    return row;
  }));
  $("account-fees").hidden = !open.length;
  $("account-pay-open").disabled = !(patronAccount.owed > 0);
  const toward = $("account-toward");
  const chosen = toward.value;
  const { choices, value } = towardChoices(open, chosen, patronAccount.unansweredFee);
  toward.replaceChildren(...choices.map((c) => new Option(c.label, c.value)));
  toward.value = value;
}

// What a payment may take at most: the whole account, or what is left of the fee it goes to.
function owedFor(feeId) {
  if (!feeId) return patronAccount.owed;
  const fee = patronAccount.open.find((f) => f.id === feeId);
  return fee ? centsOf(fee.balance) : null;
}

function openAccountForm(id) {
  for (const form of ["account-pay-form", "account-waive-form", "account-charge-form"]) $(form).hidden = form !== id;
  accountSay("", "");
}

function openPayment() {
  openAccountForm("account-pay-form");
  $("account-amount").value = paymentDefault(owedFor($("account-toward").value));
  $("account-amount").focus();
  $("account-amount").select();
}

async function takePayment(event) {
  event.preventDefault();
  const patron = desk.patron;
  if (patronAccount.busy || !patron || !patron.id) return;
  const site = deskSiteCode();
  if (!site) {
    accountSay("Type the desk's site code first.", "bad");
    return;
  }
  const feeId = $("account-toward").value || null;
  const method = $("account-method").value;
  const typed = typedAmount($("account-amount").value);
  if (typed.error) {
    accountSay(typed.error, "bad");
    $("account-amount").focus();
    return;
  }
  const action = paymentAction(patron.id, site, typed.cents, method, feeId);
  // a retry of an unanswered payment is sent as it is: it may be booked already (the balance shown is then lower),
  // and circulation answers its first receipt again
  const checked = patronAccount.pendingKeys.has(action) ? typed : paymentAmount($("account-amount").value, owedFor(feeId));
  if (checked.error) {
    accountSay(checked.error, "bad");
    $("account-amount").focus();
    return;
  }
  const answer = await sendKeyed(action, "account-pay", `Taking ${dollars(typed.cents)}…`,
    `/api/circulation/v1/patrons/${patron.id}/payments`, paymentRequest(typed.cents, method, site, feeId));
  patronAccount.unansweredFee = answerUnknown(answer.status) ? feeId : null;
  if (answer.status === 201 || answer.status === 200) {
    const line = receiptLine(answer.body, method);
    $("account-pay-form").hidden = true;
    accountSay("", "ok");
    patronAccount.receiptNo = answer.body.receiptNo;
    $("account-receipt").textContent = line;
    $("account-receipt-part").hidden = false;
    logRow(null, null, `Payment: ${line}`, "ok");
  } else {
    sayNotDone(answer, "payment", typed.cents, "Not paid");
  }
  await refreshPatron(patron);
}

// Sends one of the account's requests (a payment, a waiver, a charge) with its Idempotency-Key: the key of an earlier
// attempt at the same action circulation did not answer, else a new one, kept for a retry only while the answer is
// unknown. The account takes one request at a time; the button is off while it is sent.
async function sendKeyed(action, buttonId, saying, path, body) {
  const key = actionKey(patronAccount.pendingKeys, action, () => crypto.randomUUID());
  patronAccount.busy = true;
  $(buttonId).disabled = true;
  accountSay(saying);
  const answer = await deskCall(path, {
    method: "POST", headers: { "Content-Type": "application/json", "Idempotency-Key": key }, body,
  });
  patronAccount.busy = false;
  $(buttonId).disabled = false;
  settleKey(patronAccount.pendingKeys, action, key, answer.status);
  return answer;
}

// What the desk says of a payment, a waiver or a charge circulation did not answer (it may have been done: send it
// again as it is) or refused (in circulation's words).
function sayNotDone(answer, action, cents, notDone) {
  if (answerUnknown(answer.status)) {
    accountSay(unansweredLine(action, cents), "bad");
  } else {
    accountSay(`${notDone}: ${accountRefusal(answer.body, answer.status)}`, "bad");
  }
}

// A waiver of one fee: the whole of what is left of it is offered; less may be waived, never more.
function openWaiver(fee) {
  patronAccount.waiving = fee;
  openAccountForm("account-waive-form");
  $("account-waive-fee").textContent = feeChoice(fee);
  $("account-waive-amount").value = waiverDefault(centsOf(fee.balance));
  $("account-waive-reason").value = "";
  $("account-waive-reason").focus();
}

async function waiveFee(event) {
  event.preventDefault();
  const patron = desk.patron;
  const fee = patronAccount.waiving;
  if (patronAccount.busy || !patron || !fee) return;
  const typed = typedAmount($("account-waive-amount").value);
  if (typed.error) {
    accountSay(typed.error, "bad");
    $("account-waive-amount").focus();
    return;
  }
  const reason = waiverReason($("account-waive-reason").value);
  if (reason.error) {
    accountSay(reason.error, "bad");
    $("account-waive-reason").focus();
    return;
  }
  const action = waiverAction(fee.id, typed.cents, reason.reason);
  // a retry of an unanswered waiver is sent as it is (circulation answers the first waiver again); a new one is never
  // more than what is left of the fee
  const checked = patronAccount.pendingKeys.has(action) ? typed
    : waiverAmount($("account-waive-amount").value, centsOf(fee.balance));
  if (checked.error) {
    accountSay(checked.error, "bad");
    $("account-waive-amount").focus();
    return;
  }
  const answer = await sendKeyed(action, "account-waive", `Waiving ${dollars(typed.cents)}…`,
    `/api/circulation/v1/fees/${fee.id}/waivers`, waiverRequest(typed.cents, reason.reason));
  if (answer.status === 200) {
    const line = waiverLine(answer.body, typed.cents);
    $("account-waive-form").hidden = true;
    patronAccount.waiving = null;
    accountSay(line, "ok");
    logRow(null, null, line, "ok");
  } else {
    sayNotDone(answer, "waiver", typed.cents, "Not waived");
  }
  await refreshPatron(patron);
}

function openCharge() {
  openAccountForm("account-charge-form");
  $("account-charge-amount").value = "";
  $("account-charge-note").value = "";
  $("account-charge-kind").focus();
}

// A charge carries an Idempotency-Key, as a payment does: one circulation did not answer is charged again as it is
// (the form stays filled in) with the same key, and circulation charges it once.
async function chargeFee(event) {
  event.preventDefault();
  const patron = desk.patron;
  if (patronAccount.busy || !patron || !patron.id) return;
  const charge = chargeRequest({ kind: $("account-charge-kind").value, amount: $("account-charge-amount").value,
    note: $("account-charge-note").value, siteCode: deskSiteCode() });
  if (charge.error) {
    accountSay(charge.error, "bad");
    return;
  }
  const action = chargeAction(patron.id, charge.body);
  const answer = await sendKeyed(action, "account-charge", `Charging ${dollars(charge.cents)}…`,
    `/api/circulation/v1/patrons/${patron.id}/fees`, charge.body);
  if (answer.status === 201 || answer.status === 200) {
    const line = chargeLine(answer.body);
    $("account-charge-form").hidden = true;
    accountSay(line, "ok");
    logRow(null, null, line, "ok");
  } else {
    sayNotDone(answer, "charge", charge.cents, "Not charged");
  }
  await refreshPatron(patron);
}

// ------------------------------------------------------------------------------------------ the patron's picture
// Fetched with the bearer token (never an <img src> to circulation: it needs the token, and circulation answers it
// "private, no-store"), shown from an object URL that is revoked as soon as the card changes (patron-photo.js).
const deskPhoto = photoSlot(URL);

function photoSay(text, tone) {
  $("photo-message").textContent = text;
  $("photo-message").className = `message ${tone || ""}`;
}

function hidePhoto() {
  deskPhoto.clear();
  $("patron-photo").hidden = true;
  $("patron-photo").removeAttribute("src");
  $("patron-photo").alt = "";
}

function resetPhoto() {
  hidePhoto();
  $("photo-part").hidden = true;
  $("photo-part").open = false;
  $("photo-file").value = "";
  photoSay("", "");
}

function renderPhotoPart(patron) {
  $("photo-part").hidden = !patron.id;
  $("photo-upload").textContent = photoUploadLabel(patron.hasPhoto);
  $("photo-remove").hidden = !patron.hasPhoto;
}

async function showPhoto(patron) {
  renderPhotoPart(patron);
  const ticket = deskPhoto.begin(); // the picture shown before is revoked
  $("patron-photo").hidden = true;
  $("patron-photo").removeAttribute("src");
  if (!patron.id || !patron.hasPhoto) return;
  let blob;
  try {
    const answer = await api(photoPath(patron.id), { headers: { Accept: "image/jpeg, image/png" } });
    if (!answer.ok) return; // removed meanwhile, or not this desk's patron: the card goes on without it
    blob = await answer.blob();
  } catch {
    return;
  }
  const url = deskPhoto.show(ticket, blob);
  if (!url || desk.patron !== patron) return; // another patron was scanned meanwhile
  $("patron-photo").src = url;
  $("patron-photo").alt = photoAlt(patron);
  $("patron-photo").hidden = false;
}

async function uploadPhoto(event) {
  event.preventDefault();
  const patron = desk.patron;
  if (!patron || !patron.id) return;
  const file = $("photo-file").files[0];
  const checked = photoUpload(file);
  if (!checked.ok) {
    photoSay(checked.text, "bad");
    return;
  }
  photoSay("Saving the picture…");
  let status = 0;
  let body = null;
  try {
    const answer = await api(photoPath(patron.id), { method: "PUT", headers: { "Content-Type": checked.type }, body: file });
    status = answer.status;
    body = await answer.json().catch(() => null);
  } catch {
    status = 0;
  }
  if (desk.patron !== patron) return;
  if (status !== 200) {
    photoSay(photoRefusal(body, status), "bad");
    return;
  }
  patron.hasPhoto = true;
  $("photo-file").value = "";
  photoSay(photoLine(body), "ok");
  showPhoto(patron);
}

async function removePhoto() {
  const patron = desk.patron;
  if (!patron || !patron.id || !patron.hasPhoto || !confirm(photoRemoveConfirmation(patron))) return;
  let status = 0;
  let body = null;
  try {
    const answer = await api(photoPath(patron.id), { method: "DELETE" });
    status = answer.status;
    body = await answer.json().catch(() => null);
  } catch {
    status = 0;
  }
  if (desk.patron !== patron) return;
  if (status !== 204 && status !== 404) { // 404: there was none any more
    photoSay(photoRefusal(body, status), "bad");
    return;
  }
  patron.hasPhoto = false;
  hidePhoto();
  renderPhotoPart(patron);
  photoSay("Picture removed.", "ok");
}

// After a payment, a waiver or a charge: the patron's warnings (fees owed) and the account, as circulation has them now.
async function refreshPatron(patron) {
  const fresh = await deskCall(`/api/circulation/v1/patrons/${patron.id}`);
  if (desk.patron !== patron) return;
  if (fresh.status === 200 && fresh.body) {
    Object.assign(patron, fresh.body);
    showPatron(patron);
  }
  await showAccount();
  if ($("account-history-part").open && desk.patron === patron) await showHistory(0); // what was just booked
}

// A page of the account's history (charges, payments, waivers, refunds), newest first, with who made each entry; each
// payment, waiver and refund with its receipt number can be printed again.
async function showHistory(page) {
  const patron = desk.patron;
  if (!patron || !patron.id) return;
  const message = $("account-history-message");
  message.textContent = "Loading…";
  message.className = "message";
  const answer = await deskCall(
    `/api/circulation/v1/patrons/${patron.id}/account?page=${page}&size=${HISTORY_PAGE_SIZE}`);
  if (desk.patron !== patron) return; // another patron was scanned meanwhile
  if (answer.status !== 200 || !answer.body) {
    message.textContent = answerUnknown(answer.status)
      ? "Circulation cannot be reached: the history cannot be shown now."
      : accountRefusal(answer.body, answer.status);
    message.className = "message bad";
    return;
  }
  patronAccount.historyPage = page;
  message.textContent = "";
  const lines = historyLines(answer.body.entries);
  $("account-history-rows").replaceChildren(...lines.map((line) => {
    const row = document.createElement("tr");
    const action = document.createElement("td");
    if (line.printReceipt) {
      const print = Object.assign(document.createElement("button"),
        { type: "button", className: "quiet account-history-print", textContent: "Print receipt (PDF)" });
      print.dataset.receiptNo = line.printReceipt;
      print.addEventListener("click", () => printReceipt(line.printReceipt, (text) => {
        message.textContent = text;
        message.className = "message bad";
      }));
      action.append(print);
    }
    row.append(cell(line.date), cell(line.kind), cell(line.what), cell(line.amount, "money"), cell(line.method),
      cell(line.receipt), cell(line.by), cell(line.desk), cell(line.balance, "money"), action);
    return row;
  }));
  $("account-history").hidden = !lines.length;
  const where = historyPage(page, HISTORY_PAGE_SIZE, answer.body.total);
  $("account-history-page").textContent = where.text;
  $("account-history-newer").hidden = !where.newer;
  $("account-history-older").hidden = !where.older;
}

// A receipt's printable copy (the one just taken, or one of the history's), opened in a new tab as the pull list's is.
async function printReceipt(receiptNo, sayBad = (text) => accountSay(text, "bad")) {
  if (!receiptNo) return;
  let answer;
  try {
    answer = await api(`/api/circulation/v1/receipts/${encodeURIComponent(receiptNo)}`,
      { headers: { Accept: "application/pdf" } });
  } catch {
    sayBad("The portal cannot be reached.");
    return;
  }
  if (!answer.ok) {
    sayBad(await refusal(answer, "circulation"));
    return;
  }
  window.open(URL.createObjectURL(await answer.blob()), "_blank", "noopener");
}

// ----------------------------------------------------------------------------------------- inventory, weeding
// Inventories with a barcode scanner: scans go to the catalog in batches (inventory-weeding.js: 50 at once or 2 s after
// the last scan); what the catalog has not taken yet is kept in this browser per user and inventory, and sent again.
const inventory = { current: null, queue: null, report: { page: 0 }, loadedFor: null };

function inventorySiteCode() {
  return $("inventory-site").value.trim().toUpperCase();
}

// This page's own id, new at each load (a reload, a duplicated tab): the inventory scans it keeps are its own, and
// what an earlier load kept is taken over when the inventory is opened again (adoptKeptScans).
const PAGE_LOAD = Math.random().toString(36).slice(2, 10);

function scansQueueOf(inventoryId) {
  const c = tokens ? claims(tokens.access_token) : {};
  return `${c.preferred_username || c.sub || "signed-out"}/${inventoryId}`;
}

function renderInventory() {
  const c = tokens ? claims(tokens.access_token) : {};
  const staff = (c.groups || []).some((role) => STAFF.includes(role));
  $("inventory").hidden = !staff;
  $("weeding").hidden = !staff;
  if (!staff) return;
  const sites = c.sites || [];
  if (!$("inventory-site").value && sites.length) $("inventory-site").value = sites[0];
  const who = c.preferred_username || c.sub;
  if (inventory.loadedFor !== who) {
    inventory.loadedFor = who;
    if (inventorySiteCode()) showInventories();
    loadWeedingLists();
  }
}

function inventorySay(text, tone) {
  const message = $("inventory-message");
  message.textContent = text;
  message.className = `message ${tone || ""}`;
}

// The site's inventories; `quiet` after a start, finish or cancel, whose own message stays.
async function showInventories(event, quiet) {
  if (event) event.preventDefault();
  const site = inventorySiteCode();
  if (!site) return;
  if (!quiet) inventorySay("Loading…");
  const answer = await deskCall(`/api/catalog/v1/inventories?siteCode=${encodeURIComponent(site)}&size=1000`);
  if (answer.status !== 200) {
    $("inventory-table").hidden = true;
    if (!quiet) inventorySay(`No inventories shown: ${catalogRefusal(answer.body, answer.status)}`, "bad");
    return;
  }
  const views = listOf(answer.body, "inventories")
    .sort((a, b) => String(b.startedAt || "").localeCompare(String(a.startedAt || "")));
  if (!quiet) {
    inventorySay(views.length ? `${views.length} inventor${views.length === 1 ? "y" : "ies"} at ${site}.`
      : `No inventory at ${site} yet.`);
  }
  $("inventory-rows").replaceChildren(...views.map((view) => {
    const row = document.createElement("tr");
    const open = document.createElement("td");
    const button = Object.assign(document.createElement("button"),
      { type: "button", className: "quiet", textContent: view.status === "OPEN" ? "Scan" : "Open" });
    button.addEventListener("click", () => openInventory(view));
    open.append(button);
    const done = view.status === "FINISHED";
    row.append(cell(inventoryTitle(view)), cell(String(view.scanned ?? 0)), cell(done ? String(view.missing) : "-"),
      cell(done ? String(view.found) : "-"), cell(done ? String(view.misplaced) : "-"), open);
    return row;
  }));
  $("inventory-table").hidden = !views.length;
  await offerInventoryScopes(site);
}

// The site's shelf locations and circulation types, offered as the start form's choices (typing stays allowed).
async function offerInventoryScopes(site) {
  const answer = await deskCall(`/api/catalog/v1/inventories/scopes?siteCode=${encodeURIComponent(site)}`);
  const scopes = answer.status === 200 && answer.body ? answer.body : {};
  for (const [list, named] of [["inventory-shelf-locations", scopes.shelfLocations],
    ["inventory-circulation-types", scopes.circulationTypes]]) {
    $(list).replaceChildren(...(named || []).map((n) => Object.assign(document.createElement("option"),
      { value: n.name, label: scopeChoiceLabel(n) })));
  }
}

async function startInventory(event) {
  event.preventDefault();
  const request = inventoryStartRequest({
    siteCode: inventorySiteCode(), callNumberFrom: $("inventory-call-from").value,
    callNumberTo: $("inventory-call-to").value, circulationType: $("inventory-circulation-type").value,
    shelfLocation: $("inventory-shelf-location").value, skipSeenSince: $("inventory-skip-since").value,
  });
  if (!request.siteCode) {
    inventorySay("Say which site first.", "bad");
    $("inventory-site").focus();
    return;
  }
  inventorySay("Starting…");
  const answer = await deskCall("/api/catalog/v1/inventories", post(request));
  if (answer.status !== 201 && answer.status !== 200) {
    inventorySay(`Not started: ${catalogRefusal(answer.body, answer.status)}`, "bad");
    return;
  }
  $("inventory-start-form").reset();
  $("inventory-start-panel").open = false;
  inventorySay("Started: scan the copies on the shelves.", "ok");
  await showInventories(null, true);
  openInventory(answer.body);
}

function openInventory(view) {
  if (inventory.queue) inventory.queue.stop();
  inventory.current = view;
  const { queue, scans: kept } = adoptKeptScans(localStorage, scansQueueOf(view.id), PAGE_LOAD);
  const scans = scanQueue({
    kept,
    send: (barcodes) => deskCall(`/api/catalog/v1/inventories/${encodeURIComponent(view.id)}/scans`, post({ barcodes })),
    keep: (barcodes) => keepScans(localStorage, queue, barcodes),
    schedule: (fn, ms) => setTimeout(fn, ms),
    cancel: (handle) => clearTimeout(handle),
    onChange: renderScanStatus,
    onBatch: (receipt) => {
      if (inventory.queue !== scans) return; // a batch of an inventory left meanwhile: sent, nothing to show
      $("inventory-receipt").textContent = scanReceiptLine(receipt);
      refreshInventory();
    },
  });
  inventory.queue = scans;
  $("inventory-scan-log").replaceChildren();
  $("inventory-receipt").textContent = "";
  $("inventory-report-rows").replaceChildren();
  $("inventory-report-table").hidden = true;
  $("inventory-report-summary").textContent = "";
  renderCurrentInventory();
  if (view.status === "OPEN") {
    if (inventory.queue.status().waiting) inventory.queue.flush();
    $("inventory-barcode").focus();
  } else if (view.status === "FINISHED") {
    showReport(null, 0);
  }
}

function renderCurrentInventory() {
  const view = inventory.current;
  $("inventory-current").hidden = !view;
  $("inventory-report").hidden = !view || view.status !== "FINISHED";
  if (!view) return;
  const open = view.status === "OPEN";
  $("inventory-title").textContent = inventoryTitle(view);
  $("inventory-counts").replaceChildren(...inventoryCounts(view).flatMap((count) => [
    Object.assign(document.createElement("dt"), { textContent: count.label }),
    Object.assign(document.createElement("dd"), { textContent: count.value.toLocaleString("en-US") }),
  ]));
  $("inventory-scan-form").hidden = !open;
  $("inventory-finish").hidden = !open;
  $("inventory-cancel").hidden = !open;
  const kind = $("inventory-report-kind").value || "missing";
  $("inventory-report-kind").replaceChildren(...reportKinds(view).map((k) =>
    Object.assign(document.createElement("option"), { value: k.kind, textContent: k.label })));
  $("inventory-report-kind").value = kind;
  renderScanStatus();
}

function renderScanStatus() {
  const view = inventory.current;
  if (!view || !inventory.queue) return;
  const status = inventory.queue.status();
  const line = $("inventory-scan-status");
  line.textContent = view.status === "OPEN" ? scanQueueLine(status) : status.waiting ? unsentLine(view, status.waiting) : "";
  line.className = `desk-message ${status.problem && status.waiting ? "bad" : status.waiting ? "warn" : "ok"}`;
  $("inventory-send").hidden = !(view.status === "OPEN" && status.waiting);
  $("inventory-forget").hidden = !(view.status !== "OPEN" && status.waiting);
}

async function refreshInventory() {
  const view = inventory.current;
  if (!view) return;
  const answer = await deskCall(`/api/catalog/v1/inventories/${encodeURIComponent(view.id)}`);
  if (answer.status === 200 && inventory.current && inventory.current.id === view.id) {
    inventory.current = answer.body;
    renderCurrentInventory();
  }
}

function scanForInventory(event) {
  event.preventDefault();
  const field = $("inventory-barcode");
  const result = inventory.queue && inventory.current?.status === "OPEN" ? inventory.queue.add(field.value) : null;
  field.value = "";
  field.focus();
  if (!result) return;
  const item = Object.assign(document.createElement("li"), { textContent: scanLine(result) });
  if (result.repeat) item.className = "warn";
  $("inventory-scan-log").prepend(item);
  while ($("inventory-scan-log").children.length > 20) $("inventory-scan-log").lastChild.remove();
}

async function finishInventory() {
  const view = inventory.current;
  if (!view || !inventory.queue) return;
  if (inventory.queue.status().waiting) await inventory.queue.flush();
  const waiting = inventory.queue.status().waiting;
  if (waiting) {
    inventorySay(`${waiting} scan${waiting === 1 ? " is" : "s are"} not sent yet: the inventory is finished only once the `
      + "catalog has every scan. Send them, then finish.", "bad");
    return;
  }
  if (!confirm(finishConfirmation(inventory.current))) return;
  inventorySay("Finishing… (a large inventory takes a moment)");
  const answer = await deskCall(`/api/catalog/v1/inventories/${encodeURIComponent(view.id)}/finish`, { method: "POST" });
  if (answer.status !== 200) {
    inventorySay(`Not finished: ${catalogRefusal(answer.body, answer.status)}`, "bad");
    return;
  }
  inventorySay(`Finished: ${answer.body.missing} missing, ${answer.body.found} found, ${answer.body.misplaced} misplaced.`, "ok");
  inventory.current = answer.body;
  renderCurrentInventory();
  await Promise.all([showReport(null, 0), showInventories(null, true)]);
}

async function cancelInventory() {
  const view = inventory.current;
  if (!view || !confirm(cancelConfirmation(view))) return;
  const answer = await deskCall(`/api/catalog/v1/inventories/${encodeURIComponent(view.id)}/cancel`, { method: "POST" });
  if (answer.status !== 200) {
    inventorySay(`Not cancelled: ${catalogRefusal(answer.body, answer.status)}`, "bad");
    return;
  }
  inventory.queue.clear(); // the catalog dropped its scans: none is to be sent any more
  inventorySay("Cancelled: nothing became missing.", "ok");
  inventory.current = answer.body;
  renderCurrentInventory();
  await showInventories(null, true);
}

function forgetScans() {
  const waiting = inventory.queue ? inventory.queue.status().waiting : 0;
  if (!waiting || !confirm(`Forget the ${waiting} scan${waiting === 1 ? "" : "s"} this inventory never received?`)) return;
  inventory.queue.clear();
}

function closeInventory() {
  if (inventory.queue) inventory.queue.stop();
  inventory.current = null;
  inventory.queue = null;
  renderCurrentInventory();
}

async function showReport(event, page) {
  if (event) event.preventDefault();
  const view = inventory.current;
  if (!view || view.status !== "FINISHED") return;
  const kind = $("inventory-report-kind").value || "missing";
  const size = Number($("inventory-report-size").value) || 100;
  const label = REPORT_LABELS[kind];
  $("inventory-report-heading").textContent = `${label}: ${inventoryTitle(view)}`;
  $("inventory-report-summary").textContent = "Loading…";
  const answer = await deskCall(reportPath(view.id, kind, page, size));
  if (answer.status !== 200) {
    $("inventory-report-summary").textContent = `No report: ${catalogRefusal(answer.body, answer.status)}`;
    $("inventory-report-table").hidden = true;
    return;
  }
  const report = answer.body;
  inventory.report = { page: report.page ?? page, hasNext: reportHasNext({ page, size, ...report }) };
  $("inventory-report-summary").textContent = reportSummary({ page, size, ...report }, label);
  const lines = listOf(report, "copies");
  $("inventory-report-rows").replaceChildren(...lines.map((line) => {
    const row = document.createElement("tr");
    row.append(...reportRow(line).map((text) => cell(text)));
    return row;
  }));
  $("inventory-report-table").hidden = !lines.length;
  $("inventory-report-prev").disabled = inventory.report.page === 0;
  $("inventory-report-next").disabled = !inventory.report.hasNext;
}

const REPORT_LABELS = { missing: "Missing", found: "Found", misplaced: "Misplaced", "not-checked": "Not checked",
  "scanned-on-loan": "Scanned on loan", unknown: "Unknown barcodes" };

// The browser's print of the report's page alone (app.css hides the rest while body has `print-report`).
function printReport() {
  document.body.classList.add("print-report");
  window.addEventListener("afterprint", () => document.body.classList.remove("print-report"), { once: true });
  window.print();
}

// Weeding: each scan is one withdrawal (POST /copies/{barcode}/withdraw), its reason and disposal method from the
// district's lists; the catalog's answer is shown as it is, a refusal (on loan, unknown copy...) in its words.
const weeding = { reasons: [], disposals: [] };

async function loadWeedingLists() {
  const [reasons, disposals] = await Promise.all([
    deskCall("/api/catalog/v1/district-lists/withdrawal-reasons"),
    deskCall("/api/catalog/v1/district-lists/disposal-methods"),
  ]);
  if (reasons.status !== 200 || disposals.status !== 200) {
    const failed = reasons.status !== 200 ? reasons : disposals;
    weedingSay(`The district's lists could not be read: ${catalogRefusal(failed.body, failed.status)}`, "bad");
    return false;
  }
  weeding.reasons = termOptions(reasons.body);
  weeding.disposals = termOptions(disposals.body);
  fillSelect($("weeding-reason"), weeding.reasons);
  fillSelect($("weeding-disposal"), weeding.disposals);
  weedingSay("", "ok");
  return true;
}

function fillSelect(select, terms) {
  const chosen = select.value;
  select.replaceChildren(Object.assign(document.createElement("option"), { value: "", textContent: "Choose…" }),
    ...terms.map((t) => Object.assign(document.createElement("option"), { value: t.code, textContent: t.label })));
  if (terms.some((t) => t.code === chosen)) select.value = chosen;
}

function weedingSay(text, tone) {
  const message = $("weeding-message");
  message.textContent = text;
  message.className = `desk-message ${tone || ""}`;
}

function weedingRow(barcode, what, tone) {
  const row = document.createElement("tr");
  row.className = tone || "";
  row.append(cell(new Date().toLocaleTimeString()), cell(barcode), cell(what));
  $("weeding-rows").prepend(row);
  $("weeding-log").hidden = false;
}

async function withdrawCopy(event) {
  event.preventDefault();
  const field = $("weeding-barcode");
  const barcode = field.value.trim();
  field.value = "";
  field.focus();
  if (!barcode) return;
  if (!weeding.reasons.length && !(await loadWeedingLists())) return;
  const reason = $("weeding-reason").value;
  const disposal = $("weeding-disposal").value;
  if (!reason || !disposal) {
    weedingSay(`${barcode} not withdrawn: choose the reason and the disposal first.`, "bad");
    return;
  }
  weedingSay(`Withdrawing ${barcode}…`);
  const answer = await deskCall(`/api/catalog/v1/copies/${encodeURIComponent(barcode)}/withdraw`,
    post(withdrawRequest(reason, disposal, $("weeding-note").value)));
  if (answer.status === 200) {
    const line = withdrawalLine(answer.body, weeding.reasons, weeding.disposals);
    weedingSay(`${barcode}: ${line}`, "ok");
    weedingRow(barcode, line, "ok");
  } else {
    const text = answer.status === 504
      ? "the catalog did not answer in time. Scan it again: a copy already withdrawn says so."
      : catalogRefusal(answer.body, answer.status);
    weedingSay(`${barcode} not withdrawn: ${text}`, "bad");
    weedingRow(barcode, `Not withdrawn: ${text}`, "bad");
  }
}

// -------------------------------------------------------------------------------------------------------- start
async function start() {
  const config = await (await fetch("/portal/config")).json();
  oidc = config.oidc;
  tokens = JSON.parse(sessionStorage.getItem(SESSION) || "null");
  $("sign-in").addEventListener("click", () => signIn().catch(showNotice));
  $("sign-out").addEventListener("click", signOut);
  $("search-form").addEventListener("submit", search);
  $("pull-form").addEventListener("submit", showPullList);
  $("pull-print").addEventListener("click", printPullList);
  $("mode-checkout").addEventListener("click", () => setMode("checkout"));
  $("mode-checkin").addEventListener("click", () => setMode("checkin"));
  $("patron-form").addEventListener("submit", findPatron);
  $("checkout-form").addEventListener("submit", checkOut);
  $("override-form").addEventListener("submit", override);
  $("override-cancel").addEventListener("click", () => { $("override-form").hidden = true; desk.override = null; $("checkout-item").focus(); });
  $("checkin-form").addEventListener("submit", checkIn);
  $("renew-all").addEventListener("click", renewAll);
  $("patron-done").addEventListener("click", donePatron);
  $("photo-form").addEventListener("submit", uploadPhoto);
  $("photo-remove").addEventListener("click", removePhoto);
  $("offline-upload").addEventListener("click", uploadOffline);
  $("account-pay-open").addEventListener("click", openPayment);
  $("account-toward").addEventListener("change", () => { $("account-amount").value = paymentDefault(owedFor($("account-toward").value)); });
  $("account-pay-form").addEventListener("submit", takePayment);
  $("account-pay-cancel").addEventListener("click", () => { $("account-pay-form").hidden = true; });
  $("account-waive-form").addEventListener("submit", waiveFee);
  $("account-waive-cancel").addEventListener("click", () => { $("account-waive-form").hidden = true; patronAccount.waiving = null; });
  $("account-charge-open").addEventListener("click", openCharge);
  $("account-charge-form").addEventListener("submit", chargeFee);
  $("account-charge-cancel").addEventListener("click", () => { $("account-charge-form").hidden = true; });
  $("account-receipt-print").addEventListener("click", () => printReceipt(patronAccount.receiptNo));
  $("account-history-part").addEventListener("toggle", () => { if ($("account-history-part").open) showHistory(0); });
  $("account-history-newer").addEventListener("click", () => showHistory(Math.max(0, patronAccount.historyPage - 1)));
  $("account-history-older").addEventListener("click", () => showHistory(patronAccount.historyPage + 1));
  $("desk-site").addEventListener("change", renderOffline);
  $("inventory-list-form").addEventListener("submit", showInventories);
  $("inventory-start-form").addEventListener("submit", startInventory);
  $("inventory-scan-form").addEventListener("submit", scanForInventory);
  $("inventory-send").addEventListener("click", () => inventory.queue && inventory.queue.flush());
  $("inventory-forget").addEventListener("click", forgetScans);
  $("inventory-finish").addEventListener("click", finishInventory);
  $("inventory-cancel").addEventListener("click", cancelInventory);
  $("inventory-close").addEventListener("click", closeInventory);
  $("inventory-report-form").addEventListener("submit", (event) => showReport(event, 0));
  $("inventory-report-kind").addEventListener("change", () => showReport(null, 0));
  $("inventory-report-prev").addEventListener("click", () => showReport(null, Math.max(0, inventory.report.page - 1)));
  $("inventory-report-next").addEventListener("click", () => showReport(null, inventory.report.page + 1));
  $("inventory-report-print").addEventListener("click", printReport);
  $("weeding-choice").addEventListener("submit", (event) => { event.preventDefault(); $("weeding-barcode").focus(); });
  $("weeding-form").addEventListener("submit", withdrawCopy);
  try {
    await completeSignIn();
  } catch (failure) {
    showNotice(failure);
  }
  render();
  renderServices(config.services, []);
  await refreshServices(config.services);
  setInterval(() => refreshServices(config.services), 15_000);
}

function showNotice(failure) {
  const notice = $("notice");
  notice.textContent = `Sign-in failed: ${failure.message || failure}`;
  notice.hidden = false;
}

start().catch((failure) => {
  const notice = $("notice");
  notice.textContent = `The portal could not start: ${failure.message || failure}`;
  notice.hidden = false;
});
