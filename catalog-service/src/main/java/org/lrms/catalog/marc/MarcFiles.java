package org.lrms.catalog.marc;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamWriter;
import org.marc4j.MarcWriter;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** Reading and writing MARC 21 with marc4j: ISO 2709 (MARC-8 or UTF-8, read as Unicode) and MARCXML. */
public final class MarcFiles {

    public enum Format {
        ISO2709("application/marc"), MARCXML("application/marcxml+xml");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private MarcFiles() {
    }

    /**
     * A streaming reader. ISO 2709 is read permissively (damaged records come with errors attached, so that one bad
     * record does not stop the file) and MARC-8 is converted to Unicode. MARCXML is read with the parser of kept
     * sources ({@link MarcXml#reader}), which refuses DOCTYPEs: no entity of the file is expanded, nothing external read.
     */
    public static MarcReader reader(InputStream in, Format format) {
        return format == Format.MARCXML ? MarcXml.reader(in) : new MarcPermissiveStreamReader(in, true, true);
    }

    public static MarcWriter writer(OutputStream out, Format format) {
        if (format == Format.MARCXML) {
            return new MarcXmlWriter(out, "UTF-8", true);
        }
        return new MarcStreamWriter(out, "UTF-8");
    }

    public static byte[] write(List<Record> records, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcWriter writer = writer(out, format);
        records.forEach(writer::write);
        writer.close();
        return out.toByteArray();
    }

    /** One record as MARCXML text (a title's kept source). */
    static String toXml(Record record) {
        return MarcXml.write(record);
    }

    /** The record of a kept MARCXML source. */
    static Record fromXml(String xml) {
        return MarcXml.read(xml);
    }
}
