package org.lrms.catalog.marc;

import org.marc4j.MarcException;
import org.marc4j.MarcReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.MarcFactory;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.io.StringReader;
import java.util.NoSuchElementException;

/**
 * One record as MARCXML text, for the kept source of a title: written and read in a few microseconds.
 * <p>
 * marc4j's {@code MarcXmlWriter} builds a JAXP transformer per document and its {@code MarcXmlReader} starts a parser
 * thread per document: right for a file, about a millisecond per record for the one-record documents a title keeps.
 * This writes the same MARCXML (the MARC 21 slim schema, without indentation) with a string builder and reads it with
 * StAX, so sources written by either read back alike.
 */
final class MarcXml {

    static final String NAMESPACE = "http://www.loc.gov/MARC21/slim";
    private static final MarcFactory FACTORY = MarcFactory.newInstance();
    private static final XMLInputFactory INPUT = inputFactory();

    private MarcXml() {
    }

    static String write(Record record) {
        StringBuilder xml = new StringBuilder(2048);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><collection xmlns=\"").append(NAMESPACE)
                .append("\"><record><leader>");
        text(xml, record.getLeader().toString());
        xml.append("</leader>");
        for (ControlField f : record.getControlFields()) {
            xml.append("<controlfield tag=\"");
            text(xml, f.getTag());
            xml.append("\">");
            text(xml, f.getData());
            xml.append("</controlfield>");
        }
        for (DataField f : record.getDataFields()) {
            xml.append("<datafield tag=\"");
            text(xml, f.getTag());
            xml.append("\" ind1=\"");
            text(xml, String.valueOf(f.getIndicator1()));
            xml.append("\" ind2=\"");
            text(xml, String.valueOf(f.getIndicator2()));
            xml.append("\">");
            for (Subfield s : f.getSubfields()) {
                xml.append("<subfield code=\"");
                text(xml, String.valueOf(s.getCode()));
                xml.append("\">");
                text(xml, s.getData());
                xml.append("</subfield>");
            }
            xml.append("</datafield>");
        }
        return xml.append("</record></collection>").toString();
    }

    /** The first record of a MARCXML document (a {@code collection} or a lone {@code record}, any namespace prefix). */
    static Record read(String xml) {
        try {
            XMLStreamReader in = INPUT.createXMLStreamReader(new StringReader(xml));
            try {
                Record record = nextRecord(in);
                if (record == null) {
                    throw new IllegalArgumentException("not MARCXML: no record element");
                }
                return record;
            } finally {
                in.close();
            }
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("not MARCXML: " + e.getMessage(), e);
        }
    }

    /**
     * A MARCXML file read record by record (constant memory), with the parser that reads kept sources: a file that
     * declares a DOCTYPE is refused where the declaration stands, so no entity it defines is ever expanded and no
     * external DTD or entity (a local file, a URL) is ever read. marc4j's {@code MarcXmlReader} used a default SAX
     * parser, which expands them into the record.
     */
    static MarcReader reader(InputStream file) {
        XMLStreamReader in;
        try {
            in = INPUT.createXMLStreamReader(file);
        } catch (XMLStreamException e) {
            throw new MarcException("not MARCXML: " + e.getMessage(), e);
        }
        return new MarcReader() {
            private Record ahead;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (ahead == null && !ended) {
                    try {
                        ahead = nextRecord(in);
                    } catch (XMLStreamException | IllegalArgumentException e) {
                        ended = true;
                        throw new MarcException("not MARCXML: " + e.getMessage(), e);
                    }
                    ended = ahead == null;
                }
                return ahead != null;
            }

            @Override
            public Record next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Record record = ahead;
                ahead = null;
                return record;
            }
        };
    }

    /** The next record of the document, or null at its end. */
    private static Record nextRecord(XMLStreamReader in) throws XMLStreamException {
        Record record = null;
        DataField field = null;
        while (in.hasNext()) {
            int event = in.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IllegalArgumentException("a DOCTYPE declaration is not allowed (DTDs and entities are"
                        + " never read)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new IllegalArgumentException("entity &" + in.getLocalName() + "; is not allowed");
            }
            if (event == XMLStreamConstants.END_ELEMENT && "record".equals(in.getLocalName()) && record != null) {
                return record;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (in.getLocalName()) {
                case "record" -> record = FACTORY.newRecord();
                case "leader" -> {
                    if (record != null) {
                        record.setLeader(FACTORY.newLeader(in.getElementText()));
                    }
                }
                case "controlfield" -> {
                    if (record != null) {
                        String tag = in.getAttributeValue(null, "tag");
                        record.addVariableField(FACTORY.newControlField(tag, in.getElementText()));
                    }
                }
                case "datafield" -> {
                    if (record != null) {
                        field = FACTORY.newDataField(in.getAttributeValue(null, "tag"),
                                indicator(in.getAttributeValue(null, "ind1")),
                                indicator(in.getAttributeValue(null, "ind2")));
                        record.addVariableField(field);
                    }
                }
                case "subfield" -> {
                    if (field != null) {
                        String code = in.getAttributeValue(null, "code");
                        field.addSubfield(FACTORY.newSubfield(code == null || code.isEmpty() ? ' ' : code.charAt(0),
                                in.getElementText()));
                    }
                }
                default -> {
                }
            }
        }
        if (record != null) {
            throw new IllegalArgumentException("the last record is not closed");
        }
        return null;
    }

    private static char indicator(String value) {
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    /**
     * Escapes XML's special characters and leaves out the few characters XML 1.0 cannot hold at all (C0 controls
     * other than tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF).
     */
    private static void text(StringBuilder xml, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                default -> {
                    if (c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r'
                            || c > 0xDFFF && c < 0xFFFE) {
                        xml.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        xml.append(c).append(value.charAt(++i));
                    }
                }
            }
        }
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // a kept source is data, never a reason to read other files
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external entity or DTD not read: " + systemId);
        });
        return factory;
    }
}
