// Run by PatronPhotoScriptTest: node patron-photo-check.js <path of patron-photo.js>
"use strict";
const assert = require("node:assert/strict");
const photo = require(process.argv[2]);

assert.equal(photo.photoPath("3f1c-9a"), "/api/circulation/v1/patrons/3f1c-9a/photo");
assert.equal(photo.photoAlt({ barcode: "P1", firstName: "Ana", lastName: "García" }), "Ana García");
assert.equal(photo.photoAlt({ barcode: "P1" }), "P1");

// what may be sent: JPEG or PNG (by the browser's type, else the name), not empty, at most 2 MB
assert.deepEqual(photo.photoUpload({ name: "ana.jpg", type: "image/jpeg", size: 120_000 }), { ok: true, type: "image/jpeg" });
assert.deepEqual(photo.photoUpload({ name: "ana.png", type: "image/png", size: 2 * 1024 * 1024 }), { ok: true, type: "image/png" });
assert.deepEqual(photo.photoUpload({ name: "ANA.JPEG", type: "", size: 10 }), { ok: true, type: "image/jpeg" });
assert.deepEqual(photo.photoUpload({ name: "ana.jpg", type: "image/pjpeg", size: 10 }), { ok: true, type: "image/jpeg" });
assert.deepEqual(photo.photoUpload(undefined), { ok: false, text: "Choose a picture first." });
assert.deepEqual(photo.photoUpload({ name: "ana.gif", type: "image/gif", size: 10 }),
  { ok: false, text: "Only JPEG or PNG pictures can be used: this file is image/gif." });
assert.deepEqual(photo.photoUpload({ name: "notes.txt", type: "", size: 10 }),
  { ok: false, text: "Only JPEG or PNG pictures can be used: this file is of another kind." });
assert.deepEqual(photo.photoUpload({ name: "ana.jpg", type: "image/jpeg", size: 0 }), { ok: false, text: "The file is empty." });
assert.equal(photo.photoUpload({ name: "ana.jpg", type: "image/jpeg", size: 2 * 1024 * 1024 + 1 }).ok, false);
assert.deepEqual(photo.photoUpload({ name: "big.png", type: "image/png", size: 5_500_000 }),
  { ok: false, text: "The picture is 5.2 MB: at most 2 MB. Make it smaller first." });

// what is said: the saved picture, circulation's refusals in its words
assert.equal(photo.photoLine({ contentType: "image/jpeg", bytes: 48_213, width: 480, height: 600 }),
  "Picture saved (JPEG, 480 x 600 pixels, 47 KB).");
assert.equal(photo.photoLine({ contentType: "image/png", bytes: 1_572_864, width: 800, height: 1000 }),
  "Picture saved (PNG, 800 x 1000 pixels, 1.5 MB).");
assert.equal(photo.photoRefusal({ code: "not-an-image", detail: "not a JPEG or PNG picture" }, 422), "not a JPEG or PNG picture");
assert.equal(photo.photoRefusal({ status: 403, title: "Forbidden" }, 403), "Forbidden");
assert.equal(photo.photoRefusal(null, 500), "Circulation answered 500.");
assert.equal(photo.photoRefusal(null, 0), "Circulation cannot be reached: the picture was not changed.");
assert.equal(photo.photoRefusal(null, 401), "Your sign-in has expired: sign in again (the picture was not changed).");
assert.equal(photo.photoRemoveConfirmation({ firstName: "Ana", lastName: "García" }),
  "Remove the picture of Ana García? It cannot be undone; a new one can be uploaded.");
assert.equal(photo.photoUploadLabel(true), "Replace picture");
assert.equal(photo.photoUploadLabel(false), "Upload picture");

// one object URL at a time: revoked when the card changes or goes; a late fetch for an earlier card keeps nothing
const created = [];
const revoked = [];
const urls = {
  createObjectURL: (blob) => { const url = `blob:${created.length + 1}:${blob}`; created.push(url); return url; },
  revokeObjectURL: (url) => revoked.push(url),
};
const slot = photo.photoSlot(urls);
const ana = slot.begin();
assert.equal(slot.show(ana, "ana"), "blob:1:ana");
assert.equal(slot.shown, "blob:1:ana");
const ben = slot.begin(); // the next patron scanned
assert.deepEqual(revoked, ["blob:1:ana"]);
assert.equal(slot.shown, null);
assert.equal(slot.show(ana, "ana again"), null, "Ana's picture came back after Ben was scanned: not shown");
assert.equal(created.length, 1);
assert.equal(slot.show(ben, "ben"), "blob:2:ben");
assert.equal(slot.show(ben, "ben replaced"), "blob:3:ben replaced");
assert.deepEqual(revoked, ["blob:1:ana", "blob:2:ben"]);
slot.clear(); // done with this patron
assert.deepEqual(revoked, ["blob:1:ana", "blob:2:ben", "blob:3:ben replaced"]);
assert.equal(slot.show(ben, "late"), null);
slot.clear();
assert.equal(revoked.length, 3, "nothing revoked twice");
console.log("patron photo: all checks passed");
