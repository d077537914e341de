// What the catalog search page says about an answer: how many titles (exact, or "about" when the catalog says its
// total is an estimate) and, beside the facet counts, whether they count every match or only the best of them.
// Plain functions without the page, so that they can be tested alone (PortalScriptTest runs them in Node).
"use strict";

const FACET_NAMES = { materialType: "Type", language: "Language", readingLevel: "Reading level", siteCode: "School" };

function count(n) {
  return Number(n).toLocaleString("en-US");
}

function searchSummary(body, q) {
  const items = Array.isArray(body) ? body : body.items || body.results || body.titles || [];
  if (!items.length) return `No title matches “${q}”.`;
  const total = body.total ?? body.totalCount ?? items.length;
  const titles = `${count(total)} title${total === 1 ? "" : "s"}`;
  return body.totalIsEstimate ? `About ${titles} found` : `${titles} found`;
}

// Facets with counts, in the catalog's order, each as {label, values: [{value, count}]}; empty ones left out.
function facetGroups(body) {
  const facets = body && typeof body.facets === "object" && body.facets ? body.facets : {};
  return Object.entries(facets)
    .filter(([, values]) => Array.isArray(values) && values.length)
    .map(([name, values]) => ({ label: FACET_NAMES[name] || name, values }));
}

// Null when the facets count every match; otherwise a sentence saying how many they count.
function facetNote(body) {
  if (!body || !body.totalIsEstimate || body.facetsCounted == null) return null;
  return `Counts are of the best ${count(body.facetsCounted)} matches, not all of them.`;
}

if (typeof module !== "undefined") module.exports = { searchSummary, facetGroups, facetNote };
