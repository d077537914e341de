package org.lrms.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The district's time zone: an event counts on the day it happened at the school, not in UTC. */
@ApplicationScoped
public class ReportingClock {

    private final ZoneId zone;

    public ReportingClock(@ConfigProperty(name = "reporting.time-zone", defaultValue = "America/Los_Angeles")
                          ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    public LocalDate today() {
        return LocalDate.now(Clock.system(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
