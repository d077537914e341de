package org.lrms.circulation.roster;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The homeroom each student of an export's enrollments.csv sits in, read from the files before the users are, so
 * that a patron the import creates is announced with its homeroom ({@code PatronCreated}) instead of being created
 * without one and announced a second time by the derivation ({@link Homerooms}). Only a hint: the derivation in
 * SQL, over what the import actually stored, decides, and corrects (and announces) any hint that was wrong.
 * <p>
 * It chooses as the derivation does: the active student enrollments in active {@code homeroom} classes, the latest
 * {@code beginDate} first (none: last), then the class sourcedId. A district's 600,000 students take two arrays
 * (64-bit hashes of their sourcedIds and a class index, about 7 MB), not a map of strings: a hash that two users
 * share would only give one of them a wrong hint.
 */
final class HomeroomHints {

    /** The homeroom class a student sits in, and its title (the patron's homeroom). */
    record Hint(String classSourcedId, String title) {
    }

    static final HomeroomHints NONE = new HomeroomHints(new long[0], new int[0], List.of());

    private final long[] users;
    private final int[] classOf;
    private final List<Hint> classes;

    private HomeroomHints(long[] users, int[] classOf, List<Hint> classes) {
        this.users = users;
        this.classOf = classOf;
        this.classes = classes;
    }

    Optional<Hint> of(String userSourcedId) {
        int i = Arrays.binarySearch(users, hash(userSourcedId));
        return i < 0 ? Optional.empty() : Optional.of(classes.get(classOf[i]));
    }

    int size() {
        return users.length;
    }

    private record Seat(long user, int beginDay, int classIndex) {
    }

    static HomeroomHints read(byte[] classesCsv, byte[] enrollmentsCsv) {
        Map<String, Integer> index = new HashMap<>();
        List<Hint> classes = new ArrayList<>();
        try (CSVParser parser = OneRosterImport.parser(classesCsv)) {
            for (CSVRecord r : parser) {
                String id = value(r, "sourcedId");
                if (r.isConsistent() && !id.isEmpty() && !value(r, "title").isEmpty()
                        && !value(r, "schoolSourcedId").isEmpty() && active(r)
                        && "homeroom".equals(value(r, "classType").toLowerCase(Locale.ROOT))) {
                    Integer known = index.get(id);
                    Hint hint = new Hint(id, value(r, "title"));
                    if (known == null) {
                        index.put(id, classes.size());
                        classes.add(hint);
                    } else {
                        classes.set(known, hint); // the upsert keeps the last row of a sourcedId
                    }
                }
            }
            if (classes.isEmpty()) {
                return NONE;
            }
        } catch (IOException | RuntimeException e) {
            return NONE; // the import reports what is wrong with the file; without hints nothing is lost
        }
        List<Seat> seats;
        try {
            seats = seats(enrollmentsCsv, index);
        } catch (RuntimeException e) {
            seats = null;
        }
        if (seats == null) {
            return NONE;
        }
        seats.sort((a, b) -> a.user() != b.user() ? Long.compare(a.user(), b.user())
                : a.beginDay() != b.beginDay() ? Integer.compare(b.beginDay(), a.beginDay())
                : classes.get(a.classIndex()).classSourcedId().compareTo(classes.get(b.classIndex()).classSourcedId()));
        long[] users = new long[seats.size()];
        int[] classOf = new int[seats.size()];
        int n = 0;
        for (Seat seat : seats) {
            if (n > 0 && users[n - 1] == seat.user()) {
                continue; // the first seat of a user is the one the derivation chooses
            }
            users[n] = seat.user();
            classOf[n] = seat.classIndex();
            n++;
        }
        return new HomeroomHints(Arrays.copyOf(users, n), Arrays.copyOf(classOf, n), List.copyOf(classes));
    }

