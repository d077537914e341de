package org.lrms.events;

/** Topic names: one topic per aggregate, versioned. Keys are the aggregate id. See shared ARCHITECTURE.md. */
public final class Topics {
    public static final String CATALOG_TITLES = "catalog.titles.v1";
    public static final String CATALOG_COPIES = "catalog.copies.v1";
    public static final String CATALOG_INVENTORIES = "catalog.inventories.v1";
    public static final String CIRCULATION_LOANS = "circulation.loans.v1";
    public static final String CIRCULATION_HOLDS = "circulation.holds.v1";
    public static final String CIRCULATION_FEES = "circulation.fees.v1";
    public static final String CIRCULATION_PATRONS = "circulation.patrons.v1";
    public static final String CIRCULATION_ROSTER = "circulation.roster.v1";
    public static final String CIRCULATION_SITES = "circulation.sites.v1";
    public static final String TEXTBOOK_CHARGES = "textbook.charges.v1";
    /** Textbook adoptions per course (TextbookAdoptionUpserted), key the adoption id. */
    public static final String TEXTBOOK_ADOPTIONS = "textbook.adoptions.v1";
    /** Each site's counts of each textbook title (TextbookStockCounted), key {@code siteCode:textbookTitleId}. */
    public static final String TEXTBOOK_STOCK = "textbook.stock.v1";
    /** Textbook copies handed out, returned, declared lost (TextbookDistributed ...), key the distribution id. */
    public static final String TEXTBOOK_DISTRIBUTIONS = "textbook.distributions.v1";
    public static final String ACQUISITIONS_RECEIPTS = "acquisitions.receipts.v1";
    public static final String ACQUISITIONS_ORDERS = "acquisitions.orders.v1";
    public static final String ACQUISITIONS_INVOICES = "acquisitions.invoices.v1";

    /** Where a consumer puts a record it cannot process, with the reason in the headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
