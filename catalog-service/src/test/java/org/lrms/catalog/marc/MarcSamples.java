package org.lrms.catalog.marc;

import org.marc4j.MarcStreamWriter;
import org.marc4j.converter.impl.UnicodeToAnsel;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** MARC records built in the test, so that core tests do not depend on files. */
final class MarcSamples {

    static final MarcFactory FACTORY = MarcFactory.newInstance();

    private MarcSamples() {
    }

    static Record book(String controlNumber, String isbn, String title, String author, String year) {
        Record r = FACTORY.newRecord("00000nam a2200000 a 4500");
        r.addVariableField(FACTORY.newControlField("001", controlNumber));
        r.addVariableField(FACTORY.newControlField("008", "990101s" + year + "    nyu    j      000 1 eng d"));
        if (isbn != null) {
            r.addVariableField(field("020", ' ', ' ', 'a', isbn + " (pbk.) :"));
        }
        if (author != null) {
            r.addVariableField(field("100", '1', ' ', 'a', author + ","));
        }
        DataField f245 = field("245", '1', '0', 'a', title + " /");
        f245.addSubfield(FACTORY.newSubfield('c', "by " + author + "."));
        r.addVariableField(f245);
        DataField f260 = field("260", ' ', ' ', 'a', "New York :");
        f260.addSubfield(FACTORY.newSubfield('b', "Yearling,"));
        f260.addSubfield(FACTORY.newSubfield('c', "c" + year + "."));
        r.addVariableField(f260);
        r.addVariableField(field("082", '0', '4', 'a', "[Fic]"));
        DataField subject = field("650", ' ', '0', 'a', "Friendship");
        subject.addSubfield(FACTORY.newSubfield('v', "Fiction."));
        r.addVariableField(subject);
        r.addVariableField(field("590", ' ', ' ', 'a', "Local note: gift of the PTA."));
        return r;
    }

    static Record withHolding(Record r, String barcode) {
        DataField f852 = field("852", '8', ' ', 'b', "LHS");
        f852.addSubfield(FACTORY.newSubfield('c', "Fiction"));
        f852.addSubfield(FACTORY.newSubfield('h', "FIC SAC"));
        f852.addSubfield(FACTORY.newSubfield('p', barcode));
        f852.addSubfield(FACTORY.newSubfield('9', "$12.99"));
        r.addVariableField(f852);
        return r;
    }

    /** A 949 holding (the local holdings field many vendors send): $i barcode, $a call number, $l location, $p price. */
    static Record with949(Record r, String barcode, String callNumber, String location, String price) {
        DataField f949 = field("949", ' ', ' ', 'a', callNumber);
        f949.addSubfield(FACTORY.newSubfield('i', barcode));
        f949.addSubfield(FACTORY.newSubfield('l', location));
        f949.addSubfield(FACTORY.newSubfield('p', price));
        r.addVariableField(f949);
        return r;
    }

    /** ISO 2709 in MARC-8 (leader/09 blank), as older systems export: marc4j converts the Unicode text to ANSEL. */
    static byte[] marc8(List<Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcStreamWriter writer = new MarcStreamWriter(out);
        writer.setConverter(new UnicodeToAnsel());
        for (Record r : records) {
            r.getLeader().setCharCodingScheme(' ');
            writer.write(r);
        }
        writer.close();
        return out.toByteArray();
    }

    static Record withoutTitle(String controlNumber) {
        Record r = FACTORY.newRecord("00000nam a2200000 a 4500");
        r.addVariableField(FACTORY.newControlField("001", controlNumber));
        r.addVariableField(field("100", '1', ' ', 'a', "Nobody"));
        return r;
    }

    static DataField field(String tag, char ind1, char ind2, char code, String value) {
        DataField f = FACTORY.newDataField(tag, ind1, ind2);
        f.addSubfield(FACTORY.newSubfield(code, value));
        return f;
    }
}