    /**
     * The students' seats in homeroom classes, read straight from the bytes: a district's enrollments.csv is 600,000
     * rows, and a CSV parser's records took as long as the rest of the hints together. A line with a quote (no
     * export quotes these columns) or with another number of fields than the header is left out: its user gets no
     * hint, and the derivation announces its homeroom instead. Null: no usable header.
     */
    private static List<Seat> seats(byte[] csv, Map<String, Integer> classIndex) {
        int end = lineEnd(csv, 0);
        List<String> header = new ArrayList<>();
        int[] fields = new int[64];
        int count = split(csv, 0, end, fields);
        for (int f = 0; f < count && f < 32; f++) {
            header.add(text(csv, fields[2 * f], fields[2 * f + 1]));
        }
        int classColumn = header.indexOf("classSourcedId");
        int userColumn = header.indexOf("userSourcedId");
        int roleColumn = header.indexOf("role");
        int statusColumn = header.indexOf("status");
        int idColumn = header.indexOf("sourcedId");
        int beginColumn = header.indexOf("beginDate");
        if (count < 1 || count > 32 || classColumn < 0 || userColumn < 0 || roleColumn < 0 || idColumn < 0) {
            return null;
        }
        List<Seat> seats = new ArrayList<>();
        for (int start = next(csv, end); start < csv.length; start = next(csv, end)) {
            end = lineEnd(csv, start);
            if (split(csv, start, end, fields) != header.size()
                    || !equalsIgnoreCase(csv, fields, roleColumn, "student")
                    || !(statusColumn < 0 || fields[2 * statusColumn] == fields[2 * statusColumn + 1]
                    || equalsIgnoreCase(csv, fields, statusColumn, "active"))
                    || fields[2 * idColumn] == fields[2 * idColumn + 1]
                    || fields[2 * userColumn] == fields[2 * userColumn + 1]) {
                continue;
            }
            Integer homeroom = classIndex.get(text(csv, fields[2 * classColumn], fields[2 * classColumn + 1]));
            int begin = beginColumn < 0 ? NO_DATE
                    : day(text(csv, fields[2 * beginColumn], fields[2 * beginColumn + 1]));
            if (homeroom != null && begin != NOT_A_DATE) { // the import reports a bad date and stores nothing
                seats.add(new Seat(hash(text(csv, fields[2 * userColumn], fields[2 * userColumn + 1])), begin,
                        homeroom));
            }
        }
        return seats;
    }

    private static int lineEnd(byte[] csv, int start) {
        int i = start;
        while (i < csv.length && csv[i] != '\n') {
            i++;
        }
        return i;
    }

    private static int next(byte[] csv, int lineEnd) {
        return Math.min(csv.length, lineEnd + 1);
    }

    /**
     * The fields of the line {@code [start, end)} as trimmed {@code [from, to)} pairs in {@code fields}; answers how
     * many there are, or -1 for a line with a quote or more fields than {@code fields} holds.
     */
    private static int split(byte[] csv, int start, int end, int[] fields) {
        int count = 0;
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i < end && csv[i] == '"') {
                return -1;
            }
            if (i == end || csv[i] == ',') {
                if (2 * count + 1 >= fields.length) {
                    return -1;
                }
                int a = from;
                int b = i;
                while (a < b && (csv[a] & 0xff) <= ' ') {
                    a++;
                }
                while (b > a && (csv[b - 1] & 0xff) <= ' ') {
                    b--; // also the \r of a CRLF line
                }
                fields[2 * count] = a;
                fields[2 * count + 1] = b;
                count++;
                from = i + 1;
            }
        }
        return count;
    }

    private static boolean equalsIgnoreCase(byte[] csv, int[] fields, int column, String word) {
        int from = fields[2 * column];
        if (fields[2 * column + 1] - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase((char) csv[from + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] csv, int from, int to) {
        return new String(csv, from, to - from, StandardCharsets.UTF_8);
    }

    private static final int NO_DATE = Integer.MIN_VALUE;
    private static final int NOT_A_DATE = Integer.MIN_VALUE + 1;

    /** yyyy-mm-dd as yyyymmdd (ordered as the dates are); none: {@link #NO_DATE}. */
    static int day(String date) {
        if (date.isEmpty()) {
            return NO_DATE;
        }
        if (date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return NOT_A_DATE;
        }
        int value = 0;
        for (int i = 0; i < 10; i++) {
            char c = date.charAt(i);
            if (i == 4 || i == 7) {
                continue;
            }
            if (c < '0' || c > '9') {
                return NOT_A_DATE;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean active(CSVRecord r) {
        String status = value(r, "status");
        return status.isEmpty() || "active".equals(status.toLowerCase(Locale.ROOT));
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    /** 64-bit FNV-1a of the UTF-16 chars (no copy of the string). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
