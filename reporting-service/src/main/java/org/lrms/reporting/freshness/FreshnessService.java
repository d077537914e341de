package org.lrms.reporting.freshness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lrms.reporting.ingest.ConsumerLag;
import org.lrms.reporting.ingest.EventIngestor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

@ApplicationScoped
public class FreshnessService {

    @Inject
    TopicFreshness freshness;

    @Inject
    ConsumerLag lag;

    @Inject
    EventIngestor ingestor;

    public Freshness all() {
        return of(ingestor.topics());
    }

    public Freshness of(Collection<String> topics) {
        Map<String, TopicFreshness.Row> rows = freshness.rows();
        List<Freshness.TopicView> views = new ArrayList<>();
        for (String topic : topics.stream().sorted().toList()) {
            TopicFreshness.Row row = rows.get(topic);
            OptionalLong waiting = lag.lag(topic);
            Long lagValue = waiting.isPresent() ? waiting.getAsLong() : null;
            views.add(row == null
                    ? new Freshness.TopicView(topic, null, null, lagValue, 0, 0)
                    : new Freshness.TopicView(topic, row.lastEventAt(), row.lastAppliedAt(), lagValue,
                    row.applied(), row.skipped()));
        }
        return new Freshness(Instant.now(), views);
    }
}
