package org.lrms.catalog.marc;

import org.junit.jupiter.api.Test;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Iso2709FitTest {

    @Test
    void aLongSummaryBecomesSeveral520sEachWithinTheLimitWithAllItsWords() {
        String summary = "Une île où l'été dure toujours, 𝄞 et ses élèves. ".repeat(400).strip(); // ~21,000 bytes
        Record record = MarcSamples.book("s1", null, "Long", "A, B", "2001");
        record.addVariableField(MarcSamples.field("520", ' ', ' ', 'a', summary));

        Record fitted = Iso2709Fit.split(record);
        List<DataField> summaries = fitted.getDataFields().stream().filter(f -> f.getTag().equals("520")).toList();
        assertTrue(summaries.size() >= 3, "split into " + summaries.size());
        summaries.forEach(f -> assertTrue(f.getSubfield('a').getData().getBytes(StandardCharsets.UTF_8).length
                < Iso2709Fit.MAX_FIELD_BYTES));
        assertTrue(Iso2709Fit.tooLong(fitted).isEmpty());

        Record back = MarcFiles.reader(new ByteArrayInputStream(MarcFiles.write(List.of(fitted),
                MarcFiles.Format.ISO2709)), MarcFiles.Format.ISO2709).next();
        String joined = back.getDataFields().stream().filter(f -> f.getTag().equals("520"))
                .map(f -> f.getSubfield('a').getData()).collect(Collectors.joining(" "));
        assertEquals(summary, joined, "every word, in order, cut at spaces");
        assertEquals("Long /", ((DataField) back.getVariableField("245")).getSubfield('a').getData());
    }

    @Test
    void aRecordThatFitsIsLeftAsItIs() {
        Record record = MarcSamples.book("s2", null, "Short", "A, B", "2001");
        assertTrue(Iso2709Fit.split(record) == record);
    }

    @Test
    void aTooLongTitleOrRecordCannotBeIso2709AndSaysWhy() {
        Record longTitle = MarcSamples.book("s3", null, "x".repeat(10_000), "A, B", "2001");
        assertTrue(Iso2709Fit.tooLong(Iso2709Fit.split(longTitle)).orElseThrow().contains("field 245"));

        Record huge = MarcSamples.book("s4", null, "Huge", "A, B", "2001");
        for (int i = 0; i < 12; i++) {
            huge.addVariableField(MarcSamples.field("505", '0', ' ', 'a', "chapter ".repeat(1_200)));
        }
        assertTrue(Iso2709Fit.tooLong(Iso2709Fit.split(huge)).orElseThrow().contains("99999"));
    }
}
