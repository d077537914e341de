package org.lrms.catalog.marc;

import org.junit.jupiter.api.Test;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A chunk's matching in memory: by its index of identifiers, live as the chunk creates and merges titles. */
class TitleMatcherTest {

    @Test
    void aRecordMatchesByAnIdentifierAnEarlierMergeOfTheSameChunkGaveTheTitle() {
        TitleMatcher.Chunk chunk = new TitleMatcher.Chunk(MatchMode.STRICT);
        Title title = title("Holes", "9780374332662");
        chunk.created(title);
        assertTrue(chunk.match(record("Holes", null, "9780440414803")).isEmpty(), "not yet its ISBN");

        // a record merged into the title gives it a second ISBN and a control number
        title.isbn13s.add("9780440414803");
        title.controlNumber = "ocm40158566";
        chunk.merged(title);

        assertEquals(title, chunk.match(record("Holes", null, "9780440414803")).orElseThrow());
        assertEquals(title, chunk.match(record("Holes", "ocm40158566")).orElseThrow());
        // strict: the same identifier with another title is no match
        assertTrue(chunk.match(record("Small Steps", null, "9780440414803")).isEmpty());
    }

    @Test
    void aControlNumberMatchesOnlyWithTheSameAgency() {
        TitleMatcher.Chunk chunk = new TitleMatcher.Chunk(MatchMode.RELAXED);
        Title title = title("Holes", "9780374332662");
        title.controlNumber = "123";
        title.controlNumberAgency = "VendorA";
        chunk.created(title);

        assertTrue(chunk.match(agency("Hatchet", "123", "VendorB")).isEmpty(), "another vendor's record 123");
        assertTrue(chunk.match(agency("Hatchet", "123", null)).isEmpty(), "a record 123 of no known agency");
        assertEquals(title, chunk.match(agency("Holes", "123", "VendorA")).orElseThrow());
    }

    @Test
    void anIdentifierAMergeReplacedNoLongerMatches() {
        TitleMatcher.Chunk chunk = new TitleMatcher.Chunk(MatchMode.RELAXED);
        Title title = title("Holes", "9780374332662");
        title.lccn = "97046255";
        chunk.created(title);
        assertEquals(title, chunk.match(lccn("Holes", "97046255")).orElseThrow());

        title.lccn = "98000001";
        chunk.merged(title);
        assertTrue(chunk.match(lccn("Holes", "97046255")).isEmpty(), "the old LCCN is not the title's any more");
        assertEquals(title, chunk.match(lccn("Holes", "98000001")).orElseThrow());
    }

    @Test
    void severalTitlesHoldingTheIdentifierComeInTheChunksOrder() {
        TitleMatcher.Chunk chunk = new TitleMatcher.Chunk(MatchMode.RELAXED);
        Title older = title("Holes", "9780374332662");
        Title newer = title("Holes (paperback)", "9780374332662");
        chunk.add(List.of(older));
        chunk.created(newer);
        assertEquals(older, chunk.match(record("Anything", null, "0374332665")).orElseThrow(),
                "the ISBN-10 of the same book, and the oldest title first");
    }

    private static Title title(String name, String isbn13) {
        Title t = new Title();
        t.id = UUID.randomUUID();
        t.title = name;
        t.materialType = "BOOK";
        t.isbn13s = new ArrayList<>(List.of(isbn13));
        return t;
    }

    private static MarcTitle record(String name, String controlNumber, String... isbns) {
        return new MarcTitle(1, request(name, List.of(isbns), null), controlNumber, null, List.of(), null, "");
    }

    private static MarcTitle agency(String name, String controlNumber, String agency) {
        return new MarcTitle(1, request(name, List.of(), null), controlNumber, agency, List.of(), null, "");
    }

    private static MarcTitle lccn(String name, String lccn) {
        return new MarcTitle(1, request(name, List.of(), lccn), null, null, List.of(), null, "");
    }

    private static TitleRequest request(String name, List<String> isbns, String lccn) {
        return new TitleRequest(name, null, null, List.of(), List.of(), isbns, null, lccn, null, null, null, null,
                "BOOK", null, null, List.of(), null, null, null, null);
    }
}
