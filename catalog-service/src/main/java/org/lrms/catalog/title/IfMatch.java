package org.lrms.catalog.title;

import org.lrms.kit.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} header against a title's version (its {@code ETag} is the version, quoted: {@code "3"}).
 * Absent: no condition. {@code *}: any version. Otherwise one of the listed entity tags, compared strongly (RFC 9110
 * 13.1.1): a weak tag ({@code W/"3"}) matches nothing.
 */
public record IfMatch(boolean any, List<String> tags) {

    public static final IfMatch NONE = new IfMatch(true, List.of());

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The header's value; a value that is not a list of quoted entity tags is a 400 naming the header. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return NONE;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of("*"));
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (opaque.length() < 2 || !opaque.startsWith("\"") || !opaque.endsWith("\"")
                    || opaque.substring(1, opaque.length() - 1).contains("\"")) {
                throw ProblemException.badRequest("If-Match",
                        "entity tags in double quotes as the title's ETag gives them, e.g. \"3\", or *");
            }
            tags.add(tag);
        }
        return new IfMatch(false, List.copyOf(tags));
    }

    public boolean matches(int version) {
        return any || tags.contains(etag(version));
    }

    @Override
    public String toString() {
        return String.join(", ", tags);
    }
}
