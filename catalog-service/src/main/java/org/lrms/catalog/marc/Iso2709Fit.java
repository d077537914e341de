package org.lrms.catalog.marc;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A record made to fit ISO 2709, whose directory gives a field at most 9,999 bytes and a record at most 99,999: a
 * repeatable field that is longer (a 10,000-character summary in 520, a long contents note from a MARCXML import) is
 * split into several occurrences of the field, each within the limit, at spaces where it can; the text is all there,
 * in order. A non-repeatable field that is too long, or a record still too long, cannot be ISO 2709 at all:
 * {@link #tooLong} says why (MARCXML has no such limits).
 */
final class Iso2709Fit {

    static final int MAX_FIELD_BYTES = 9_999;
    static final int MAX_RECORD_BYTES = 99_999;

    /** Fields MARC 21 defines as not repeatable (NR) among those a school catalog may carry long. */
    private static final Set<String> NOT_REPEATABLE = Set.of("010", "018", "040", "042", "043", "044", "045", "066",
            "100", "110", "111", "130", "240", "243", "245", "250", "254", "256", "263", "306", "384", "507", "514",
            "841", "842", "844");

    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    /** Indicators (2) and the field terminator (1). */
    private static final int FIELD_OVERHEAD = 3;
    /** The delimiter and the code before each subfield's data. */
    private static final int SUBFIELD_OVERHEAD = 2;

    private Iso2709Fit() {
    }

    /** The record with its too-long repeatable fields split; the record itself is left as it was. */
    static Record split(Record record) {
        boolean fits = record.getDataFields().stream().allMatch(f -> bytes(f) <= MAX_FIELD_BYTES);
        if (fits) {
            return record;
        }
        Record fitted = FACTORY.newRecord(record.getLeader());
        for (VariableField field : record.getVariableFields()) {
            if (field instanceof DataField data && bytes(data) > MAX_FIELD_BYTES
                    && !NOT_REPEATABLE.contains(data.getTag())) {
                occurrences(data).forEach(fitted::addVariableField);
            } else {
                fitted.addVariableField(field);
            }
        }
        return fitted;
    }

    /** Why the (split) record cannot be written as ISO 2709, or nothing when it can. */
    static Optional<String> tooLong(Record record) {
        int length = 24 + 1 + 1; // leader, directory terminator, record terminator
        for (VariableField field : record.getVariableFields()) {
            int bytes = field instanceof DataField data ? bytes(data)
                    : utf8(((org.marc4j.marc.ControlField) field).getData()) + 1;
            if (bytes > MAX_FIELD_BYTES) {
                return Optional.of("field " + field.getTag() + " is " + bytes + " bytes long, more than ISO 2709's "
                        + MAX_FIELD_BYTES + " for a field, and it is not repeatable, so it cannot be split");
            }
            length += 12 + bytes;
        }
        if (length > MAX_RECORD_BYTES) {
            return Optional.of("the record is " + length + " bytes long, more than ISO 2709's " + MAX_RECORD_BYTES);
        }
        return Optional.empty();
    }

    private static List<DataField> occurrences(DataField field) {
        List<DataField> occurrences = new ArrayList<>();
        DataField current = FACTORY.newDataField(field.getTag(), field.getIndicator1(), field.getIndicator2());
        int used = FIELD_OVERHEAD;
        for (Subfield subfield : field.getSubfields()) {
            String rest = subfield.getData() == null ? "" : subfield.getData();
            while (true) {
                int room = MAX_FIELD_BYTES - used - SUBFIELD_OVERHEAD;
                if (utf8(rest) <= room) {
                    current.addSubfield(FACTORY.newSubfield(subfield.getCode(), rest));
                    used += SUBFIELD_OVERHEAD + utf8(rest);
                    break;
                }
                int cut = cut(rest, room);
                if (cut > 0) {
                    current.addSubfield(FACTORY.newSubfield(subfield.getCode(), rest.substring(0, cut).stripTrailing()));
                    rest = rest.substring(cut).stripLeading();
                }
                occurrences.add(current);
                current = FACTORY.newDataField(field.getTag(), field.getIndicator1(), field.getIndicator2());
                used = FIELD_OVERHEAD;
            }
        }
        if (!current.getSubfields().isEmpty()) {
            occurrences.add(current);
        }
        return occurrences;
    }

    /**
     * Where to cut {@code text} so that its start takes at most {@code room} bytes: after the last space that fits,
     * or (one long word) after the last whole character; 0 when hardly anything fits (start a new occurrence).
     */
    private static int cut(String text, int room) {
        if (room < 200) {
            return 0;
        }
        int bytes = 0;
        int end = 0;
        int lastSpace = -1;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8(new String(Character.toChars(codePoint)));
            if (bytes + size > room) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint)) {
                lastSpace = end;
            }
        }
        return lastSpace > end / 2 ? lastSpace : end;
    }

    private static int bytes(DataField field) {
        int bytes = FIELD_OVERHEAD;
        for (Subfield subfield : field.getSubfields()) {
            bytes += SUBFIELD_OVERHEAD + utf8(subfield.getData());
        }
        return bytes;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}
