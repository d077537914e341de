package org.lrms.circulation.roster;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;
import org.lrms.circulation.patron.Patron;
import org.lrms.circulation.patron.PatronService;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.events.Topics;
import org.lrms.events.circulation.PatronCreated;
import org.lrms.events.circulation.PatronDeactivated;
import org.lrms.events.circulation.PatronUpdated;
import org.lrms.events.circulation.RosterClassUpserted;
import org.lrms.events.circulation.RosterEnrollmentUpserted;
import org.lrms.kit.outbox.Outbox;
import org.lrms.kit.security.Roles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports a OneRoster 1.1 CSV export: orgs to sites, users to patrons, classes and enrollments to the roster. Rows
 * are applied in batches, each its own transaction, so good rows stay applied while bad rows are reported with file,
 * line and reason; progress is written after every batch. One import runs at a time, in the background.
 * <p>
 * The worker is in memory: an import still RUNNING when its service stopped would stay so. While an import is queued
 * or runs, its instance holds a session advisory lock on the import's id (a connection of its own; PostgreSQL lets it
 * go when the instance dies), and at start every instance marks FAILED the RUNNING imports nobody holds
 * ({@link #failInterrupted}), so staff see that they must upload the export again.
 */
@ApplicationScoped
public class OneRosterImport {

    private static final Logger LOG = Logger.getLogger(OneRosterImport.class);
    private static final int BATCH = 500;
    private static final int MAX_STORED_ERRORS = 10_000;

    @Inject
    EntityManager em;

    @Inject
    SiteService sites;

    @Inject
    PatronService patrons;

    @Inject
    Outbox outbox;

    @Inject
    RosterRows rosterRows;

    @Inject
    Homerooms homerooms;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "oneroster-import");
        t.setDaemon(true);
        return t;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Checks the archive, records the import and starts it; answers the import's id at once. */
    public UUID start(byte[] zip, String user) {
        OneRosterArchive archive = OneRosterArchive.read(zip);
        Map<String, String> manifest = manifest(archive);
        boolean bulk = archive.file("users.csv").isPresent() && archive.isBulk("users.csv", manifest);
        boolean bulkClasses = archive.file("classes.csv").isPresent() && archive.isBulk("classes.csv", manifest);
        boolean bulkEnrollments = archive.file("enrollments.csv").isPresent()
                && archive.isBulk("enrollments.csv", manifest);
        UUID id = UUID.randomUUID();
        Connection held = holdLock(id); // before the row exists: no instance starting meanwhile takes it for dead
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "INSERT INTO roster_import (id, status, bulk, started_at, started_by, phase) "
                                    + "VALUES (?1, 'RUNNING', ?2, ?3, ?4, 'queued')")
                    .setParameter(1, id).setParameter(2, bulk).setParameter(3, Instant.now()).setParameter(4, user)
                    .executeUpdate());
            worker.submit(() -> {
                try {
                    run(id, archive, bulk, bulkClasses, bulkEnrollments);
                } finally {
                    release(held);
                }
            });
        } catch (RuntimeException e) {
            release(held);
            throw e;
        }
        return id;
    }

    /** The advisory lock key of an import: 64 bits of its id (a clash with another key is as unlikely as of ids). */
    static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    /** A connection of its own, outside any transaction, holding the import's advisory lock until released. */
    private Connection holdLock(UUID id) {
        try {
            Connection connection = dataSource.getConnection();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockKey(id));
                lock.execute();
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the roster import could not be registered", e);
        }
    }

    private static void release(Connection held) {
        try (held) {
            try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                unlock.execute();
            }
        } catch (SQLException e) {
            LOG.warnf("roster import lock not released cleanly (its connection is closed): %s", e.getMessage());
        }
    }

    void onStart(@Observes StartupEvent event) {
        try {
            int failed = failInterrupted();
            if (failed > 0) {
                LOG.warnf("%d roster imports were interrupted by a stop of the service: marked FAILED", failed);
            }
        } catch (RuntimeException e) {
            LOG.errorf("interrupted roster imports not checked: %s", e.getMessage());
        }
    }

    /**
     * Imports RUNNING whose instance is gone (no one holds their lock): FAILED, with the reason and the phase they
     * stopped in. The batches written before the stop stay; nothing after it ran (a full export's deactivations and
     * retirements perhaps only in part), so the export must be uploaded again. Answers how many it marked.
     */
    int failInterrupted() {
        List<UUID> running = new ArrayList<>();
        int failed = 0;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id FROM roster_import WHERE status = 'RUNNING'"); ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    running.add(r.getObject(1, UUID.class));
                }
            }
            for (UUID id : running) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    lock.setLong(1, lockKey(id));
                    try (ResultSet r = lock.executeQuery()) {
                        r.next();
                        if (!r.getBoolean(1)) {
                            continue; // queued or running at another instance
                        }
                    }
                }
                try (PreparedStatement fail = connection.prepareStatement("UPDATE roster_import SET status = "
                        + "'FAILED', finished_at = ?, failure = 'interrupted: the service stopped while the import '"
                        + " || coalesce('was in phase ' || phase, 'ran') || '; the rows written before the stop stay, the "
                        + "rest was not applied (a full export''s deactivations perhaps only in part): upload the "
                        + "export again' WHERE id = ? AND status = 'RUNNING'")) {
                    fail.setTimestamp(1, Timestamp.from(Instant.now()));
                    fail.setObject(2, id);
                    failed += fail.executeUpdate();
                } finally {
                    try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        unlock.setLong(1, lockKey(id));
                        unlock.execute();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("interrupted roster imports could not be marked", e);
        }
        return failed;
    }

    private void run(UUID id, OneRosterArchive archive, boolean bulk, boolean bulkClasses, boolean bulkEnrollments) {
        Run run = new Run(id);
        Map<String, Long> millis = new LinkedHashMap<>(); // how long each step took, for the log
        try {
            Map<String, String> orgToSite = new HashMap<>();
            QuarkusTransaction.requiringNew().run(() -> Site.<Site>list("sourcedId is not null")
                    .forEach(s -> orgToSite.put(s.sourcedId, s.code)));
            timed(millis, "orgs", () -> archive.file("orgs.csv").ifPresent(csv -> importOrgs(run, csv, orgToSite)));
            Set<String> userIds = new HashSet<>();
            Optional<byte[]> classes = archive.file("classes.csv");
            Optional<byte[]> enrollments = archive.file("enrollments.csv");
            HomeroomHints[] hints = {HomeroomHints.NONE};
            if (classes.isPresent() && enrollments.isPresent()) {
                timed(millis, "hints", () -> hints[0] = HomeroomHints.read(classes.get(), enrollments.get()));
            }
            timed(millis, "users", () -> archive.file("users.csv")
                    .ifPresent(csv -> importUsers(run, csv, orgToSite, userIds, hints[0])));
            hints[0] = null;
            if (bulk) {
                timed(millis, "deactivating", () -> deactivateMissing(run));
            }
            Map<String, String[]> courses = courses(archive);
            Map<String, Long> homeroomLines = new HashMap<>();
            timed(millis, "classes", () -> classes.ifPresent(csv -> importClasses(run, csv, orgToSite, courses,
                    homeroomLines)));
            if (bulkClasses) {
                timed(millis, "classes retired", () -> retireClasses(run));
            }
            timed(millis, "enrollments", () -> enrollments.ifPresent(csv -> importEnrollments(run, csv)));
            if (bulkEnrollments) {
                timed(millis, "enrollments retired", () -> retireEnrollments(run));
            }
            if (classes.isPresent() || enrollments.isPresent()) {
                timed(millis, "homerooms", () -> deriveHomerooms(run, homeroomLines));
            }
            run.progress("done", "FINISHED", null);
            LOG.infof("roster import %s finished: %d users, %d enrollments, %d homerooms changed, %d errors; ms per "
                    + "step %s", id, run.usersApplied, run.enrollments, run.homerooms, run.errors, millis);
        } catch (RuntimeException e) {
            LOG.errorf("roster import %s failed: %s", id, e.getClass().getName());
            run.progress("failed", "FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void timed(Map<String, Long> millis, String step, Runnable work) {
        long start = System.nanoTime();
        work.run();
        millis.put(step, (System.nanoTime() - start) / 1_000_000);
    }

    // ---- orgs -> sites

    private void importOrgs(Run run, byte[] csv, Map<String, String> orgToSite) {
        run.phase = "orgs";
        forEachBatch(run, "orgs.csv", csv, List.of("sourcedId", "name", "type"), rows -> {
            for (Row row : rows) {
                String sourcedId = row.get("sourcedId");
                String type = row.get("type");
                if ("district".equalsIgnoreCase(type)) {
                    orgToSite.put(sourcedId, Roles.DISTRICT_SITE);
                    continue;
                }
                String code = SiteService.normalize(row.get("identifier"));
                if (code == null || !code.matches(SiteService.CODE)) {
                    run.error(row, "identifier '" + row.get("identifier") + "' is not a site code: it "
                            + SiteService.CODE_RULE);
                    continue;
                }
                Site existing = Site.findById(code);
                String siteType = existing != null ? existing.siteType : RosterMapping.siteType(type, row.get("name"));
                sites.upsert(code, row.get("name"), siteType, sourcedId, !"tobedeleted".equalsIgnoreCase(
                        row.get("status")));
                orgToSite.put(sourcedId, code);
                run.sites++;
            }
        });
    }

    // ---- users -> patrons

    private void importUsers(Run run, byte[] csv, Map<String, String> orgToSite, Set<String> seen,
                             HomeroomHints hints) {
        run.phase = "users";
        Set<String> barcodes = new HashSet<>();
        run.usersUnread = forEachBatch(run, "users.csv", csv, List.of("sourcedId", "role", "orgSourcedIds",
                "givenName", "familyName"),
                rows -> {
                    List<Row> valid = new ArrayList<>();
                    for (Row row : rows) {
                        run.usersRead++;
                        coveredSites(row, orgToSite, run.coveredSites);
                        String sourcedId = row.get("sourcedId");
                        if (!seen.add(sourcedId)) {
                            run.error(row, "duplicate sourcedId " + sourcedId);
                            continue;
                        }
                        if (RosterMapping.patronType(row.get("role")).isEmpty()) {
                            run.error(row, "invalid role '" + row.get("role") + "'");
                            continue;
                        }
                        if (homeSite(row, orgToSite) == null) {
                            run.error(row, "unknown org " + row.get("orgSourcedIds"));
                            continue;
                        }
                        String barcode = barcode(row);
                        if (barcode == null) {
                            run.error(row, "no identifier to use as the patron barcode");
                            continue;
                        }
                        if (!barcodes.add(barcode)) {
                            run.error(row, "barcode " + barcode + " is used by another user of the file");
                            continue;
                        }
                        if (isBlank(row.get("givenName")) || isBlank(row.get("familyName"))) {
                            run.error(row, "givenName and familyName are required");
                            continue;
                        }
                        valid.add(row);
                    }
                    applyUsers(run, valid, orgToSite, hints);
                });
    }

    private void applyUsers(Run run, List<Row> rows, Map<String, String> orgToSite, HomeroomHints hints) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Patron> bySourcedId = lockedReadOnly("sourcedId in ?1",
                rows.stream().map(r -> r.get("sourcedId")).toList())
                .stream().collect(Collectors.toMap(p -> p.sourcedId, p -> p));
        Map<String, Patron> byBarcode = lockedReadOnly("barcode in ?1",
                rows.stream().map(OneRosterImport::barcode).toList())
                .stream().collect(Collectors.toMap(p -> p.barcode, p -> p));
        Instant now = Instant.now();
        List<Patron> created = new ArrayList<>();
        List<Patron> changed = new ArrayList<>();
        List<UUID> unchanged = new ArrayList<>();
        for (Row row : rows) {
            String sourcedId = row.get("sourcedId");
            String barcode = barcode(row);
            Patron patron = bySourcedId.get(sourcedId);
            Patron holder = byBarcode.get(barcode);
            if (holder != null && (patron == null || !holder.id.equals(patron.id))) {
                if (patron == null && holder.sourcedId == null) {
                    patron = holder; // entered by hand before the SIS knew it: the roster adopts it
                } else {
                    run.error(row, "barcode " + barcode + " belongs to another patron");
                    continue;
                }
            }
            boolean isNew = patron == null;
            boolean wasActive = isNew || patron.isActive();
            if (isNew) {
                patron = new Patron();
                patron.id = UUID.randomUUID();
                patron.createdAt = now;
                // announced with the homeroom the derivation will find (so it changes and announces nothing more)
                HomeroomHints.Hint hint = hints.of(sourcedId).orElse(null);
                if (hint != null) {
                    patron.homeroom = hint.title();
                    patron.homeroomClass = hint.classSourcedId();
                }
            } else if (sameAsRoster(patron, row, orgToSite)) {
                // a daily sync lists most users unchanged: no write but the import's mark, no event
                unchanged.add(patron.id);
                run.usersApplied++;
                continue;
            }
            fromRoster(patron, row, orgToSite);
            patron.updatedAt = now;
            patron.lastImportId = run.id;
            if (isNew) {
                created.add(patron);
                outbox.publish(Topics.CIRCULATION_PATRONS, patron.homeSite, patron.id.toString(),
                        new PatronCreated(patrons.snapshot(patron)));
            } else {
                changed.add(patron);
                patrons.publishChange(patron, wasActive, "roster: " + row.get("status"));
            }
            run.usersApplied++;
        }
        rosterRows.updatePatrons(changed);
        rosterRows.insertPatrons(created);
        rosterRows.markSeen(unchanged, run.id);
    }

    /**
     * Patrons as they are, locked until the batch commits (a staff edit waits rather than being overwritten or
     * failing the batch) and read-only: the batch changes them in memory, for its events, and writes them itself
     * in {@link RosterRows}, so the session must not write them a second time, one by one, at the commit.
     */
    private static List<Patron> lockedReadOnly(String query, List<String> values) {
        return Patron.<Patron>find(query, values).withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }

    /** The roster's values for a patron; the status follows the row's, and a graduate stays graduated. */
    private static void fromRoster(Patron patron, Row row, Map<String, String> orgToSite) {
        patron.sourcedId = row.get("sourcedId");
        patron.barcode = barcode(row);
        patron.sisId = isBlank(row.get("identifier")) ? null : row.get("identifier");
        patron.firstName = row.get("givenName");
        patron.lastName = row.get("familyName");
        patron.patronType = RosterMapping.patronType(row.get("role")).orElseThrow();
        patron.homeSite = homeSite(row, orgToSite);
        patron.grade = RosterMapping.grade(row.get("grades"));
        patron.email = isBlank(row.get("email")) ? null : row.get("email");
        patron.status = rosterStatus(patron.status, row);
    }

    private static String rosterStatus(String status, Row row) {
        boolean active = !"tobedeleted".equalsIgnoreCase(row.get("status"))
                && !"false".equalsIgnoreCase(row.get("enabledUser"));
        if (active && !Patron.ACTIVE.equals(status) && !"GRADUATED".equals(status)) {
            return Patron.ACTIVE;
        }
        if (!active && (status == null || Patron.ACTIVE.equals(status))) {
            return "INACTIVE";
        }
        return status;
    }

    /** Would the roster change nothing of this patron? */
    private static boolean sameAsRoster(Patron p, Row row, Map<String, String> orgToSite) {
        return Objects.equals(p.sourcedId, row.get("sourcedId")) && Objects.equals(p.barcode, barcode(row))
                && Objects.equals(p.sisId, isBlank(row.get("identifier")) ? null : row.get("identifier"))
                && Objects.equals(p.firstName, row.get("givenName"))
                && Objects.equals(p.lastName, row.get("familyName"))
                && Objects.equals(p.patronType, RosterMapping.patronType(row.get("role")).orElse(null))
                && Objects.equals(p.homeSite, homeSite(row, orgToSite))
                && Objects.equals(p.grade, RosterMapping.grade(row.get("grades")))
                && Objects.equals(p.email, isBlank(row.get("email")) ? null : row.get("email"))
                && Objects.equals(p.status, rosterStatus(p.status, row));
    }

    /**
     * Patrons of an earlier roster that this full export no longer lists: inactive, never deleted. Only when
     * users.csv was read whole (its columns all there, parsed to its end), and only the patrons of the sites the
     * file lists users of (one school's own export is that school's full list, not the district's); a user whose
     * row the file lists, even a failed one, was marked present ({@link Run#flushErrors}) and stays as it is.
     */
    private void deactivateMissing(Run run) {
        run.phase = "deactivating";
        if (notReadWhole(run, "users.csv", run.usersUnread, "no patron deactivated", "users")) {
            return;
        }
        if (run.coveredSites.isEmpty()) {
            return;
        }
        List<String> covered = List.copyOf(run.coveredSites);
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<Patron> missing = Patron.<Patron>find("sourcedId is not null and status = 'ACTIVE' "
                                + "and homeSite in ?2 and (lastImportId is null or lastImportId <> ?1)", run.id,
                                covered)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(HibernateHints.HINT_READ_ONLY, true)
                        .page(0, BATCH).list();
                Instant now = Instant.now();
                for (Patron patron : missing) {
                    patron.status = "INACTIVE";
                    patron.updatedAt = now;
                    outbox.publish(Topics.CIRCULATION_PATRONS, patron.homeSite, patron.id.toString(),
                            new PatronDeactivated(patrons.snapshot(patron), "missing from the full roster export"));
                }
                rosterRows.deactivatePatrons(missing, now);
                return missing.size();
            });
            run.deactivated += done;
            run.progress(run.phase, "RUNNING", null);
            if (done < BATCH) {
                return;
            }
        }
    }

    // ---- classes and enrollments -> roster

    private Map<String, String[]> courses(OneRosterArchive archive) {
        Map<String, String[]> courses = new HashMap<>();
        archive.file("courses.csv").ifPresent(csv -> {
            try (CSVParser parser = parser(csv)) {
                for (CSVRecord r : parser) {
                    if (r.isConsistent() && r.isMapped("sourcedId")) {
                        courses.put(r.get("sourcedId"), new String[]{value(r, "courseCode"), value(r, "title")});
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("courses.csv unreadable", e);
            }
        });
        return courses;
    }

    private void importClasses(Run run, byte[] csv, Map<String, String> orgToSite, Map<String, String[]> courses,
                               Map<String, Long> homeroomLines) {
        run.phase = "classes";
        List<String> required = List.of("sourcedId", "title", "schoolSourcedId");
        run.classesUnread = forEachBatch(run, "classes.csv", csv, required, rows -> {
            List<RosterRows.ClassRow> batch = new ArrayList<>();
            for (Row row : rows) {
                String site = orgToSite.get(row.get("schoolSourcedId"));
                if (site == null) {
                    run.error(row, "unknown org " + row.get("schoolSourcedId"));
                    continue;
                }
                run.classSites.add(site);
                String[] course = courses.getOrDefault(row.get("courseSourcedId"), new String[2]);
                String status = status(row);
                String classType = isBlank(row.get("classType")) ? null
                        : row.get("classType").toLowerCase(Locale.ROOT);
                if ("homeroom".equals(classType) && "active".equals(status)) {
                    homeroomLines.put(row.get("sourcedId"), row.line());
                }
                batch.add(new RosterRows.ClassRow(row.get("sourcedId"), site, row.get("title"), row.get("classCode"),
                        row.get("courseSourcedId"), course[0], course[1], row.get("grades"), row.get("subjects"),
                        row.get("location"), status, classType));
                outbox.publish(Topics.CIRCULATION_ROSTER, site, row.get("sourcedId"), classUpserted(batch.get(
                        batch.size() - 1)));
                run.classes++;
            }
            rosterRows.upsertClasses(batch, Timestamp.from(Instant.now()), run.id);
        });
    }

    private void importEnrollments(Run run, byte[] csv) {
        run.phase = "enrollments";
        run.enrollmentsUnread = forEachBatch(run, "enrollments.csv", csv, List.of("sourcedId", "classSourcedId",
                        "userSourcedId", "role"),
                rows -> {
                    Map<String, String> classSites = new HashMap<>();
                    @SuppressWarnings("unchecked")
                    List<Object[]> found = em.createNativeQuery(
                                    "SELECT sourced_id, site_code FROM roster_class WHERE sourced_id IN (?1)")
                            .setParameter(1, rows.stream().map(r -> r.get("classSourcedId")).distinct().toList())
                            .getResultList();
                    found.forEach(r -> classSites.put((String) r[0], (String) r[1]));
                    List<RosterRows.EnrollmentRow> batch = new ArrayList<>();
                    // ids only: no managed entities for the session to track
                    Map<String, UUID> users = em.createQuery("select p.sourcedId, p.id from Patron p "
                                    + "where p.sourcedId in ?1", Object[].class)
                            .setParameter(1, rows.stream().map(r -> r.get("userSourcedId")).distinct().toList())
                            .getResultList().stream()
                            .collect(Collectors.toMap(r -> (String) r[0], r -> (UUID) r[1]));
                    for (Row row : rows) {
                        String site = classSites.get(row.get("classSourcedId"));
                        if (site != null) {
                            run.enrollmentSites.add(site);
                        }
                        UUID patronId = users.get(row.get("userSourcedId"));
                        if (site == null) {
                            run.error(row, "unknown class " + row.get("classSourcedId"));
                            continue;
                        }
                        if (patronId == null) {
                            run.error(row, "unknown user " + row.get("userSourcedId"));
                            continue;
                        }
                        LocalDate begin;
                        LocalDate end;
                        try {
                            begin = date(row.get("beginDate"));
                            end = date(row.get("endDate"));
                        } catch (RuntimeException e) {
                            run.error(row, "beginDate or endDate is not a date (yyyy-mm-dd)");
                            continue;
                        }
                        String role = row.get("role").toLowerCase(Locale.ROOT);
                        boolean primary = "true".equalsIgnoreCase(row.get("primary"));
                        String status = status(row);
                        batch.add(new RosterRows.EnrollmentRow(row.get("sourcedId"), row.get("classSourcedId"),
                                patronId, role, primary, begin, end, status));
                        outbox.publish(Topics.CIRCULATION_ROSTER, site, row.get("sourcedId"),
                                new RosterEnrollmentUpserted(row.get("sourcedId"), row.get("classSourcedId"), site,
                                        patronId, row.get("userSourcedId"), role, primary, begin, end, status));
                        run.enrollments++;
                    }
                    rosterRows.upsertEnrollments(batch, Timestamp.from(Instant.now()), run.id);
                });
    }

    private static RosterClassUpserted classUpserted(RosterRows.ClassRow c) {
        return new RosterClassUpserted(c.sourcedId(), c.siteCode(), c.title(), c.classCode(), c.courseSourcedId(),
                c.courseCode(), c.courseTitle(), list(c.grades()), list(c.subjects()), c.location(), c.status(),
                c.classType());
    }

    /**
     * A full {@code file} that was not read to its end ({@code unread}: why; null when it was) does not tell what it
     * no longer lists: the import says so at line 0 of the file ({@code nothingDone}) and answers true.
     */
    private static boolean notReadWhole(Run run, String file, String unread, String nothingDone, String records) {
        if (unread == null) {
            return false;
        }
        run.error(new Row(file, 0, Map.of()), nothingDone + ": " + file + " was not read whole (" + unread
                + "), so the full export's list of " + records + " is not known");
        run.progress(run.phase, "RUNNING", null);
        return true;
    }

    /**
     * Classes of an earlier roster that this full classes.csv no longer lists: tobedeleted, and announced. As for
     * users ({@link #deactivateMissing}): only when classes.csv was read whole, only the classes of the schools its
     * rows name, and never a class whose row the file lists but could not apply.
     */
    private void retireClasses(Run run) {
        run.phase = "classes";
        if (notReadWhole(run, "classes.csv", run.classesUnread, "no class retired", "classes")) {
            return;
        }
        List<String> sites = List.copyOf(run.classSites);
        String after = "";
        while (!sites.isEmpty()) {
            String from = after;
            List<RosterRows.ClassRow> gone = QuarkusTransaction.requiringNew().call(() -> {
                List<RosterRows.ClassRow> rows = rosterRows.retireClasses(run.id, sites, from, BATCH,
                        Timestamp.from(Instant.now()));
                rows.forEach(c -> outbox.publish(Topics.CIRCULATION_ROSTER, c.siteCode(), c.sourcedId(),
                        classUpserted(c)));
                return rows;
            });
            run.classesRetired += gone.size();
            if (gone.size() < BATCH) {
                return;
            }
            after = gone.get(gone.size() - 1).sourcedId();
        }
    }

    /**
     * Enrollments of an earlier roster that this full enrollments.csv no longer lists: tobedeleted, announced. Only
     * when enrollments.csv was read whole, only in the schools of the classes its rows name, and never an enrollment
     * whose row the file lists but could not apply.
     */
    private void retireEnrollments(Run run) {
        run.phase = "enrollments";
        if (notReadWhole(run, "enrollments.csv", run.enrollmentsUnread, "no enrollment retired", "enrollments")) {
            return;
        }
        List<String> sites = List.copyOf(run.enrollmentSites);
        String after = "";
        while (!sites.isEmpty()) {
            String from = after;
            List<RosterRows.RetiredEnrollment> gone = QuarkusTransaction.requiringNew().call(() -> {
                List<RosterRows.RetiredEnrollment> rows = rosterRows.retireEnrollments(run.id, sites, from, BATCH,
                        Timestamp.from(Instant.now()));
                for (RosterRows.RetiredEnrollment r : rows) {
                    RosterRows.EnrollmentRow e = r.enrollment();
                    outbox.publish(Topics.CIRCULATION_ROSTER, r.siteCode(), e.sourcedId(),
                            new RosterEnrollmentUpserted(e.sourcedId(), e.classSourcedId(), r.siteCode(),
                                    e.patronId(), r.userSourcedId(), e.role(), e.primary(), e.begin(), e.end(),
                                    e.status()));
                }
                return rows;
            });
            run.enrollmentsRetired += gone.size();
            if (gone.size() < BATCH) {
                return;
            }
            after = gone.get(gone.size() - 1).enrollment().sourcedId();
        }
    }

    // ---- homerooms (Homerooms: set-based, over what this and earlier imports stored)

    /**
     * Every homeroom class's teacher, then every patron's homeroom, in a few statements; the patrons whose homeroom
     * changed are announced ({@code PatronUpdated}, 500 per transaction; not when only the class behind the same
     * title changed). A homeroom class of this import with no
     * teacher enrolled is reported at its line of classes.csv (its students still get the homeroom).
     */
    private void deriveHomerooms(Run run, Map<String, Long> homeroomLines) {
        run.phase = "homerooms";
        List<String> withoutTeacher = QuarkusTransaction.requiringNew().call(() -> {
            homerooms.assignTeachers();
            return homerooms.withoutTeacher(run.id);
        });
        for (String classId : withoutTeacher) {
            Long line = homeroomLines.get(classId);
            if (line != null) {
                run.error(new Row("classes.csv", line, Map.of()), "homeroom class " + classId
                        + " has no teacher enrolled: its students get the homeroom without a teacher");
            }
        }
        int changes = QuarkusTransaction.requiringNew().call(homerooms::listChanges);
        run.progress(run.phase, "RUNNING", null);
        for (int done = 0; done < changes; done += BATCH) {
            run.homerooms += QuarkusTransaction.requiringNew().call(() -> {
                List<Homerooms.Changed> changed = homerooms.apply(BATCH, Instant.now());
                changed.stream().filter(Homerooms.Changed::homeroomChanged).map(Homerooms.Changed::patron)
                        .forEach(p -> outbox.publish(Topics.CIRCULATION_PATRONS, p.homeSite, p.id.toString(),
                                new PatronUpdated(patrons.snapshot(p))));
                return changed.size();
            });
            run.progress(run.phase, "RUNNING", null);
        }
    }

    // ---- reading

    /** One CSV row with its line number; values trimmed, missing columns empty. */
    record Row(String file, long line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /**
     * Reads {@code csv} and hands its rows to {@code apply} in batches, each batch in its own transaction; a row
     * that is truncated or lacks a required value is reported and left out. Answers why the file was not read to
     * its end (missing columns, a CSV error partway), or null when it was.
     */
    private String forEachBatch(Run run, String file, byte[] csv, List<String> required, Consumer<List<Row>> apply) {
        try (CSVParser parser = parser(csv)) {
            List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                run.error(new Row(file, 1, Map.of()), "missing columns " + missing);
                return "missing columns " + missing;
            }
            List<Row> batch = new ArrayList<>();
            long line = 1;
            for (CSVRecord record : parser) {
                line++;
                Row row = new Row(file, line, record.toMap());
                if (!record.isConsistent()) {
                    run.error(row, "truncated row: " + record.size() + " of " + parser.getHeaderNames().size()
                            + " columns");
                    continue;
                }
                String blank = required.stream().filter(c -> isBlank(row.get(c))).findFirst().orElse(null);
                if (blank != null) {
                    run.error(row, blank + " is empty");
                    continue;
                }
                batch.add(row);
                if (batch.size() == BATCH) {
                    applyBatch(run, batch, apply);
                    batch = new ArrayList<>();
                }
            }
            applyBatch(run, batch, apply);
            return null;
        } catch (IOException | java.io.UncheckedIOException e) {
            run.error(new Row(file, 0, Map.of()), "unreadable CSV: " + e.getMessage());
            return "unreadable CSV: " + e.getMessage();
        }
    }

    private void applyBatch(Run run, List<Row> batch, Consumer<List<Row>> apply) {
        List<Row> rows = List.copyOf(batch);
        QuarkusTransaction.requiringNew().run(() -> {
            apply.accept(rows);
            run.flushErrors();
        });
        run.progress(run.phase, "RUNNING", null);
    }

    static CSVParser parser(byte[] csv) throws IOException {
        Reader reader = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setTrim(true).get().parse(reader);
    }

    private static Map<String, String> manifest(OneRosterArchive archive) {
        Map<String, String> manifest = new HashMap<>();
        archive.file("manifest.csv").ifPresent(csv -> {
            try (CSVParser parser = parser(csv)) {
                for (CSVRecord r : parser) {
                    if (r.size() >= 2) {
                        manifest.put(r.get(0).strip(), r.get(1).strip());
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("manifest.csv unreadable", e);
            }
        });
        return manifest;
    }

    private static String homeSite(Row row, Map<String, String> orgToSite) {
        for (String org : row.get("orgSourcedIds").split(",")) {
            String site = orgToSite.get(org.strip());
            if (site != null) {
                return site;
            }
        }
        return null;
    }

    /** The sites of the orgs a users.csv row names: a full users.csv is the whole list of each of them. */
    private static void coveredSites(Row row, Map<String, String> orgToSite, Set<String> covered) {
        for (String org : row.get("orgSourcedIds").split(",")) {
            String site = orgToSite.get(org.strip());
            if (site != null) {
                covered.add(site);
            }
        }
    }

    private static String barcode(Row row) {
        String identifier = row.get("identifier");
        return isBlank(identifier) ? null : identifier;
    }

    private static String status(Row row) {
        return isBlank(row.get("status")) ? "active" : row.get("status").toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String value) {
        return isBlank(value) ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    private static LocalDate date(String value) {
        return isBlank(value) ? null : LocalDate.parse(value);
    }

    private static String value(CSVRecord r, String column) {
        return r.isMapped(column) ? r.get(column) : null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The state of one import: counts, and errors not yet written. */
    private final class Run {
        final UUID id;
        String phase = "queued";
        int usersRead;
        int usersApplied;
        int deactivated;
        int sites;
        int classes;
        int enrollments;
        int classesRetired;
        int enrollmentsRetired;
        int homerooms;
        int errors;
        /** Why users.csv was not read to its end (then a full export deactivates nobody); null when it was. */
        String usersUnread;
        /** The sites whose patrons a full users.csv lists: those of the orgs its rows name. */
        final Set<String> coveredSites = new HashSet<>();
        final List<Row> pendingErrors = new ArrayList<>();
        final List<String> pendingReasons = new ArrayList<>();
        /** Users.csv rows reported as errors: the users are in the file all the same (sourcedIds, barcodes). */
        final List<String> presentIds = new ArrayList<>();
        final List<String> presentBarcodes = new ArrayList<>();
        /** Why classes.csv, enrollments.csv was not read to its end (then none is retired); null when it was. */
        String classesUnread;
        String enrollmentsUnread;
        /** The sites whose classes a full classes.csv lists (its rows' schools); whose enrollments, likewise. */
        final Set<String> classSites = new HashSet<>();
        final Set<String> enrollmentSites = new HashSet<>();
        /** Classes.csv and enrollments.csv rows reported as errors: listed all the same (sourcedIds). */
        final List<String> presentClassIds = new ArrayList<>();
        final List<String> presentEnrollmentIds = new ArrayList<>();

        Run(UUID id) {
            this.id = id;
        }

        void error(Row row, String reason) {
            if ("users.csv".equals(row.file()) && row.line() > 1) {
                // a row without a sourcedId is known by its barcode; one with a sourcedId only by that (its barcode
                // may be another patron's, which the file need not list)
                if (!isBlank(row.get("sourcedId"))) {
                    presentIds.add(row.get("sourcedId"));
                } else if (barcode(row) != null) {
                    presentBarcodes.add(barcode(row));
                }
            }
            if (row.line() > 1 && !isBlank(row.get("sourcedId"))) {
                if ("classes.csv".equals(row.file())) {
                    presentClassIds.add(row.get("sourcedId"));
                } else if ("enrollments.csv".equals(row.file())) {
                    presentEnrollmentIds.add(row.get("sourcedId"));
                }
            }
            errors++;
            if (errors <= MAX_STORED_ERRORS) {
                pendingErrors.add(row);
                pendingReasons.add(reason);
            }
        }

        void flushErrors() {
            rosterRows.markPresent(presentIds, presentBarcodes, id);
            presentIds.clear();
            presentBarcodes.clear();
            rosterRows.markRowsPresent("roster_class", presentClassIds, id);
            rosterRows.markRowsPresent("roster_enrollment", presentEnrollmentIds, id);
            presentClassIds.clear();
            presentEnrollmentIds.clear();
            for (int i = 0; i < pendingErrors.size(); i++) {
                Row row = pendingErrors.get(i);
                em.createNativeQuery("INSERT INTO roster_import_error (import_id, file, line, reason) "
                                + "VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, id).setParameter(2, row.file()).setParameter(3, row.line())
                        .setParameter(4, pendingReasons.get(i)).executeUpdate();
            }
            pendingErrors.clear();
            pendingReasons.clear();
        }

        void progress(String phase, String status, String failure) {
            QuarkusTransaction.requiringNew().run(() -> {
                flushErrors();
                em.createNativeQuery("UPDATE roster_import SET phase = ?2, status = ?3, failure = ?4, "
                                + "users_read = ?5, users_applied = ?6, users_deactivated = ?7, sites_applied = ?8, "
                                + "classes_applied = ?9, enrollments_applied = ?10, error_count = ?11, "
                                + "finished_at = ?12, homerooms_applied = ?13, classes_retired = ?14, "
                                + "enrollments_retired = ?15 WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, phase).setParameter(3, status)
                        .setParameter(4, failure).setParameter(5, usersRead).setParameter(6, usersApplied)
                        .setParameter(7, deactivated).setParameter(8, sites).setParameter(9, classes)
                        .setParameter(10, enrollments).setParameter(11, errors)
                        .setParameter(12, "RUNNING".equals(status) ? null : Instant.now())
                        .setParameter(13, homerooms).setParameter(14, classesRetired)
                        .setParameter(15, enrollmentsRetired)
                        .executeUpdate();
            });
        }
    }
}
