package org.lrms.circulation.roster;

import java.util.Locale;
import java.util.Optional;

/** How OneRoster values become LRMS values. Plain functions, unit-tested. */
public final class RosterMapping {

    private RosterMapping() {
    }

    /** OneRoster 1.1 user roles to patron types; empty for a role the standard does not know. */
    public static Optional<String> patronType(String role) {
        if (role == null) {
            return Optional.empty();
        }
        return switch (role.strip().toLowerCase(Locale.ROOT)) {
            case "student" -> Optional.of("STUDENT");
            case "teacher" -> Optional.of("TEACHER");
            case "aide", "administrator", "proctor" -> Optional.of("STAFF");
            case "parent", "guardian", "relative" -> Optional.of("GUARDIAN");
            default -> Optional.empty();
        };
    }

    /** The kind of school, guessed from its name (OneRoster only says "school"). */
    public static String siteType(String orgType, String name) {
        if ("district".equalsIgnoreCase(orgType)) {
            return "DISTRICT";
        }
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.contains("high")) {
            return "HIGH";
        }
        if (n.contains("middle") || n.contains("junior")) {
            return "MIDDLE";
        }
        if (n.contains("elementary") || n.contains("primary")) {
            return "ELEMENTARY";
        }
        return "OTHER";
    }

    /** "09" and "9" are the same grade; "KG" stays "KG". */
    public static String grade(String grades) {
        if (grades == null || grades.isBlank()) {
            return null;
        }
        String first = grades.split(",")[0].strip();
        return first.matches("0+\\d+") ? first.replaceFirst("^0+", "") : first;
    }
}
