package org.lrms.catalog.marc;

import org.lrms.catalog.title.Contributor;
import org.lrms.catalog.title.Isbn;
import org.lrms.catalog.title.MaterialType;
import org.lrms.catalog.title.Title;
import org.lrms.catalog.title.TitleRequest;
import org.marc4j.MarcError;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Leader;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * MARC 21 bibliographic records to titles and back. Plain Java: no database, unit-tested with records built in the
 * test. Fields the catalog keeps as data are listed in {@link #MAPPED_TAGS}; the rest of a source record (notes,
 * physical description, local 9XX fields) survives in the kept source and comes back on export.
 */
public final class MarcMapper {

    static final Set<String> MAPPED_TAGS = Set.of("001", "003", "005", "010", "020", "022", "041", "082", "092",
            "099", "100", "110", "111", "245", "250", "260", "264", "490", "520", "521", "600", "610", "650",
            "651", "655", "700", "710", "830", "852", "949");

    /** Leader/06 of a MARC 21 bibliographic record (language material, music, maps, visual, kits, manuscripts...). */
    private static final String BIBLIOGRAPHIC_TYPES = "acdefgijkmoprt";
    private static final Pattern YEAR = Pattern.compile("(1[0-9]{3}|20[0-9]{2}|2100)");
    private static final Pattern PRICE = Pattern.compile("([0-9]{1,8}(\\.[0-9]{1,2})?)");
    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s]*[/:;,=]+$");
    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile(".*\\b[A-Z]\\.$");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{3}");

    private MarcMapper() {
    }

    /** Reads a record; rejects one that is damaged (a major error while reading) or has no title (245 $a). */
    public static MarcTitle toTitle(int recordNumber, Record record) {
        String controlNumber = trimToNull(record.getControlNumber());
        if (record.hasErrors()) {
            for (MarcError error : record.getErrors()) {
                if (error.severity >= MarcError.MAJOR_ERROR) {
                    throw new MarcRejected("damaged record: " + error.message.strip());
                }
            }
        }
        char type = record.getLeader().getTypeOfRecord();
        if (BIBLIOGRAPHIC_TYPES.indexOf(type) < 0) {
            throw new MarcRejected("damaged leader: type of record (leader/06) '" + type
                    + "' is not a MARC 21 bibliographic type");
        }
        composeUnicode(record);
        DataField f245 = dataField(record, "245");
        String title = f245 == null ? null : clean(subfield(f245, 'a'));
        if (title == null) {
            throw new MarcRejected(dataField(record, "200") != null
                    ? "no title (245 $a): this looks like a UNIMARC record, not MARC 21" : "no title (245 $a)");
        }
        if (title.length() > 1000) {
            throw new MarcRejected("title (245 $a) longer than 1000 characters");
        }
        List<String> authors = new ArrayList<>();
        for (String tag : List.of("100", "110", "111")) {
            DataField main = dataField(record, tag);
            if (main != null && clean(subfield(main, 'a')) != null) {
                authors.add(clean(subfield(main, 'a')));
            }
        }
        List<Contributor> contributors = new ArrayList<>();
        for (DataField added : dataFields(record, "700", "710")) {
            String name = clean(subfield(added, 'a'));
            if (name != null) {
                String role = clean(subfield(added, 'e'));
                contributors.add(new Contributor(name, role == null ? null : limit(role, 60)));
            }
        }
        Isbns020 from020 = isbns020(record);
        Set<String> isbns = from020.valid();
        Set<String> invalid = from020.invalid();   // warned about in the import's summary
        Set<String> cancelled = from020.cancelled();
        DataField publication = dataField(record, "264") != null ? dataField(record, "264") : dataField(record, "260");
        Integer year = publication == null ? null : year(subfield(publication, 'c'));
        if (year == null) {
            year = yearFrom008(record);
        }
        List<String> subjects = new ArrayList<>();
        for (DataField subject : dataFields(record, "600", "610", "650", "651", "655")) {
            String heading = subject.getSubfields().stream()
                    .filter(s -> "abcdvxyz".indexOf(s.getCode()) >= 0)
                    .map(s -> clean(s.getData())).filter(s -> s != null)
                    .collect(Collectors.joining(" -- "));
            if (!heading.isBlank() && !subjects.contains(heading)) {
                subjects.add(limit(heading, 300));
            }
        }
        DataField series = dataField(record, "490") != null ? dataField(record, "490") : dataField(record, "830");
        DataField dewey = dataField(record, "082");
        DataField localCall = dataField(record, "092") != null ? dataField(record, "092") : dataField(record, "099");
        TitleRequest request = new TitleRequest(
                limit(title, 1000),
                limit(clean(f245 == null ? null : subfield(f245, 'b')), 1000),
                limit(clean(f245 == null ? null : subfield(f245, 'c')), 1000),
                authors.stream().map(a -> limit(a, 300)).toList(),
                contributors.stream().limit(50).toList(),
                isbns.stream().limit(20).toList(),
                limit(clean(subfieldOf(record, "022", 'a')), 20),
                limit(trimToNull(subfieldOf(record, "010", 'a')), 40),
                limit(clean(publication == null ? null : subfield(publication, 'b')), 300),
                year,
                limit(clean(subfieldOf(record, "250", 'a')), 100),
                language(record),
                materialType(record).name(),
                limit(dewey == null ? null : clean(subfield(dewey, 'a')), 40),
                limit(localCall == null ? null : clean(localCall.getSubfieldsAsString("ab")), 100),
                subjects.stream().limit(100).toList(),
                limit(trimToNull(subfieldOf(record, "520", 'a')), 10000),
                limit(clean(subfieldOf(record, "521", 'a')), 40),
                null,
                limit(clean(series == null ? null : subfield(series, 'a')), 300));
        ControlField agency = controlField(record, "003");
        return new MarcTitle(recordNumber, request, controlNumber,
                controlNumber == null || agency == null ? null : trimToNull(agency.getData()), holdings(record), record,
                MarcXml.write(record), cancelled.stream().limit(20).toList(), List.copyOf(invalid));
    }

    /**
     * MARC-8 comes out of marc4j decomposed (a letter, then its combining accent: "e\u0301"), and many UTF-8 records
     * are written decomposed too; the catalog keeps text composed (NFC), as typed on a keyboard, so that "café"
     * typed at a kiosk finds it and labels print one glyph per letter.
     */
    static void composeUnicode(Record record) {
        for (ControlField f : record.getControlFields()) {
            if (f.getData() != null && !Normalizer.isNormalized(f.getData(), Normalizer.Form.NFC)) {
                f.setData(Normalizer.normalize(f.getData(), Normalizer.Form.NFC));
            }
        }
        for (DataField f : record.getDataFields()) {
            for (Subfield s : f.getSubfields()) {
                if (s.getData() != null && !Normalizer.isNormalized(s.getData(), Normalizer.Form.NFC)) {
                    s.setData(Normalizer.normalize(s.getData(), Normalizer.Form.NFC));
                }
            }
        }
    }

    /**
     * The title as a MARC 21 record: the catalog's data in the mapped fields, and everything else of the kept
     * source record (if any), so that notes and local fields come back.
     */
    public static Record toRecord(Title t) {
        Record source = t.marcSource == null ? null : MarcFiles.fromXml(t.marcSource);
        Record record = FACTORY.newRecord();
        Leader leader = source != null ? source.getLeader() : FACTORY.newLeader("00000nam a2200000 a 4500");
        leader.setCharCodingScheme('a');
        leader.setTypeOfRecord(recordType(t.materialType));
        record.setLeader(leader);
        record.addVariableField(FACTORY.newControlField("001", t.controlNumber != null ? t.controlNumber
                : t.id.toString()));
        // 003 names whose number 001 is: the source's agency for its number (so that the file imported again, here or
        // elsewhere, matches), LRMS for a title numbered by its id
        String agency = t.controlNumber != null ? t.controlNumberAgency : "LRMS";
        if (agency != null) {
            record.addVariableField(FACTORY.newControlField("003", agency));
        }
        if (source != null) {
            source.getControlFields().stream().filter(f -> !MAPPED_TAGS.contains(f.getTag()))
                    .forEach(record::addVariableField);
        }
        if (t.lccn != null) {
            record.addVariableField(field("010", ' ', ' ', 'a', t.lccn));
        }
        t.isbns.forEach(isbn -> record.addVariableField(field("020", ' ', ' ', 'a', isbn)));
        // a title imported before V22 kept no cancelled ISBNs of its own: its kept source still has them
        Collection<String> cancelled = !t.cancelledIsbns.isEmpty() || source == null ? t.cancelledIsbns
                : isbns020(source).cancelled();
        cancelled.forEach(isbn -> record.addVariableField(field("020", ' ', ' ', 'z', isbn)));
        if (t.issn != null) {
            record.addVariableField(field("022", ' ', ' ', 'a', t.issn));
        }
        if (t.language != null) {
            record.addVariableField(field("041", '0', ' ', 'a', t.language));
        }
        if (t.deweyNumber != null) {
            record.addVariableField(field("082", '0', '4', 'a', t.deweyNumber));
        }
        if (t.callNumber != null) {
            record.addVariableField(field("092", ' ', ' ', 'a', t.callNumber));
        }
        if (!t.authors.isEmpty()) {
            record.addVariableField(field("100", '1', ' ', 'a', t.authors.get(0)));
        }
        DataField f245 = field("245", t.authors.isEmpty() ? '0' : '1', '0', 'a', t.title);
        if (t.subtitle != null) {
            f245.addSubfield(FACTORY.newSubfield('b', t.subtitle));
        }
        if (t.statementOfResponsibility != null) {
            f245.addSubfield(FACTORY.newSubfield('c', t.statementOfResponsibility));
        }
        record.addVariableField(f245);
        if (t.edition != null) {
            record.addVariableField(field("250", ' ', ' ', 'a', t.edition));
        }
        if (t.publisher != null || t.publicationYear != null) {
            DataField f264 = FACTORY.newDataField("264", ' ', '1');
            if (t.publisher != null) {
                f264.addSubfield(FACTORY.newSubfield('b', t.publisher));
            }
            if (t.publicationYear != null) {
                f264.addSubfield(FACTORY.newSubfield('c', t.publicationYear.toString()));
            }
            record.addVariableField(f264);
        }
        if (t.series != null) {
            record.addVariableField(field("490", '0', ' ', 'a', t.series));
        }
        if (t.summary != null) {
            record.addVariableField(field("520", ' ', ' ', 'a', t.summary));
        }
        if (t.readingLevel != null) {
            record.addVariableField(field("521", ' ', ' ', 'a', t.readingLevel));
        }
        t.subjects.forEach(s -> record.addVariableField(subjectField(s)));
        t.authors.stream().skip(1).forEach(a -> record.addVariableField(field("700", '1', ' ', 'a', a)));
        t.contributors.forEach(c -> {
            DataField f700 = field("700", '1', ' ', 'a', c.name());
            if (c.role() != null) {
                f700.addSubfield(FACTORY.newSubfield('e', c.role()));
            }
            record.addVariableField(f700);
        });
        if (source != null) {
            source.getDataFields().stream().filter(f -> !MAPPED_TAGS.contains(f.getTag()))
                    .forEach(record::addVariableField);
        }
        sortByTag(record);
        return record;
    }

    /**
     * {@code incoming} with the local fields (9XX, except holdings) of {@code previous} that it lacks: they survive a
     * merge. A new record: {@code incoming} itself stays as it was read.
     */
    /**
     * Whether a kept MARCXML source has local fields a merge must carry over (9XX data fields other than 949): a
     * source without any is simply replaced by the incoming record, without reading and writing it again.
     */
    static boolean hasLocalFields(String marcXml) {
        // the pattern needs tag="9 somewhere: most records have no 9XX field, and a substring search is far cheaper
        return marcXml != null && marcXml.contains("tag=\"9") && LOCAL_FIELD.matcher(marcXml).find();
    }

    private static final Pattern LOCAL_FIELD = Pattern.compile("<(?:marc:)?datafield[^>]*tag=\"9(?!49\")\\d\\d\"");

    public static Record mergeLocalFields(Record incoming, Record previous) {
        Set<String> present = incoming.getVariableFields().stream().map(VariableField::getTag)
                .collect(Collectors.toSet());
        Record merged = FACTORY.newRecord(incoming.getLeader());
        incoming.getVariableFields().forEach(merged::addVariableField);
        previous.getDataFields().stream()
                .filter(f -> f.getTag().startsWith("9") && !f.getTag().equals("949") && !present.contains(f.getTag()))
                .forEach(merged::addVariableField);
        sortByTag(merged);
        return merged;
    }

    static MaterialType materialType(Record record) {
        Leader leader = record.getLeader();
        char type = leader.getTypeOfRecord();
        char level = leader.getImplDefined1() == null || leader.getImplDefined1().length < 2 ? 'm'
                : leader.getImplDefined1()[0];
        boolean electronic = record.getControlFields().stream()
                .anyMatch(f -> f.getTag().equals("007") && f.getData() != null && f.getData().startsWith("c"));
        return switch (type) {
            case 'a', 't' -> level == 's' ? MaterialType.PERIODICAL
                    : electronic ? MaterialType.EBOOK : MaterialType.BOOK;
            case 'g' -> MaterialType.DVD;
            case 'i' -> MaterialType.AUDIOBOOK;
            case 'j' -> MaterialType.MUSIC;
            case 'e', 'f' -> MaterialType.MAP;
            case 'm' -> MaterialType.SOFTWARE;
            case 'o', 'p' -> MaterialType.KIT;
            case 'r' -> MaterialType.EQUIPMENT;
            default -> MaterialType.OTHER;
        };
    }

    private static char recordType(String materialType) {
        return switch (MaterialType.parse(materialType).orElse(MaterialType.OTHER)) {
            case DVD, VIDEO -> 'g';
            case AUDIOBOOK -> 'i';
            case MUSIC -> 'j';
            case MAP -> 'e';
            case SOFTWARE -> 'm';
            case KIT -> 'o';
            case EQUIPMENT -> 'r';
            default -> 'a';
        };
    }

    /**
     * Holdings: 852 ($p barcode, $h/$i call number, $c shelving location, $9 price) and 949 ($i barcode,
     * $a call number, $l location, $p price).
     */
    static List<MarcTitle.Holding> holdings(Record record) {
        List<MarcTitle.Holding> holdings = new ArrayList<>();
        for (DataField f : dataFields(record, "852")) {
            String barcode = clean(subfield(f, 'p'));
            if (barcode != null) {
                String call = clean(f.getSubfieldsAsString("hi"));
                holdings.add(new MarcTitle.Holding(barcode, call, clean(subfield(f, 'c')), price(subfield(f, '9'))));
            }
        }
        for (DataField f : dataFields(record, "949")) {
            String barcode = clean(subfield(f, 'i'));
            if (barcode != null) {
                holdings.add(new MarcTitle.Holding(barcode, clean(subfield(f, 'a')), clean(subfield(f, 'l')),
                        price(subfield(f, 'p'))));
            }
        }
        return holdings;
    }

    private static String language(Record record) {
        ControlField f008 = controlField(record, "008");
        if (f008 != null && f008.getData() != null && f008.getData().length() >= 38) {
            String code = f008.getData().substring(35, 38).strip().toLowerCase(Locale.ROOT);
            if (LANGUAGE_CODE.matcher(code).matches()) {
                return code;
            }
        }
        String code = clean(subfieldOf(record, "041", 'a'));
        return code != null && code.length() == 3 ? code.toLowerCase(Locale.ROOT) : null;
    }

    private static Integer yearFrom008(Record record) {
        ControlField f008 = controlField(record, "008");
        if (f008 == null || f008.getData() == null || f008.getData().length() < 11) {
            return null;
        }
        return year(f008.getData().substring(7, 11));
    }

    static Integer year(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = YEAR.matcher(text);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static BigDecimal price(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PRICE.matcher(text.replace(",", ""));
        return m.find() ? new BigDecimal(m.group(1)) : null;
    }

    private static DataField subjectField(String heading) {
        String[] parts = heading.split(" -- ");
        DataField f = FACTORY.newDataField("650", ' ', '0');
        f.addSubfield(FACTORY.newSubfield('a', parts[0]));
        for (int i = 1; i < parts.length; i++) {
            f.addSubfield(FACTORY.newSubfield('x', parts[i]));
        }
        return f;
    }

    private static DataField field(String tag, char ind1, char ind2, char code, String value) {
        DataField f = FACTORY.newDataField(tag, ind1, ind2);
        f.addSubfield(FACTORY.newSubfield(code, value));
        return f;
    }

    private static void sortByTag(Record record) {
        List<VariableField> fields = new ArrayList<>(record.getVariableFields());
        fields.forEach(record::removeVariableField);
        fields.sort((a, b) -> a.getTag().compareTo(b.getTag()));
        fields.forEach(record::addVariableField);
    }

    // The look-ups below walk the record's own lists: marc4j's getVariableField(tag) and getVariableFields(tags) first
    // write the leader out as a field, with a DecimalFormat, on every call (a sixth of an import's reading thread).

    private static DataField dataField(Record record, String tag) {
        for (DataField f : record.getDataFields()) {
            if (f.getTag().equals(tag)) {
                return f;
            }
        }
        return null;
    }

    /** The record's data fields with one of these tags, in the record's order. */
    private static List<DataField> dataFields(Record record, String... tags) {
        List<String> wanted = Arrays.asList(tags);
        List<DataField> found = new ArrayList<>(2);
        for (DataField f : record.getDataFields()) {
            if (wanted.contains(f.getTag())) {
                found.add(f);
            }
        }
        return found;
    }

    private static ControlField controlField(Record record, String tag) {
        for (ControlField f : record.getControlFields()) {
            if (f.getTag().equals(tag)) {
                return f;
            }
        }
        return null;
    }

    private static String subfield(DataField field, char code) {
        Subfield s = field.getSubfield(code);
        return s == null ? null : s.getData();
    }

    private static String subfieldOf(Record record, String tag, char code) {
        DataField f = dataField(record, tag);
        return f == null ? null : subfield(f, code);
    }

    /**
     * The ISBNs of the record's 020s, read once: {@code valid} (020 $a), {@code invalid} (each 020 $a that is no valid
     * ISBN: a wrong check digit, a typo) and {@code cancelled}, where MARC puts cancelled/invalid ISBNs (020 $z), the
     * invalid $a values after them: kept rather than dropped, so that they are exported again.
     */
    record Isbns020(Set<String> valid, Set<String> invalid, Set<String> cancelled) {
    }

    static Isbns020 isbns020(Record record) {
        Set<String> valid = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        Set<String> cancelled = new LinkedHashSet<>();
        for (DataField f020 : dataFields(record, "020")) {
            for (Subfield s : f020.getSubfields()) {
                String part = s.getCode() == 'a' || s.getCode() == 'z' ? isbnPart(s.getData()) : null;
                if (s.getCode() == 'a') {
                    Optional<String> isbn = Isbn.fromMarc(s.getData());
                    if (isbn.isPresent()) {
                        valid.add(isbn.get());
                    } else if (part != null) {
                        invalid.add(part);
                    }
                } else if (s.getCode() == 'z' && part != null) {
                    cancelled.add(part);
                }
            }
        }
        cancelled.addAll(invalid);
        return new Isbns020(valid, invalid, cancelled);
    }

    /**
     * The number part of an 020 $a or $z ("0786808773 (lib. bdg.)" → "0786808773", qualifiers dropped as
     * {@link Isbn#fromMarc} drops them), at most 40 characters; nothing when the subfield is empty.
     */
    static String isbnPart(String subfield) {
        String part = subfield == null ? null : trimToNull(subfield.strip().split("[\\s(:;]", 2)[0]);
        return part == null ? null : limit(part, 40);
    }

    /** Drops ISBD punctuation that MARC puts at the end of subfields ("Holes /", "New York :"). */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String v = TRAILING_PUNCTUATION.matcher(value.strip()).replaceAll("").strip();
        if (v.endsWith(".") && !v.endsWith("...") && !ENDS_WITH_INITIAL.matcher(v).matches()) {
            v = v.substring(0, v.length() - 1).strip();
        }
        return v.isEmpty() ? null : v;
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String limit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
