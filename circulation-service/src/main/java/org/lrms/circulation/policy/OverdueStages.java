package org.lrms.circulation.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The overdue notice stages of a policy (one to three) and the stage a loan has reached. Plain Java. */
public final class OverdueStages {

    public static final int MAX_STAGES = 3;

    /** The district's default: a reminder after 1 day, a second notice after 14, a final one after 28 that blocks. */
    public static final List<NoticeStage> DISTRICT_DEFAULT = List.of(new NoticeStage(1, false),
            new NoticeStage(14, false), new NoticeStage(28, true));

    private OverdueStages() {
    }

    /** Whole days a loan due at {@code dueAt} is overdue at {@code now} (0 while not yet overdue). */
    public static long daysOverdue(Instant dueAt, Instant now) {
        return now.isAfter(dueAt) ? Duration.between(dueAt, now).toDays() : 0;
    }

    /**
     * The highest stage (1-based) a loan due at {@code dueAt} has reached at {@code now}, 0 when none: a loan reaches
     * a stage once it is overdue ({@code now} after {@code dueAt}) by at least the stage's days.
     */
    public static int reached(List<NoticeStage> stages, Instant dueAt, Instant now) {
        if (!now.isAfter(dueAt)) {
            return 0;
        }
        long days = daysOverdue(dueAt, now);
        int reached = 0;
        for (int i = 0; i < stages.size(); i++) {
            if (days >= stages.get(i).afterDays()) {
                reached = i + 1;
            }
        }
        return reached;
    }

    /** Whether reaching {@code stage} blocks the patron: that stage or an earlier one blocks. */
    public static boolean blocksAt(List<NoticeStage> stages, int stage) {
        for (int i = 0; i < Math.min(stage, stages.size()); i++) {
            if (stages.get(i).blocks()) {
                return true;
            }
        }
        return false;
    }

    /** What is wrong with a policy's stages: one to three, days not negative and increasing from stage to stage. */
    public static List<PolicyRule.Violation> violations(List<NoticeStage> stages) {
        List<PolicyRule.Violation> out = new ArrayList<>();
        if (stages == null || stages.isEmpty() || stages.size() > MAX_STAGES) {
            out.add(new PolicyRule.Violation("overdueNotices", "give one to three stages"));
            return out;
        }
        for (int i = 0; i < stages.size(); i++) {
            int days = stages.get(i).afterDays();
            String field = "overdueNotices[" + i + "].afterDays";
            if (days < 0) {
                out.add(new PolicyRule.Violation(field, "must not be negative"));
            } else if (days > 3650) {
                out.add(new PolicyRule.Violation(field, "must be at most 3650"));
            } else if (i > 0 && days <= stages.get(i - 1).afterDays()) {
                out.add(new PolicyRule.Violation(field, "must be more than the days of stage " + i));
            }
        }
        return out;
    }
}
