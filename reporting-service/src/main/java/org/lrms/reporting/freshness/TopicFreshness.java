package org.lrms.reporting.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.lrms.kit.jdbc.Columns.instant;

/** The last applied event of each topic, written in the ingestion transaction (so a rebuild restores it too). */
@ApplicationScoped
public class TopicFreshness {

    /** One topic's row. */
    public record Row(String topic, Instant lastEventAt, Instant lastAppliedAt, long applied, long skipped) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String topic, Instant newestEvent, long applied, long skipped) {
        em.createNativeQuery("""
                        INSERT INTO topic_freshness (topic, last_event_at, last_applied_at, applied, skipped)
                        VALUES (?1, ?2, now(), ?3, ?4)
                        ON CONFLICT (topic) DO UPDATE SET
                            last_event_at = GREATEST(topic_freshness.last_event_at, EXCLUDED.last_event_at),
                            last_applied_at = EXCLUDED.last_applied_at,
                            applied = topic_freshness.applied + EXCLUDED.applied,
                            skipped = topic_freshness.skipped + EXCLUDED.skipped
                        """)
                .setParameter(1, topic)
                .setParameter(2, Timestamp.from(newestEvent))
                .setParameter(3, applied)
                .setParameter(4, skipped)
                .executeUpdate();
    }

    @Transactional
    public Map<String, Row> rows() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT topic, last_event_at, last_applied_at, applied, skipped FROM topic_freshness").getResultList();
        Map<String, Row> result = new LinkedHashMap<>();
        for (Object[] r : rows) {
            result.put((String) r[0], new Row((String) r[0], instant(r[1]), instant(r[2]),
                    ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return result;
    }
}
