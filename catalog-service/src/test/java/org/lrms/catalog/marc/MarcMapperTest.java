package org.lrms.catalog.marc;

import org.junit.jupiter.api.Test;
import org.lrms.catalog.title.Contributor;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarcMapperTest {

    /** "Café crème in São Paulo", composed: one code point per accented letter. */
    static final String COMPOSED = "Caf\u00e9 cr\u00e8me in S\u00e3o Paulo";

    @Test
    void aMarc8RecordIsReadAsComposedUnicode() {
        byte[] file = MarcSamples.marc8(List.of(MarcSamples.book("m8", null, COMPOSED, "Gon\u00e7alves, In\u00eas",
                "1999")));
        assertTrue(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Cafâe"),
                "the file is MARC-8: the acute accent (0xE2) comes before its letter");
        Record read = MarcFiles.reader(new ByteArrayInputStream(file), MarcFiles.Format.ISO2709).next();
        MarcTitle mapped = MarcMapper.toTitle(1, read);
        assertEquals(COMPOSED, mapped.title().title());
        assertEquals(List.of("Gon\u00e7alves, In\u00eas"), mapped.title().authors());
        assertTrue(mapped.marcXml().contains(COMPOSED), "the kept source is composed too");
    }

    @Test
    void aDecomposedUtf8RecordIsComposed() {
        Record record = MarcSamples.book("nfd", null, "Cafe\u0301", "Writer, A", "2001");
        assertEquals("Caf\u00e9", MarcMapper.toTitle(1, record).title().title());
    }

    @Test
    void anInvalid020aIsKeptWithThe020zValuesAndWrittenBackAs020z() {
        Record record = MarcSamples.book("z20", "0440414807", "Cancelled", "Writer, A", "2001");
        record.addVariableField(MarcSamples.field("020", ' ', ' ', 'a', "9780440414803 (hbk.)"));
        record.addVariableField(MarcSamples.field("020", ' ', ' ', 'z', "0-440-41480-X"));
        MarcTitle read = MarcMapper.toTitle(1, record);
        assertEquals(List.of("9780440414803"), read.title().isbns());
        assertEquals(List.of("0-440-41480-X", "0440414807"), read.cancelledIsbns());
        assertEquals(List.of("0440414807"), read.invalidIsbns());

        Title title = new Title();
        title.id = UUID.randomUUID();
        title.title = "Cancelled";
        title.materialType = "BOOK";
        title.isbns = List.of("9780440414803");
        title.cancelledIsbns = read.cancelledIsbns();
        List<String> a = new ArrayList<>();
        List<String> z = new ArrayList<>();
        for (DataField f : MarcMapper.toRecord(title).getDataFields()) {
            if (f.getTag().equals("020")) {
                f.getSubfields('a').forEach(s -> a.add(s.getData()));
                f.getSubfields('z').forEach(s -> z.add(s.getData()));
            }
        }
        assertEquals(List.of("9780440414803"), a);
        assertEquals(List.of("0-440-41480-X", "0440414807"), z);
    }

    @Test
    void aTitleImportedBeforeCancelledIsbnsWereKeptExportsThoseOfItsSource() {
        Record record = MarcSamples.book("z21", "0440414807", "Imported long ago", "Writer, A", "2001");
        record.addVariableField(MarcSamples.field("020", ' ', ' ', 'a', "9780440414803"));
        record.addVariableField(MarcSamples.field("020", ' ', ' ', 'z', "0-440-41480-X"));
        Title title = new Title();
        title.id = UUID.randomUUID();
        title.title = "Imported long ago";
        title.materialType = "BOOK";
        title.isbns = List.of("9780440414803");
        title.cancelledIsbns = List.of();     // as V22 left the titles imported before it
        title.marcSource = MarcFiles.toXml(record);
        List<String> z = new ArrayList<>();
        for (DataField f : MarcMapper.toRecord(title).getDataFields()) {
            if (f.getTag().equals("020")) {
                f.getSubfields('z').forEach(s -> z.add(s.getData()));
            }
        }
        assertEquals(List.of("0-440-41480-X", "0440414807"), z);
    }

    @Test
    void aRecordWithoutABibliographicTypeOfRecordIsRejected() {
        Record record = MarcSamples.book("lead", null, "Leaderless", "Writer, A", "2001");
        record.getLeader().setTypeOfRecord(' ');
        MarcRejected rejected = assertThrows(MarcRejected.class, () -> MarcMapper.toTitle(1, record));
        assertTrue(rejected.getMessage().contains("leader/06"), rejected.getMessage());
    }

    @Test
    void a949HoldingBecomesAHoldingWithBarcodeCallNumberLocationAndPrice() {
        Record record = MarcSamples.with949(MarcSamples.book("h949", null, "Lions", "Cat, A", "2001"),
                "T0001234", "599.75 LIO", "Nonfiction", "$24.95");
        assertEquals(List.of(new MarcTitle.Holding("T0001234", "599.75 LIO", "Nonfiction", new BigDecimal("24.95"))),
                MarcMapper.toTitle(1, record).holdings());
    }

    @Test
    void mapsABookRecordAndDropsIsbdPunctuation() {
        Record record = MarcSamples.withHolding(
                MarcSamples.book("ocm123", "0440414806", "Holes", "Sachar, Louis", "2000"), "LHS000123");
        MarcTitle mapped = MarcMapper.toTitle(7, record);
        TitleRequest t = mapped.title();
        assertEquals("Holes", t.title());
        assertEquals("by Sachar, Louis", t.statementOfResponsibility());
        assertEquals(List.of("Sachar, Louis"), t.authors());
        assertEquals(List.of("0440414806"), t.isbns());
        assertEquals("Yearling", t.publisher());
        assertEquals(2000, t.publicationYear());
        assertEquals("eng", t.language());
        assertEquals("BOOK", t.materialType());
        assertEquals("[Fic]", t.deweyNumber());
        assertEquals(List.of("Friendship -- Fiction"), t.subjects());
        assertEquals("ocm123", mapped.controlNumber());
        assertEquals(List.of(new MarcTitle.Holding("LHS000123", "FIC SAC", "Fiction", new BigDecimal("12.99"))),
                mapped.holdings());
        assertTrue(mapped.marcXml().contains("Local note"));
        assertEquals("record 7 (ocm123)", mapped.label());
    }

    @Test
    void aRecordWithoutTitleIsRejectedWithTheReason() {
        MarcRejected rejected = assertThrows(MarcRejected.class,
                () -> MarcMapper.toTitle(2, MarcSamples.withoutTitle("x1")));
        assertTrue(rejected.getMessage().contains("245"));
    }

    @Test
    void anInvalidIsbnIsLeftOutNotTheRecord() {
        MarcTitle mapped = MarcMapper.toTitle(1, MarcSamples.book("c1", "0440414807", "Holes", "Sachar, Louis",
                "2000"));
        assertEquals(List.of(), mapped.title().isbns());
    }

    @Test
    void materialTypeComesFromTheLeader() {
        Record dvd = MarcSamples.book("c2", null, "Holes", "Davis, Andrew", "2003");
        dvd.getLeader().setTypeOfRecord('g');
        assertEquals("DVD", MarcMapper.toTitle(1, dvd).title().materialType());
        Record serial = MarcSamples.book("c3", null, "Cricket", "Various", "1990");
        serial.getLeader().setImplDefined1(new char[]{'s', ' '});
        assertEquals("PERIODICAL", MarcMapper.toTitle(1, serial).title().materialType());
    }

    @Test
    void exportCarriesTheCatalogDataAndKeepsTheSourcesOtherFields() {
        MarcTitle mapped = MarcMapper.toTitle(1, MarcSamples.book("ocm9", "9780440414803", "Holes", "Sachar, Louis",
                "2000"));
        Title title = new Title();
        title.id = UUID.randomUUID();
        title.title = "Holes (edited locally)";
        title.authors = new ArrayList<>(List.of("Sachar, Louis"));
        title.contributors = new ArrayList<>(List.of(new Contributor("Doe, Jane", "illustrator")));
        title.isbns = new ArrayList<>(List.of("9780440414803"));
        title.subjects = new ArrayList<>(List.of("Camps -- Fiction"));
        title.materialType = "BOOK";
        title.readingLevel = "4.6";
        title.controlNumber = "ocm9";
        title.marcSource = mapped.marcXml();

        for (MarcFiles.Format format : MarcFiles.Format.values()) {
            byte[] bytes = MarcFiles.write(List.of(MarcMapper.toRecord(title)), format);
            Record back = MarcFiles.reader(new ByteArrayInputStream(bytes), format).next();
            DataField f245 = (DataField) back.getVariableField("245");
            assertEquals("Holes (edited locally)", f245.getSubfield('a').getData());
            assertEquals("ocm9", back.getControlNumber());
            assertEquals("4.6", ((DataField) back.getVariableField("521")).getSubfield('a').getData());
            assertEquals("illustrator", ((DataField) back.getVariableFields("700").get(0)).getSubfield('e').getData());
            assertNotNull(back.getVariableField("590"), "the source's local note comes back");
            assertNotNull(back.getVariableField("008"));
            // and reading it again gives the same title
            assertEquals("Holes (edited locally)", MarcMapper.toTitle(1, back).title().title());
        }
    }

    @Test
    void localFieldsOfThePreviousRecordSurviveAMerge() {
        Record previous = MarcSamples.book("a", null, "Holes", "Sachar, Louis", "2000");
        previous.addVariableField(MarcSamples.field("945", ' ', ' ', 'a', "local shelf list"));
        Record incoming = MarcSamples.book("a", null, "Holes", "Sachar, Louis", "2001");
        Record merged = MarcMapper.mergeLocalFields(incoming, previous);
        assertNotNull(merged.getVariableField("945"));
    }

    @Test
    void onlyNineHundredFieldsOtherThan949AreLocal() {
        assertTrue(MarcMapper.hasLocalFields("<record><datafield tag=\"945\" ind1=\" \" ind2=\" \"></datafield></record>"));
        assertTrue(MarcMapper.hasLocalFields("<marc:record><marc:datafield ind1=\" \" tag=\"999\"/></marc:record>"));
        assertFalse(MarcMapper.hasLocalFields("<record><datafield tag=\"949\" ind1=\" \"></datafield>"
                + "<datafield tag=\"590\"></datafield><controlfield tag=\"001\">9</controlfield></record>"));
        assertFalse(MarcMapper.hasLocalFields(null));
    }
}
