// Run by SearchSummaryScriptTest: node search-summary-check.js <path of search-summary.js>
"use strict";
const assert = require("node:assert/strict");
const { searchSummary, facetGroups, facetNote } = require(process.argv[2]);

const hit = { title: "History of the World", authors: ["Ann Lee"] };
const facets = { materialType: [{ value: "BOOK", count: 480 }, { value: "DVD", count: 20 }], language: [], siteCode: [{ value: "LHS", count: 12 }] };

// the catalog counted only its 500 best candidates: the total is the planner's estimate, the facets are partial
const estimated = { total: 61367, totalIsEstimate: true, facetsCounted: 500, results: [hit], facets };
assert.equal(searchSummary(estimated, "history"), "About 61,367 titles found");
assert.equal(facetNote(estimated), "Counts are of the best 500 matches, not all of them.");
assert.deepEqual(facetGroups(estimated).map((g) => g.label), ["Type", "School"]);

// an exact answer: the number as it is, and no note
const exact = { total: 1234, totalIsEstimate: false, facetsCounted: 1234, results: [hit], facets };
assert.equal(searchSummary(exact, "history"), "1,234 titles found");
assert.equal(facetNote(exact), null);
assert.equal(searchSummary({ total: 1, totalIsEstimate: false, facetsCounted: 1, results: [hit] }, "holes"), "1 title found");
assert.equal(searchSummary({ total: 0, totalIsEstimate: false, facetsCounted: 0, results: [] }, "zzz"), "No title matches “zzz”.");
assert.deepEqual(facetGroups({ total: 0, results: [] }), []);

// an older catalog without the fields: exact, as before
assert.equal(searchSummary({ total: 3, results: [hit, hit, hit] }, "x"), "3 titles found");
assert.equal(facetNote({ total: 3, results: [hit] }), null);
console.log("search summary: all checks passed");
