// The patron's picture at the desk: whether a chosen file can be sent (JPEG or PNG, at most 2 MB, as circulation
// takes them), what is said after an upload or a refusal, and the one picture shown, kept as an object URL of the
// bytes fetched with the bearer token (circulation answers it "private, no-store": never cached) and revoked as soon
// as the card changes. Plain functions without the page, so that they can be tested alone (PatronPhotoScriptTest
// runs them in Node).
"use strict";

const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

function photoPath(patronId) {
  return `/api/circulation/v1/patrons/${encodeURIComponent(patronId)}/photo`;
}

// The picture's alt text: the patron's name, as the card shows it.
function photoAlt(patron) {
  return [patron.firstName, patron.lastName].filter(Boolean).join(" ") || patron.barcode || "The patron";
}

function photoSize(bytes) {
  const mb = bytes / (1024 * 1024);
  if (bytes >= 1024 * 1024) return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

// A file chosen for upload: {ok, type} to send it as, or {ok: false, text} saying why circulation would refuse it.
// A file the browser gives no type is told by its name (.jpg, .jpeg, .png); circulation checks the bytes anyway.
function photoUpload(file, maxBytes = PHOTO_MAX_BYTES) {
  if (!file) return { ok: false, text: "Choose a picture first." };
  let type = String(file.type || "").toLowerCase();
  if (type === "image/jpg" || type === "image/pjpeg") type = "image/jpeg";
  if (!type) {
    const name = String(file.name || "").toLowerCase();
    if (/\.jpe?g$/.test(name)) type = "image/jpeg";
    else if (name.endsWith(".png")) type = "image/png";
  }
  if (type !== "image/jpeg" && type !== "image/png") {
    return { ok: false, text: `Only JPEG or PNG pictures can be used: this file is ${file.type || "of another kind"}.` };
  }
  if (!file.size) return { ok: false, text: "The file is empty." };
  if (file.size > maxBytes) {
    return { ok: false, text: `The picture is ${photoSize(file.size)}: at most ${photoSize(maxBytes)}. Make it smaller first.` };
  }
  return { ok: true, type };
}

// Circulation's answer to an upload, in words.
function photoLine(view) {
  const kind = view.contentType === "image/png" ? "PNG" : "JPEG";
  return `Picture saved (${kind}, ${view.width} x ${view.height} pixels, ${photoSize(view.bytes)}).`;
}

function photoRefusal(problem, status) {
  if (status === 0 || status === 502) return "Circulation cannot be reached: the picture was not changed.";
  if (status === 401) return "Your sign-in has expired: sign in again (the picture was not changed).";
  return (problem && (problem.detail || problem.title)) || `Circulation answered ${status}.`;
}

function photoRemoveConfirmation(patron) {
  return `Remove the picture of ${photoAlt(patron)}? It cannot be undone; a new one can be uploaded.`;
}

function photoUploadLabel(hasPhoto) {
  return hasPhoto ? "Replace picture" : "Upload picture";
}

// The picture on the card: at most one object URL at a time. begin() forgets the one shown (revoked) and answers a
// ticket; show(ticket, blob) answers the new URL, or null when the card changed since the ticket was given (a fetch
// that came back late: nothing is kept of it). clear() when the card goes.
function photoSlot(urls) {
  let shown = null;
  let ticket = 0;
  return {
    begin() {
      this.clear();
      return ticket;
    },
    show(forTicket, blob) {
      if (forTicket !== ticket) return null;
      if (shown) urls.revokeObjectURL(shown);
      shown = urls.createObjectURL(blob);
      return shown;
    },
    clear() {
      ticket += 1;
      if (shown) urls.revokeObjectURL(shown);
      shown = null;
    },
    get shown() {
      return shown;
    },
  };
}

if (typeof module !== "undefined") {
  module.exports = {
    PHOTO_MAX_BYTES, photoPath, photoAlt, photoUpload, photoLine, photoRefusal, photoRemoveConfirmation,
    photoUploadLabel, photoSlot,
  };
}
