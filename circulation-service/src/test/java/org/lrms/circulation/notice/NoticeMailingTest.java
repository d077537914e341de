package org.lrms.circulation.notice;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class NoticeMailingTest {

    private final NoticeView first = notice("ana@students.example.org");
    private final NoticeView noAddress = notice(null);
    private final NoticeView second = notice("ben@students.example.org");
    private final NoticeView third = notice("cy@students.example.org");

    /** The notices' e-mailed marks, as the notice table keeps them; some may be another run's already. */
    private static final class Marks implements NoticeMailing.Marks {
        final Set<UUID> emailed = new LinkedHashSet<>();

        Marks(UUID... takenByAnotherRun) {
            emailed.addAll(List.of(takenByAnotherRun));
        }

        @Override
        public boolean claim(UUID noticeId) {
            return emailed.add(noticeId);
        }

        @Override
        public void release(UUID noticeId) {
            emailed.remove(noticeId);
        }
    }

    @Test
    void eachNoticeIsClaimedThenSentAndThoseWithoutAnAddressAreLeftForPrinting() {
        List<UUID> posted = new ArrayList<>();
        Marks marks = new Marks();
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(first, noAddress, second, third), n -> {
            assertEquals(true, marks.emailed.contains(n.id()), "claimed before its mail goes");
            posted.add(n.id());
        }, marks);
        assertEquals(new NoticeMailing.Outcome(3, 0, null), outcome);
        assertEquals(List.of(first.id(), second.id(), third.id()), posted);
        assertEquals(Set.copyOf(posted), marks.emailed);
    }

    @Test
    void aNoticeAnotherRunHasClaimedIsNotSentAgain() {
        List<UUID> posted = new ArrayList<>();
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(first, second, third), n -> posted.add(n.id()),
                new Marks(second.id()));
        assertEquals(List.of(first.id(), third.id()), posted);
        assertEquals(2, outcome.sent());
    }

    @Test
    void aServerThatStopsTakingMailEndsTheRunKeepingWhatWentOutAndLeavingTheRestPending() {
        Marks marks = new Marks();
        IllegalStateException refused = new IllegalStateException("554 refused");
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(first, noAddress, second, third), n -> {
            if (n == second) {
                throw refused;
            }
        }, marks);
        assertEquals(1, outcome.sent());
        assertEquals(2, outcome.left());
        assertSame(refused, outcome.stoppedBy());
        assertEquals(Set.of(first.id()), marks.emailed, "only the mail the server took stays e-mailed");
    }

    @Test
    void nothingToSendIsNoRun() {
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(noAddress), n -> {
            throw new AssertionError("no address, no mail");
        }, new NoticeMailing.Marks() {
            @Override
            public boolean claim(UUID noticeId) {
                throw new AssertionError("nothing to claim");
            }

            @Override
            public void release(UUID noticeId) {
                throw new AssertionError("nothing to release");
            }
        });
        assertEquals(0, outcome.sent());
        assertNull(outcome.stoppedBy());
    }

    private static NoticeView notice(String email) {
        return new NoticeView(UUID.randomUUID(), "OVERDUE", 1, "en", "P1", "A Patron", "9A", null, email,
                "Overdue", "body", Instant.now(), null, null);
    }
}
