package org.lrms.events.textbook;

import org.lrms.events.EventType;

import java.time.Instant;
import java.util.UUID;

/**
 * How many copies of one textbook title a site holds, and in which state, as the textbook service counts them now
 * (topic {@code textbook.stock.v1}, key {@code siteCode + ":" + textbookTitleId}, envelope {@code siteCode} the
 * site). Published whenever the counts change (a receipt, a distribution, a return, a loss, a transfer, a count) or
 * at least once a day; each is a whole snapshot, and a snapshot older ({@code countedAt}) than the one a consumer
 * holds changes nothing.
 *
 * @param siteCode        the site holding the copies
 * @param textbookTitleId the textbook title
 * @param isbn            its ISBN, if it has one
 * @param title           its name
 * @param copies          copies the site holds (not withdrawn, not lost): at least {@code available + distributed
 *                        + damaged}; the rest are in transit or in processing
 * @param available       copies on the shelf, ready to be distributed
 * @param distributed     copies out with students (distributed, neither returned nor declared lost)
 * @param lost            copies declared lost and not found since (not in {@code copies})
 * @param damaged         copies held that cannot be distributed until repaired or replaced
 * @param countedAt       when these counts held
 */
@EventType(name = "TextbookStockCounted")
public record TextbookStockCounted(String siteCode, UUID textbookTitleId, String isbn, String title, int copies,
                                   int available, int distributed, int lost, int damaged, Instant countedAt) {

    /** The Kafka key of a site's counts of a title. */
    public static String key(String siteCode, UUID textbookTitleId) {
        return siteCode + ":" + textbookTitleId;
    }
}
