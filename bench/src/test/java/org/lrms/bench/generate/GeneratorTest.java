package org.lrms.bench.generate;

import org.junit.jupiter.api.Test;
import org.lrms.catalog.copy.ShelfKey;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorTest {

    private static DistrictGenerator generator(long seed) {
        return new DistrictGenerator(Scale.named("small"), seed, "jdbc:none", "jdbc:none", "u", "p");
    }

    @Test
    void sameSeedGivesTheSameDistrict() {
        assertEquals(generator(7).title(1234), generator(7).title(1234));
        assertEquals(generator(7).copyTitle(99), generator(7).copyTitle(99));
        assertNotEquals(generator(7).title(1234), generator(8).title(1234));
    }

    @Test
    void generatedIsbnsAreValidIsbn13s() {
        for (long n = 0; n < 2_000; n += 37) {
            String isbn = Words.isbn13(n);
            assertEquals(13, isbn.length());
            int sum = 0;
            for (int i = 0; i < 13; i++) {
                sum += (isbn.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
            }
            assertEquals(0, sum % 10, isbn + " has a wrong check digit");
        }
        assertEquals("9780306406157", Words.isbn13(30640615L));
    }

    @Test
    void barcodesAreUniqueAndCopiesSpreadOverEverySite() {
        DistrictGenerator g = generator(1);
        Set<String> barcodes = new HashSet<>();
        Set<Integer> sites = new HashSet<>();
        for (long i = 0; i < 3_000; i++) {
            barcodes.add(DistrictGenerator.copyBarcode(i));
            sites.add(g.copySite(i));
            int title = g.copyTitle(i);
            assertTrue(title >= 0 && title < 20_000);
        }
        assertEquals(3_000, barcodes.size());
        assertEquals(Set.of(0, 1, 2), sites);
        assertEquals("S0001", DistrictGenerator.siteCode(0));
    }

    @Test
    void copiesCarryTheShelfKeyTheCatalogComputes() {
        List<String> columns = List.of(DistrictGenerator.CATALOG_COPY_COLUMNS.split(", "));
        DistrictGenerator g = generator(3);
        for (long i = 0; i < 200; i++) {
            Object[] row = DistrictGenerator.catalogCopyRow(g.copy(i, LocalDate.of(2026, 9, 1)));
            assertEquals(columns.size(), row.length);
            String callNumber = (String) row[columns.indexOf("call_number")];
            assertEquals(g.title(g.copyTitle(i)).callNumber(), callNumber);
            assertEquals(ShelfKey.of(callNumber), row[columns.indexOf("shelf_key")]);
            assertNotNull(row[columns.indexOf("shelf_key")], callNumber);
        }
    }

    @Test
    void titlesCarryTheSitesOfTheirCopies() {
        DistrictGenerator g = generator(5);
        Map<Integer, Set<String>> expected = new HashMap<>();
        for (long i = 0; i < Scale.named("small").copies(); i++) {
            expected.computeIfAbsent(g.copyTitle(i), t -> new TreeSet<>())
                    .add(DistrictGenerator.siteCode(g.copySite(i)));
        }
        long[] titleSites = g.titleSites();
        int withoutCopies = 0;
        for (int title = 0; title < Scale.named("small").titles(); title++) {
            List<String> sites = DistrictGenerator.holdingSites(titleSites, title);
            assertEquals(List.copyOf(expected.getOrDefault(title, Set.of())), sites, "title " + title);
            withoutCopies += sites.isEmpty() ? 1 : 0;
        }
        assertTrue(withoutCopies > 0, "some titles have no copy");
        assertEquals(3, expected.get(0).size(), "the most popular title is at every site");
    }

    @Test
    void scalesAreNamedOrGivenByParameters() {
        Scale district = Scale.named("district");
        assertEquals(1_200, district.sites());
        assertEquals(6_000_000, district.copies());
        Scale custom = Scale.named("small").with(null, null, 1_000_000, null);
        assertEquals("custom", custom.name());
        assertEquals(1_000_000, custom.titles());
        assertThrows(IllegalArgumentException.class, () -> Scale.named("huge"));
    }

    @Test
    void arraysAreQuotedForCopy() {
        assertEquals("{\"Sachar, Louis\",\"say \\\"hi\\\"\"}", CopyWriter.pgArray(List.of("Sachar, Louis", "say \"hi\"")));
    }
}
