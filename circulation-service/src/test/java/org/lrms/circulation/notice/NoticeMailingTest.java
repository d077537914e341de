package org.lrms.circulation.notice;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class NoticeMailingTest {

    private final NoticeView first = notice("ana@students.example.org");
    private final NoticeView noAddress = notice(null);
    private final NoticeView second = notice("ben@students.example.org");
    private final NoticeView third = notice("cy@students.example.org");

    @Test
    void eachNoticeTheServerTookIsMarkedAndThoseWithoutAnAddressAreLeftForPrinting() {
        List<UUID> posted = new ArrayList<>();
        List<UUID> marked = new ArrayList<>();
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(first, noAddress, second, third),
                n -> posted.add(n.id()), marked::add);
        assertEquals(new NoticeMailing.Outcome(3, 0, null), outcome);
        assertEquals(List.of(first.id(), second.id(), third.id()), posted);
        assertEquals(posted, marked);
    }

    @Test
    void aServerThatStopsTakingMailEndsTheRunKeepingWhatWentOutAndLeavingTheRestPending() {
        List<UUID> marked = new ArrayList<>();
        IllegalStateException refused = new IllegalStateException("554 refused");
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(first, noAddress, second, third), n -> {
            if (n == second) {
                throw refused;
            }
        }, marked::add);
        assertEquals(1, outcome.sent());
        assertEquals(2, outcome.left());
        assertSame(refused, outcome.stoppedBy());
        assertEquals(List.of(first.id()), marked, "only the mail the server took counts as e-mailed");
    }

    @Test
    void nothingToSendIsNoRun() {
        NoticeMailing.Outcome outcome = NoticeMailing.send(List.of(noAddress), n -> {
            throw new AssertionError("no address, no mail");
        }, id -> {
            throw new AssertionError("nothing to mark");
        });
        assertEquals(0, outcome.sent());
        assertNull(outcome.stoppedBy());
    }

    private static NoticeView notice(String email) {
        return new NoticeView(UUID.randomUUID(), "OVERDUE", 1, "en", "P1", "A Patron", "9A", null, email,
                "Overdue", "body", Instant.now(), null, null);
    }
}
