package org.lrms.circulation.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverdueStagesTest {

    private static final Instant DUE = Instant.parse("2026-10-01T06:59:59Z");
    private static final List<NoticeStage> DISTRICT = OverdueStages.DISTRICT_DEFAULT;

    private static Instant after(long days, long hours) {
        return DUE.plus(Duration.ofDays(days)).plus(Duration.ofHours(hours));
    }

    @Test
    void aLoanReachesEachStageOnceOverdueByItsDays() {
        assertEquals(0, OverdueStages.reached(DISTRICT, DUE, DUE));
        assertEquals(0, OverdueStages.reached(DISTRICT, DUE, after(0, 23)));
        assertEquals(1, OverdueStages.reached(DISTRICT, DUE, after(1, 0)));
        assertEquals(1, OverdueStages.reached(DISTRICT, DUE, after(13, 23)));
        assertEquals(2, OverdueStages.reached(DISTRICT, DUE, after(14, 0)));
        assertEquals(2, OverdueStages.reached(DISTRICT, DUE, after(27, 5)));
        assertEquals(3, OverdueStages.reached(DISTRICT, DUE, after(28, 0)));
        assertEquals(3, OverdueStages.reached(DISTRICT, DUE, after(400, 0)));
    }

    @Test
    void aSweepThatDidNotRunJumpsToTheHighestStageReached() {
        assertEquals(3, OverdueStages.reached(DISTRICT, DUE, after(30, 0)));
    }

    @Test
    void aStageOfZeroDaysIsReachedAsSoonAsTheLoanIsOverdue() {
        List<NoticeStage> stages = List.of(new NoticeStage(0, false), new NoticeStage(7, true));
        assertEquals(0, OverdueStages.reached(stages, DUE, DUE));
        assertEquals(1, OverdueStages.reached(stages, DUE, DUE.plusSeconds(1)));
        assertEquals(2, OverdueStages.reached(stages, DUE, after(7, 0)));
        assertEquals(2, OverdueStages.reached(stages, DUE, after(99, 0)), "a policy may have fewer than 3 stages");
    }

    @Test
    void aBlockingStageKeepsBlockingAtTheStagesAfterIt() {
        List<NoticeStage> stages = List.of(new NoticeStage(1, false), new NoticeStage(10, true),
                new NoticeStage(20, false));
        assertFalse(OverdueStages.blocksAt(stages, 0));
        assertFalse(OverdueStages.blocksAt(stages, 1));
        assertTrue(OverdueStages.blocksAt(stages, 2));
        assertTrue(OverdueStages.blocksAt(stages, 3));
        assertTrue(OverdueStages.blocksAt(DISTRICT, 3));
        assertFalse(OverdueStages.blocksAt(DISTRICT, 2));
    }

    @Test
    void stagesMustBeOneToThreeWithDaysNotNegativeAndIncreasing() {
        assertTrue(OverdueStages.violations(DISTRICT).isEmpty());
        assertTrue(OverdueStages.violations(List.of(new NoticeStage(0, true))).isEmpty());
        assertEquals("overdueNotices", OverdueStages.violations(List.of()).get(0).field());
        assertEquals("overdueNotices", OverdueStages.violations(List.of(new NoticeStage(1, false),
                new NoticeStage(2, false), new NoticeStage(3, false), new NoticeStage(4, false))).get(0).field());
        assertEquals("overdueNotices[0].afterDays",
                OverdueStages.violations(List.of(new NoticeStage(-1, false))).get(0).field());
        assertEquals("overdueNotices[1].afterDays", OverdueStages.violations(List.of(new NoticeStage(14, false),
                new NoticeStage(14, false))).get(0).field());
        assertEquals("overdueNotices[2].afterDays", OverdueStages.violations(List.of(new NoticeStage(1, false),
                new NoticeStage(14, false), new NoticeStage(7, true))).get(0).field());
    }

    @Test
    void daysOverdueAreWholeDaysAfterTheDueTime() {
        assertEquals(0, OverdueStages.daysOverdue(DUE, DUE.minusSeconds(60)));
        assertEquals(0, OverdueStages.daysOverdue(DUE, after(0, 23)));
        assertEquals(5, OverdueStages.daysOverdue(DUE, after(5, 1)));
    }
}
