package org.lrms.circulation.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.Roles;
import org.lrms.kit.security.SiteScope;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Days a site's library is closed; the district's closed days close every school. */
@ApplicationScoped
public class SiteCalendar {

    @Inject
    EntityManager em;

    @Inject
    SiteScope scope;

    @Inject
    SiteService sites;

    public record ClosedDay(LocalDate day, String siteCode, String reason) {
    }

    /** Closed days of {@code siteCode} (its own and the district's) in [from, to], as a predicate for DueDates. */
    public Predicate<LocalDate> closedDays(String siteCode, LocalDate from, LocalDate to) {
        return closedDaysIn(siteCode, from, to)::contains;
    }

    /** Closed days of {@code siteCode} (its own and the district's) in [from, to]. */
    public Set<LocalDate> closedDaysIn(String siteCode, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(
                        "SELECT day FROM closed_day WHERE site_code IN (?1, 'DISTRICT') AND day BETWEEN ?2 AND ?3")
                .setParameter(1, siteCode).setParameter(2, from).setParameter(3, to)
                .getResultList();
        Set<LocalDate> days = new HashSet<>();
        for (Object row : rows) {
            days.add(row instanceof Date d ? d.toLocalDate() : (LocalDate) row);
        }
        return days;
    }

    public List<ClosedDay> list(String siteCode, LocalDate from, LocalDate to) {
        String code = sites.get(siteCode).code;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT day, site_code, reason FROM closed_day "
                        + "WHERE site_code IN (?1, 'DISTRICT') AND day BETWEEN ?2 AND ?3 ORDER BY day, site_code")
                .setParameter(1, code).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(r -> new ClosedDay(
                r[0] instanceof Date d ? d.toLocalDate() : (LocalDate) r[0], (String) r[1], (String) r[2])).toList();
    }

    @Transactional
    public void close(String siteCode, LocalDate day, String reason) {
        String code = requireEdit(siteCode);
        em.createNativeQuery("INSERT INTO closed_day (site_code, day, reason) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (site_code, day) DO UPDATE SET reason = excluded.reason")
                .setParameter(1, code).setParameter(2, day).setParameter(3, reason).executeUpdate();
    }

    @Transactional
    public void open(String siteCode, LocalDate day) {
        String code = requireEdit(siteCode);
        em.createNativeQuery("DELETE FROM closed_day WHERE site_code = ?1 AND day = ?2")
                .setParameter(1, code).setParameter(2, day).executeUpdate();
    }

    private String requireEdit(String siteCode) {
        String code = sites.get(siteCode).code;
        if (Roles.DISTRICT_SITE.equals(code)) {
            scope.requireDistrict();
        } else {
            scope.requireManage(code);
        }
        return code;
    }

    static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(field, "'" + value + "' is not a date (yyyy-mm-dd)");
        }
    }
}
