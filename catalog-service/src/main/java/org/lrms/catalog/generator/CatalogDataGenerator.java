package org.lrms.catalog.generator;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Loads a synthetic union catalog (sites, titles, copies) with PostgreSQL COPY, for benchmarks and demos. Plain JDBC,
 * no Quarkus: a benchmark module can call it with any connection to a catalog database migrated by Flyway. The same
 * seed gives the same data (ids, barcodes, words), so runs are comparable. It writes no outbox events: the data is a
 * starting state, not a history.
 *
 * <pre>
 * new CatalogDataGenerator(42).load(connection, new CatalogDataGenerator.Size(1_000_000, 6, 1200));
 * </pre>
 */
public final class CatalogDataGenerator {

    /** How much to load: titles, copies per title on average, and the number of school sites. */
    public record Size(int titles, int copiesPerTitle, int sites) {
    }

    /** What was loaded: the site codes and a sample of barcodes to look up in a benchmark. */
    public record Loaded(List<String> siteCodes, long titles, long copies, List<String> sampleBarcodes,
                         List<String> sampleWords) {
    }

    static final int BATCH = 20_000;
    static final String[] WORDS = {"river", "dragon", "secret", "garden", "moon", "island", "winter", "shadow",
            "journey", "castle", "forest", "ocean", "silver", "stone", "wind", "fire", "lost", "city", "star",
            "mountain", "history", "science", "planet", "animal", "music", "school", "friend", "summer", "night",
            "light", "storm", "tiger", "horse", "machine", "robot", "mystery", "kingdom", "bridge", "voyage",
            "hidden", "golden", "ancient", "wild", "brave", "little", "great", "last", "first", "dark", "bright"};
    static final String[] FIRST = {"Ana", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines",
            "Jamal", "Kira", "Luis", "Maya", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tara"};
    static final String[] LAST = {"Garcia", "Smith", "Nguyen", "Johnson", "Lopez", "Brown", "Kim", "Martinez",
            "Davis", "Wilson", "Okafor", "Rossi", "Novak", "Singh", "Cohen", "Silva", "Muller", "Tanaka"};
    static final String[] TYPES = {"BOOK", "BOOK", "BOOK", "BOOK", "BOOK", "BOOK", "EBOOK", "AUDIOBOOK", "DVD",
            "PERIODICAL", "KIT"};
    static final String[] LANGUAGES = {"eng", "eng", "eng", "eng", "spa", "spa", "fre", "vie", "chi"};
    static final String[] STATUSES = {"AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE", "AVAILABLE",
            "AVAILABLE", "AVAILABLE", "CHECKED_OUT", "CHECKED_OUT", "MISSING"};
    static final String[] SHELVES = {"Fiction", "Nonfiction", "Easy", "Reference", "Biography", "Graphic"};

    private final long seed;

    public CatalogDataGenerator(long seed) {
        this.seed = seed;
    }

    /** Loads everything in one transaction per batch; the connection's auto-commit is left as it was. */
    public Loaded load(Connection connection, Size size) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(seed);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<String> sites = sites(connection, size.sites());
        List<String> sampleBarcodes = new ArrayList<>();
        List<String> sampleWords = new ArrayList<>();
        StringBuilder titles = new StringBuilder();
        StringBuilder copies = new StringBuilder();
        long copyCount = 0;
        long barcode = 10_000_000L + (seed % 1000) * 100_000_000L;
        for (int t = 0; t < size.titles(); t++) {
            UUID titleId = new UUID(seed, t);
            String w1 = pick(random, WORDS);
            String w2 = pick(random, WORDS);
            String name = capitalize(random.nextBoolean() ? "the " + w1 + " " + w2 : w1 + " of the " + w2)
                    + (random.nextInt(4) == 0 ? " " + (1 + random.nextInt(9)) : "");
            String author = pick(random, LAST) + ", " + pick(random, FIRST);
            String isbn = isbn13(random);
            int year = 1950 + random.nextInt(76);
            String type = pick(random, TYPES);
            String dewey = random.nextInt(3) == 0 ? "FIC" : String.format("%03d.%d", random.nextInt(1000),
                    random.nextInt(100));
            String subject = capitalize(pick(random, WORDS)) + " -- " + capitalize(pick(random, WORDS));
            titles.append(titleId).append('\t').append(name).append('\t').append("{\"").append(author)
                    .append("\"}\t{").append(isbn).append("}\t{").append(isbn).append("}\t")
                    .append("Generated Press\t").append(year).append('\t').append(type).append('\t')
                    .append(dewey).append("\t{\"").append(subject).append("\"}\t")
                    .append(pick(random, LANGUAGES)).append('\t').append(1 + random.nextInt(8)).append('.')
                    .append(random.nextInt(10)).append('\n');
            if (t % 1000 == 0 && sampleWords.size() < 200) {
                sampleWords.add(w1 + " " + w2);
            }
            int n = Math.max(0, size.copiesPerTitle() - 2 + random.nextInt(5));
            for (int c = 0; c < n; c++) {
                String code = "G" + (barcode++);
                copies.append(new UUID(~seed, copyCount)).append('\t').append(titleId).append('\t').append(code)
                        .append('\t').append(sites.get(random.nextInt(sites.size()))).append('\t')
                        .append(pick(random, STATUSES)).append('\t').append(dewey).append('\t')
                        .append(pick(random, SHELVES)).append('\t').append(5 + random.nextInt(40)).append(".99\t")
                        .append(LocalDate.of(2000 + random.nextInt(26), 1 + random.nextInt(12), 1)).append('\n');
                if (copyCount % 10_000 == 0 && sampleBarcodes.size() < 1000) {
                    sampleBarcodes.add(code);
                }
                copyCount++;
            }
            if ((t + 1) % BATCH == 0) {
                flush(copy, titles, copies);
            }
        }
        flush(copy, titles, copies);
        return new Loaded(sites, size.titles(), copyCount, sampleBarcodes, sampleWords);
    }

    private static void flush(CopyManager copy, StringBuilder titles, StringBuilder copies)
            throws SQLException, IOException {
        if (!titles.isEmpty()) {
            copy.copyIn("COPY title (id, title, authors, isbns, isbn13s, publisher, publication_year, material_type,"
                    + " dewey_number, subjects, language, reading_level) FROM STDIN",
                    new StringReader(titles.toString()));
            titles.setLength(0);
        }
        if (!copies.isEmpty()) {
            copy.copyIn("COPY copy (id, title_id, barcode, site_code, status, call_number, shelf_location, price,"
                    + " acquired_on) FROM STDIN", new StringReader(copies.toString()));
            copies.setLength(0);
        }
    }

    private static List<String> sites(Connection connection, int count) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO site (code, name, site_type, active)"
                + " VALUES (?, ?, ?, TRUE) ON CONFLICT (code) DO NOTHING")) {
            for (int i = 1; i <= count; i++) {
                String code = String.format("G%04d", i);
                codes.add(code);
                insert.setString(1, code);
                insert.setString(2, "Generated school " + i);
                insert.setString(3, i % 3 == 0 ? "HIGH" : i % 3 == 1 ? "ELEMENTARY" : "MIDDLE");
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return codes;
    }

    /** A valid ISBN-13 (978 prefix, correct check digit). */
    static String isbn13(SplittableRandom random) {
        StringBuilder digits = new StringBuilder("978");
        for (int i = 0; i < 9; i++) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
