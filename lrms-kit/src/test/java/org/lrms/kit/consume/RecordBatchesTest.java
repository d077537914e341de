package org.lrms.kit.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lrms.events.EventEnvelope;
import org.lrms.events.EventJson;
import org.lrms.events.UnreadableEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class RecordBatchesTest {

    private final List<String> applied = new ArrayList<>();
    private final List<Long> setAside = new ArrayList<>();
    private final List<RuntimeException> reasons = new ArrayList<>();

    private static ConsumerRecord<String, String> record(long offset, String value) {
        return new ConsumerRecord<>("t.v1", 0, offset, "k", value);
    }

    private static String event(String note) {
        return EventJson.write(EventJson.envelope("test", "LHS", note, Map.of("note", note)));
    }

    private static String note(EventEnvelope event) {
        return event.aggregateId();
    }

    private int apply(List<ConsumerRecord<String, String>> records, String poison, int[] poisonFailures) {
        return RecordBatches.apply(records,
                events -> {
                    if (events.stream().anyMatch(e -> note(e).equals(poison))) {
                        throw new IllegalStateException("batch");
                    }
                    events.forEach(e -> applied.add(note(e)));
                },
                event -> {
                    if (note(event).equals(poison) && poisonFailures[0]-- > 0) {
                        throw new IllegalStateException("one");
                    }
                    applied.add(note(event));
                },
                (record, reason) -> {
                    setAside.add(record.offset());
                    reasons.add(reason);
                });
    }

    @Test
    void aGoodBatchIsAppliedInOneCallAndAnUnreadableRecordIsSetAsideFirst() {
        int failed = apply(List.of(record(0, event("a")), record(1, "not json"), record(2, event("b"))), "none",
                new int[]{0});
        assertEquals(1, failed);
        assertEquals(List.of("a", "b"), applied);
        assertEquals(List.of(1L), setAside);
        assertInstanceOf(UnreadableEventException.class, reasons.get(0));
    }

    @Test
    void whenTheBatchFailsOnlyTheEventThatKeepsFailingIsSetAsideAfterItsAttempts() {
        int failed = apply(List.of(record(0, event("a")), record(1, event("bad")), record(2, event("c"))), "bad",
                new int[]{RecordBatches.ATTEMPTS});
        assertEquals(1, failed);
        assertEquals(List.of("a", "c"), applied);
        assertEquals(List.of(1L), setAside);
    }

    @Test
    void anEventThatFailsLessOftenThanItsAttemptsIsAppliedOnRetry() {
        int failed = apply(List.of(record(0, event("a")), record(1, event("flaky"))), "flaky",
                new int[]{RecordBatches.ATTEMPTS - 1});
        assertEquals(0, failed);
        assertEquals(List.of("a", "flaky"), applied);
        assertEquals(List.of(), setAside);
    }
}
