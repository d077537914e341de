package org.lrms.events.acquisitions;

import org.lrms.events.EventType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Items of one order line arrived on a receipt (topic {@code acquisitions.receipts.v1}, key = receipt id, envelope
 * {@code siteCode} = the destination site). One event per receipt line: a line received in two deliveries is two
 * receipts, two events. The catalog makes copies of {@code LIBRARY} lines; the textbook service takes
 * {@code TEXTBOOK} lines.
 *
 * @param receiptId     the receipt (one delivery checked in)
 * @param receiptLineId unique per receipt and order line: consumers take each receipt line in once
 * @param orderId       the purchase order
 * @param orderLineId   the order line received
 * @param vendor        who delivered (the vendor's name or code)
 * @param fundCode      the fund the line is paid from (the copies' funding source)
 * @param siteCode      where the items go (a school, or {@code DISTRICT} central processing)
 * @param lineKind      {@link #LIBRARY} or {@link #TEXTBOOK}
 * @param quantity      how many items arrived on this receipt (at least 1)
 * @param unitPrice     the price of one item, in {@code currency}
 * @param currency      ISO 4217, e.g. {@code USD}
 * @param receivedOn    the day they arrived (the copies' acquisition date)
 * @param title         what was ordered: a catalog title id, or its bibliographic data
 * @param barcodes      the items' barcodes when the vendor pre-processed them (as many as {@code quantity}); empty
 *                      or null: the receiving site's automatic barcodes
 */
@EventType(name = "ItemsReceived")
public record ItemsReceived(UUID receiptId, UUID receiptLineId, UUID orderId, UUID orderLineId, String vendor,
                            String fundCode, String siteCode, String lineKind, int quantity, BigDecimal unitPrice,
                            String currency, LocalDate receivedOn, OrderedTitle title, List<String> barcodes) {

    public static final String LIBRARY = "LIBRARY";
    public static final String TEXTBOOK = "TEXTBOOK";
}
