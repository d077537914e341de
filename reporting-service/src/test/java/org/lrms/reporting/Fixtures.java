package org.lrms.reporting;

import org.lrms.events.acquisitions.ItemsReceived;
import org.lrms.events.acquisitions.OrderedTitle;
import org.lrms.events.catalog.CopySnapshot;
import org.lrms.events.catalog.TitleSnapshot;
import org.lrms.events.circulation.LoanSnapshot;
import org.lrms.events.circulation.PatronSnapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Event payloads as the source services publish them, with only what a test cares about to fill in. */
public final class Fixtures {

    private Fixtures() {
    }

    public static TitleSnapshot title(UUID titleId, String name, String materialType, String dewey, Integer year) {
        return new TitleSnapshot(titleId, name, null, List.of("A. Author"), List.of(), "Publisher", year,
                materialType, dewey, dewey, "eng", List.of(), null, null);
    }

    public static CopySnapshot copy(UUID copyId, UUID titleId, String site, String materialType, String dewey,
                                    Integer year, String price, LocalDate acquiredOn) {
        return new CopySnapshot(copyId, "B" + copyId.toString().substring(0, 8), titleId, "A title", "A. Author",
                site, "AVAILABLE", "REGULAR", materialType, dewey, dewey, null,
                price == null ? null : new BigDecimal(price), acquiredOn, null, "GOOD", List.of(), year, null);
    }

    public static LoanSnapshot loan(UUID loanId, UUID titleId, String site, String patronKey, String patronType,
                                    String grade, String materialType, String dewey, Instant loanedAt) {
        return new LoanSnapshot(loanId, UUID.randomUUID(), "I" + loanId.toString().substring(0, 8), titleId, site,
                patronKey, patronType, grade, materialType, "REGULAR", dewey, loanedAt,
                loanedAt.plusSeconds(14 * 86400), 0);
    }

    public static PatronSnapshot patron(String patronKey, String type, String site, String grade, String homeroom,
                                        String status) {
        return new PatronSnapshot(UUID.randomUUID(), patronKey, "P-" + patronKey, "SIS-" + patronKey, null,
                "Firstname", "Lastname", type, site, grade, homeroom, status);
    }

    /** One receipt line as acquisitions publishes it (a new receipt and line each time). */
    public static ItemsReceived receipt(String site, String lineKind, String fund, String vendor, String materialType,
                                        int quantity, String unitPrice, String currency, LocalDate receivedOn) {
        return new ItemsReceived(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), vendor,
                fund, site, lineKind, quantity, new BigDecimal(unitPrice), currency, receivedOn,
                new OrderedTitle(null, "A title", List.of("A. Author"), List.of("9780000000002"), "Publisher", 2024,
                        materialType), List.of());
    }
}
