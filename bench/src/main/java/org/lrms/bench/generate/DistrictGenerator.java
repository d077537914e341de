package org.lrms.bench.generate;

import org.lrms.catalog.copy.ShelfKey;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Generates a district deterministically from a seed and loads it with COPY straight into the catalog's and
 * circulation's databases (sites, titles, copies; sites, patrons, the copy replica), as the services themselves
 * would hold it after their events. It writes the scenarios' feeds beside the data: desk transactions (a copy and a
 * patron of one site), barcodes to look up, and a catalog query mix.
 * <p>
 * Generated sites are {@code S0001...}, copies' barcodes start with 39, patrons' with P: a district's real data is
 * never touched, and generating the same scale and seed again is skipped.
 */
public final class DistrictGenerator {

    private final Scale scale;
    private final long seed;
    private final String catalogUrl;
    private final String circulationUrl;
    private final String user;
    private final String password;

    public DistrictGenerator(Scale scale, long seed, String catalogUrl, String circulationUrl, String user,
                             String password) {
        this.scale = scale;
        this.seed = seed;
        this.catalogUrl = catalogUrl;
        this.circulationUrl = circulationUrl;
        this.user = user;
        this.password = password;
    }

    /** What a load took. */
    public record Loaded(long rows, double seconds, boolean skipped) {
        public double rowsPerSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }

    public Loaded generate(Path feeds, LongConsumer progress) throws SQLException, IOException {
        Files.createDirectories(feeds);
        long started = System.nanoTime();
        try (Connection catalog = DriverManager.getConnection(catalogUrl, user, password);
             Connection circulation = DriverManager.getConnection(circulationUrl, user, password)) {
            if (alreadyGenerated(catalog)) {
                writeFeeds(feeds);
                return new Loaded(0, 0, true);
            }
            catalog.setAutoCommit(false);
            circulation.setAutoCommit(false);
            long rows = 0;
            rows += sites(catalog, circulation);
            rows += titles(catalog, progress);
            rows += patrons(circulation, progress);
            rows += copies(catalog, circulation, progress);
            catalog.commit();
            circulation.commit();
            analyze(catalog, "site", "title", "copy");
            analyze(circulation, "site", "patron", "copy");
            writeFeeds(feeds);
            return new Loaded(rows, (System.nanoTime() - started) / 1e9, false);
        }
    }

    private boolean alreadyGenerated(Connection catalog) throws SQLException {
        try (PreparedStatement s = catalog.prepareStatement("SELECT count(*) FROM copy WHERE barcode LIKE '39%'");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            long existing = rs.getLong(1);
            if (existing > 0 && existing != scale.copies()) {
                throw new IllegalStateException("the catalog already holds " + existing + " generated copies of "
                        + "another scale: start from an empty stack (stop.sh, remove the state folder, run.sh)");
            }
            return existing > 0 && sameTitles(catalog);
        }
    }

