package org.lrms.reporting.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reading numbers out of native query rows. */
public final class Scalars {

    private Scalars() {
    }

    public static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** An average rounded to one decimal, or null when there was nothing to average. */
    public static Double average(Object value) {
        if (value == null) {
            return null;
        }
        return BigDecimal.valueOf(((Number) value).doubleValue()).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    public static BigDecimal money(Object value) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal amount = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).doubleValue());
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code part / whole} to two decimals, or null when there is no whole. */
    public static Double ratio(long part, Long whole) {
        if (whole == null || whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).doubleValue();
    }
}
