package org.lrms.circulation.roster;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        List<Seat> seats = new ArrayList<>();
        try (CSVParser parser = OneRosterImport.parser(enrollmentsCsv)) {
            for (CSVRecord r : parser) {
                Integer classIndex = r.isConsistent() ? index.get(value(r, "classSourcedId")) : null;
                String user = value(r, "userSourcedId");
                if (classIndex == null || user.isEmpty() || value(r, "sourcedId").isEmpty() || !active(r)
                        || !"student".equals(value(r, "role").toLowerCase(Locale.ROOT))) {
                    continue;
                }
                try {
                    String begin = value(r, "beginDate");
                    if (!value(r, "endDate").isEmpty()) {
                        LocalDate.parse(value(r, "endDate"));
                    }
                    seats.add(new Seat(hash(user), begin.isEmpty() ? Integer.MIN_VALUE
                            : (int) LocalDate.parse(begin).toEpochDay(), classIndex));
                } catch (RuntimeException notADate) {
                    // the import reports the row and stores no enrollment for it
                }
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        seats.sort(Comparator.comparingLong(Seat::user)
                .thenComparing(Comparator.comparingInt(Seat::beginDay).reversed())
                .thenComparing(s -> classes.get(s.classIndex()).classSourcedId()));
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

    private static boolean active(CSVRecord r) {
        String status = value(r, "status");
        return status.isEmpty() || "active".equals(status.toLowerCase(Locale.ROOT));
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    /** 64-bit FNV-1a of the UTF-8 bytes. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
