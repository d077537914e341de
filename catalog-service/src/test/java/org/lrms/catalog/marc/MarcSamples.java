package org.lrms.catalog.marc;

import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;

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
