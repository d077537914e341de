package org.lrms.reporting.textbook;

/**
 * Whether a site has enough copies of an adopted textbook title: the copies needed are the enrolled students times
 * the copies each needs; the copies that serve them are those already out with students and those on the shelf
 * (damaged, in transit or in processing copies do not). The shortfall is what is missing, never below zero.
 *
 * @param needed    copies needed
 * @param usable    copies distributed or available
 * @param shortfall copies missing
 */
public record Sufficiency(long needed, long usable, long shortfall) {

    public static Sufficiency of(long enrolledStudents, int copiesPerStudent, long available, long distributed) {
        return ofNeeded(Math.multiplyExact(enrolledStudents, copiesPerStudent), available, distributed);
    }

    public static Sufficiency ofNeeded(long needed, long available, long distributed) {
        long usable = available + distributed;
        return new Sufficiency(needed, usable, Math.max(0, needed - usable));
    }

    public boolean sufficient() {
        return shortfall == 0;
    }
}