    /**
     * Whether the loaded titles are this seed's and this generator's: the feeds written for a skipped load must find
     * them (the vocabulary changed on 2026-12-06; a district generated before holds other words).
     */
    private boolean sameTitles(Connection catalog) throws SQLException {
        TitleRecord first = title(0);
        try (PreparedStatement s = catalog.prepareStatement("SELECT title FROM title WHERE id = ?")) {
            s.setObject(1, first.id());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(first.title())) {
                    throw new IllegalStateException("the catalog holds generated titles of another seed or of an "
                            + "older generator: start from an empty stack (stop.sh, remove the state folder, run.sh)");
                }
                return true;
            }
        }
    }

    public static String siteCode(int index) {
        return String.format("S%04d", index + 1);
    }

    public static String siteType(int index) {
        return index % 10 < 6 ? "ELEMENTARY" : index % 10 < 8 ? "MIDDLE" : "HIGH";
    }

    public static String siteName(int index) {
        return "Generated " + Words.capitalized(siteType(index).toLowerCase()) + " School " + (index + 1);
    }

    private long sites(Connection catalog, Connection circulation) throws SQLException {
        try (CopyWriter c = new CopyWriter(catalog, "site", "code, name, site_type, active, updated_at");
             CopyWriter r = new CopyWriter(circulation, "site",
                     "code, name, site_type, active, created_at, updated_at, version")) {
            for (int i = 0; i < scale.sites(); i++) {
                String type = siteType(i);
                String name = siteName(i);
                c.row(siteCode(i), name, type, true, "now");
                r.row(siteCode(i), name, type, true, "now", "now", 0);
            }
            return c.rows() + r.rows();
        }
    }

    /** Everything of title {@code index}, recomputed from the seed whenever needed (no title is kept in memory). */
    record TitleRecord(UUID id, String title, String subtitle, String author, String isbn, int year,
                       String materialType, String dewey, String language, String subject) {
        /** The title's call number, which its copies carry too: the Dewey number (or FIC) and the author's mark. */
        String callNumber() {
            return dewey + " " + author.substring(0, 3).toUpperCase();
        }
    }

    TitleRecord title(int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        String title = Words.title(random);
        String subtitle = Words.subtitle(random);
        String author = Words.person(random);
        int year = 1950 + (int) Math.round(75 * Math.sqrt(random.nextDouble()));
        String material = Words.pick(Words.MATERIAL, random);
        String dewey = random.nextInt(3) == 0 ? "FIC"
                : String.format("%03d.%d", random.nextInt(1000), random.nextInt(10));
        return new TitleRecord(id, title, subtitle, author, Words.isbn13(index + seed * 7919L), year, material, dewey,
                Words.pick(Words.LANGUAGE, random), Words.subject(random));
    }

    /**
     * Titles with the sites holding them ({@code holding_sites}, the sites of their copies), computed here from the
     * copies to come: the catalog's trigger on {@code copy} then finds every site already there and rewrites no title
     * (an UPDATE of a million titles, each with its full-text and trigram index entries, after the copies' COPY).
     */
    private long titles(Connection catalog, LongConsumer progress) throws SQLException {
        long[] titleSites = titleSites();
        try (CopyWriter w = new CopyWriter(catalog, "title", "id, title, subtitle, authors, isbns, isbn13s, publisher, "
                + "publication_year, language, material_type, dewey_number, call_number, subjects, holding_sites, "
                + "created_at, updated_at, version")) {
            for (int i = 0; i < scale.titles(); i++) {
                TitleRecord t = title(i);
                w.row(t.id(), t.title(), t.subtitle(), List.of(t.author()), List.of(t.isbn()), List.of(t.isbn()),
                        "Generated Press", t.year(), t.language(), t.materialType(), t.dewey(), t.callNumber(),
                        List.of(t.subject()), holdingSites(titleSites, i), "now", "now", 0);
                progress.accept(1);
            }
            return w.rows();
        }
    }

    static String patronBarcode(int index) {
        return String.format("P%08d", index + 1);
    }

    private long patrons(Connection circulation, LongConsumer progress) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5A5A5A5AL);
        try (CopyWriter w = new CopyWriter(circulation, "patron", "id, barcode, first_name, last_name, "
                + "patron_type, home_site, grade, homeroom, language, status, created_at, updated_at, version")) {
            for (int i = 0; i < scale.patrons(); i++) {
                boolean teacher = i % 25 == 24;
                w.row(new UUID(random.nextLong(), random.nextLong()), patronBarcode(i),
                        Words.pick(Words.FIRST, random), Words.pick(Words.LAST, random),
                        teacher ? "TEACHER" : "STUDENT", siteCode(i % scale.sites()),
                        teacher ? null : String.valueOf(random.nextInt(13)), "Room " + (1 + random.nextInt(30)),
                        random.nextInt(4) == 0 ? "es" : "en", "ACTIVE", "now", "now", 0);
                progress.accept(1);
            }
            return w.rows();
        }
    }

    static String copyBarcode(long index) {
        return String.format("39%012d", index + 1);
    }

    /** Site of copy {@code index}: copies are spread evenly, so each site's patrons have copies at hand. */
    int copySite(long index) {
        return (int) (index % scale.sites());
    }

    /** Title of copy {@code index}: popular titles have many copies, most have a few. */
    int copyTitle(long index) {
        double r = new SplittableRandom(seed * 31 + index).nextDouble();
        return (int) Math.min(scale.titles() - 1, (long) (scale.titles() * r * r));
    }

    private static final int SITE_BITS = 20;

    /** Title and site of every copy, as {@code title << 20 | site}, sorted (8 bytes a copy: 48 MB for 6,000,000). */
    long[] titleSites() {
        long[] pairs = new long[scale.copies()];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = ((long) copyTitle(i) << SITE_BITS) | copySite(i);
        }
        Arrays.sort(pairs);
        return pairs;
    }

    /** The codes of the sites holding title {@code title}, in order, from {@link #titleSites()}. */
    static List<String> holdingSites(long[] titleSites, int title) {
        int low = 0;
        int high = titleSites.length;
        long first = (long) title << SITE_BITS;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (titleSites[middle] < first) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<String> sites = new ArrayList<>();
        for (int i = low; i < titleSites.length && titleSites[i] >>> SITE_BITS == title; i++) {
            if (i == low || titleSites[i] != titleSites[i - 1]) {
                sites.add(siteCode((int) (titleSites[i] & ((1L << SITE_BITS) - 1))));
            }
        }
        return sites;
    }

    /** The catalog's copy columns, in the order of {@link #catalogCopyRow}. */
    static final String CATALOG_COPY_COLUMNS = "id, title_id, barcode, site_code, status, call_number, shelf_key, "
            + "shelf_location, price, acquired_on, condition, categories, circulation_type, created_at, updated_at, "
            + "version";

    /** Everything of copy {@code index}, recomputed from the seed. */
    record CopyRecord(UUID id, String barcode, String site, BigDecimal price, LocalDate acquiredOn, TitleRecord title) {
    }

    CopyRecord copy(long index, LocalDate today) {
        SplittableRandom random = new SplittableRandom(seed * 17 + index);
        UUID id = new UUID(random.nextLong(), random.nextLong());
        BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(3500), 2);
        return new CopyRecord(id, copyBarcode(index), siteCode(copySite(index)), price,
                today.minusDays(random.nextInt(365 * 20)), title(copyTitle(index)));
    }

    /** The copy as the catalog keeps it, shelf key included (the catalog's own {@link ShelfKey}). */
    static Object[] catalogCopyRow(CopyRecord copy) {
        String callNumber = copy.title().callNumber();
        return new Object[] {copy.id(), copy.title().id(), copy.barcode(), copy.site(), "AVAILABLE", callNumber,
                ShelfKey.of(callNumber), "Main shelves", copy.price(), copy.acquiredOn(), "GOOD", List.of(),
                "REGULAR", "now", "now", 0};
    }

    private long copies(Connection catalog, Connection circulation, LongConsumer progress) throws SQLException {
        LocalDate today = LocalDate.now();
        try (CopyWriter c = new CopyWriter(catalog, "copy", CATALOG_COPY_COLUMNS);
             CopyWriter r = new CopyWriter(circulation, "copy", "id, barcode, title_id, title, site_code, "
                     + "catalog_status, circulation_state, circulation_type, material_type, dewey_number, price, "
                     + "withdrawn, catalog_updated_at")) {
            for (long i = 0; i < scale.copies(); i++) {
                CopyRecord copy = copy(i, today);
                TitleRecord t = copy.title();
                c.row(catalogCopyRow(copy));
                r.row(copy.id(), copy.barcode(), t.id(), t.title(), copy.site(), "AVAILABLE", "AVAILABLE", "REGULAR",
                        t.materialType(), t.dewey(), copy.price(), false, "now");
                progress.accept(1);
            }
            return c.rows() + r.rows();
        }
    }

    private static void analyze(Connection connection, String... tables) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            for (String table : tables) {
                s.execute("ANALYZE " + table);
            }
        }
    }

    /**
     * desk.csv (siteCode, patronBarcode, itemBarcode) for the desk scenarios, probe.csv the same for the freshness
     * probe (copies of its own, so it never meets a desk), lookup.csv (itemBarcode), search.csv (query).
     */
    private void writeFeeds(Path feeds) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 99);
        long probeCopies = Math.max(100, scale.copies() / 100);
        long deskCopies = scale.copies() - probeCopies;
        int deskRows = (int) Math.min(deskCopies, 200_000);
        long stride = Math.max(1, deskCopies / deskRows);
        try (BufferedWriter desk = Files.newBufferedWriter(feeds.resolve("desk.csv"));
             BufferedWriter probe = Files.newBufferedWriter(feeds.resolve("probe.csv"));
             BufferedWriter lookup = Files.newBufferedWriter(feeds.resolve("lookup.csv"))) {
            desk.write("siteCode,patronBarcode,itemBarcode\n");
            probe.write("siteCode,patronBarcode,itemBarcode\n");
            lookup.write("itemBarcode\n");
            for (int k = 0; k < deskRows; k++) {
                desk.write(deskRow(k * stride, random));
                lookup.write(copyBarcode(random.nextLong(scale.copies())) + "\n");
            }
            for (long copy = deskCopies; copy < scale.copies(); copy++) {
                probe.write(deskRow(copy, random));
            }
        }
        try (BufferedWriter search = Files.newBufferedWriter(feeds.resolve("search.csv"))) {
            search.write("query\n");
            for (int k = 0; k < 10_000; k++) {
                search.write(searchQuery(k, random) + "\n");
            }
        }
    }

    /**
     * Query {@code k} of the search feed, from a random title: one of its words (common ones most often, as the
     * words are drawn), the whole title, its author's surname, its subject, its ISBN, a misspelling of its longest
     * word, a word with filters.
     */
    String searchQuery(int k, SplittableRandom random) {
        TitleRecord t = title(random.nextInt(scale.titles()));
        String[] words = t.title().replace("The ", "").split(" ");
        return switch (k % 8) {
            case 0 -> "q=" + enc(words[0]);
            case 1 -> "q=" + enc(words[words.length - 1]);
            case 2 -> "q=" + enc(t.title());
            case 3 -> "q=" + enc(t.author().split(",")[0]);
            case 4 -> "q=" + enc(t.subject());
            case 5 -> "q=" + t.isbn();
            case 6 -> "q=" + enc(Words.misspelled(longest(words).toLowerCase(), random));
            default -> "q=" + enc(words[0]) + "&materialType=BOOK&siteCode=" + siteCode(random.nextInt(scale.sites()));
        };
    }

    private static String longest(String[] words) {
        String longest = words[0];
        for (String word : words) {
            longest = word.length() > longest.length() ? word : longest;
        }
        return longest;
    }

    /** A copy and a patron of the copy's site. */
    private String deskRow(long copy, SplittableRandom random) {
        int site = copySite(copy);
        int patronsPerSite = Math.max(1, scale.patrons() / scale.sites());
        int patron = site + scale.sites() * random.nextInt(patronsPerSite);
        return siteCode(site) + "," + patronBarcode(patron % scale.patrons()) + "," + copyBarcode(copy) + "\n";
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
