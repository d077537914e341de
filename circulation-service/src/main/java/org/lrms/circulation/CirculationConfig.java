package org.lrms.circulation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

import java.math.BigDecimal;
import java.time.ZoneId;

/** Service settings ({@code circulation.*}). */
@ConfigMapping(prefix = "circulation")
public interface CirculationConfig {

    /** The district's time zone: due dates end at the end of a local day. */
    @WithDefault("America/Los_Angeles")
    ZoneId timeZone();

    Blocks blocks();

    Holds holds();

    Privacy privacy();

    Notices notices();

    Offline offline();

    BulkWaivers bulkWaivers();

    Photos photos();

    /** When the daily loan sweep (overdue, lost) runs ({@code off} to disable). */
    @WithDefault("0 0 5 * * ?")
    String sweepCron();

    /** The HMAC secret of the pseudonymous patron key events carry (see PatronKeys). */
    String patronKeySecret();

    interface Privacy {
        /**
         * When the nightly anonymization of closed loans kept past the privacy policy's period runs ({@code off} to
         * disable; the period itself is data: {@code /api/v1/privacy-policy}).
         */
        @WithDefault("0 15 5 * * ?")
        String anonymizeCron();
    }

    interface Offline {
        /**
         * When the records of offline transactions too old to be uploaded again are deleted ({@code off} to
         * disable): they name the patron and the item.
         */
        @WithDefault("0 45 5 * * ?")
        String purgeCron();
    }

    interface Notices {
        /**
         * When the daily e-mailing of pending notices runs, after the sweep has written the day's overdue notices
         * ({@code off} to disable: staff then send them from the notices screen).
         */
        @WithDefault("0 0 7 * * ?")
        String emailCron();
    }

    interface BulkWaivers {
        /**
         * Patrons a year-end bulk waiver waives per transaction: a district's graduating class is tens of thousands
         * of fees, which one transaction would hold locked (and in memory) all at once.
         */
        @WithDefault("500")
        @Min(1)
        int patronsPerTransaction();
    }

    interface Photos {
        /** The most bytes a patron's picture may have (a school photo is some 50-300 KB). */
        @WithDefault("2097152")
        @Min(1)
        int maxBytes();

        /** The most pixels a patron's picture may have across and down. */
        @WithDefault("4000")
        @Min(1)
        int maxSide();

        /**
         * The most pixels a stored picture has on its long side: every picture is stored re-encoded as a JPEG this
         * size at most (a desk shows some 200 pixels), never as uploaded, so no EXIF (a phone's GPS position) is kept.
         */
        @WithDefault("600")
        @Min(16)
        int storedSide();

        /** The most entries a zip of patron photos may hold; the rest is not read. */
        @WithDefault("20000")
        @Min(1)
        int importMaxEntries();

        /**
         * The most bytes a zip of patron photos may inflate to, all entries together, those skipped included (a zip
         * bomb inflates a few kilobytes to gigabytes); the rest is not read. Pictures hardly compress, so a real zip
         * inflates to about its own size, and the request body is at most 200 MB.
         */
        @WithDefault("1073741824")
        @Min(1)
        long importMaxInflatedBytes();
    }

    interface Holds {
        /** When the daily hold-shelf expiry runs ({@code off} to disable). */
        @WithDefault("0 30 5 * * ?")
        String expiryCron();
    }

    interface Blocks {
        /** A patron owing more than this may not borrow (a supervisor may override). */
        @WithDefault("10.00")
        BigDecimal feeLimit();

        /** A patron with this many overdue loans may not borrow more (a supervisor may override). */
        @WithDefault("3")
        int maxOverdueItems();
    }
}
