package org.lrms.reporting.survey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lrms.events.Topics;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;
import org.lrms.reporting.ReportingClock;
import org.lrms.reporting.acquisitions.AcquisitionsReport;
import org.lrms.reporting.acquisitions.AcquisitionsReports;
import org.lrms.reporting.collection.DeweyClass;
import org.lrms.reporting.freshness.FreshnessService;
import org.lrms.reporting.patron.Enrolments;
import org.lrms.reporting.report.ReportPeriod;
import org.lrms.reporting.report.ReportScope;
import org.lrms.reporting.site.SiteDirectory;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.lrms.reporting.report.Scalars.average;
import static org.lrms.reporting.report.Scalars.count;
import static org.lrms.reporting.report.Scalars.ratio;

/** The school library survey: the site's entered hours and staffing, and the items counted from the projections. */
@ApplicationScoped
public class SurveyService {

    static final List<String> TOPICS = List.of(Topics.CATALOG_COPIES, Topics.CIRCULATION_LOANS,
            Topics.CIRCULATION_PATRONS, Topics.ACQUISITIONS_RECEIPTS);

    @Inject
    EntityManager em;

    @Inject
    SiteScope caller;

    @Inject
    SiteDirectory sites;

    @Inject
    Enrolments enrolments;

    @Inject
    FreshnessService freshness;

    @Inject
    ReportingClock clock;

    @Inject
    AcquisitionsReports acquisitions;

    @Transactional
    public SiteEntry enter(String siteCode, int year, SiteEntry entry) {
        String site = knownSite(siteCode);
        caller.requireManage(site);
        checkYear(year);
        em.createNativeQuery("""
                        INSERT INTO survey_site_entry (site_code, school_year, weekly_open_hours, open_before_school,
                            open_after_school, teacher_librarian_fte, classified_staff_fte, weekly_volunteer_hours,
                            updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (site_code, school_year) DO UPDATE SET
                            weekly_open_hours = EXCLUDED.weekly_open_hours,
                            open_before_school = EXCLUDED.open_before_school,
                            open_after_school = EXCLUDED.open_after_school,
                            teacher_librarian_fte = EXCLUDED.teacher_librarian_fte,
                            classified_staff_fte = EXCLUDED.classified_staff_fte,
                            weekly_volunteer_hours = EXCLUDED.weekly_volunteer_hours,
                            updated_at = EXCLUDED.updated_at,
                            version = survey_site_entry.version + 1
                        """)
                .setParameter(1, site)
                .setParameter(2, year)
                .setParameter(3, entry.weeklyOpenHours())
                .setParameter(4, entry.openBeforeSchool())
                .setParameter(5, entry.openAfterSchool())
                .setParameter(6, entry.teacherLibrarianFte())
                .setParameter(7, entry.classifiedStaffFte())
                .setParameter(8, entry.weeklyVolunteerHours())
                .setParameter(9, Timestamp.from(Instant.now()))
                .executeUpdate();
        return entry;
    }

    @Transactional
    public SurveyReport report(ReportScope scope, int year, List<String> sectionClasses) {
        if (scope.district() || scope.sites().size() != 1) {
            throw ProblemException.badRequest("site", "the survey is answered for one site");
        }
        checkYear(year);
        String site = scope.sites().get(0);
        ReportPeriod period = ReportPeriod.schoolYearStarting(year);
        Object[] c = (Object[]) em.createNativeQuery("""
                        SELECT count(*) FILTER (WHERE withdrawn_on IS NULL AND material_type = 'BOOK'),
                               count(*) FILTER (WHERE withdrawn_on IS NULL),
                               avg(publication_year) FILTER (WHERE withdrawn_on IS NULL AND material_type = 'BOOK'),
                               count(*) FILTER (WHERE material_type = 'BOOK' AND added_on BETWEEN :from AND :to)
                        FROM copy WHERE site_code = :site
                        """)
                .setParameter("site", site).setParameter("from", period.from()).setParameter("to", period.to())
                .getSingleResult();
        List<SurveyReport.Section> sections = new ArrayList<>();
        for (String section : sectionClasses) {
            Object[] s = (Object[]) em.createNativeQuery("""
                            SELECT count(*), avg(publication_year) FROM copy
                            WHERE site_code = :site AND dewey_class = :class AND withdrawn_on IS NULL
                              AND material_type = 'BOOK'
                            """)
                    .setParameter("site", site).setParameter("class", section).getSingleResult();
            sections.add(new SurveyReport.Section(section, DeweyClass.label(section), count(s[0]), average(s[1])));
        }
        long checkouts = count(em.createNativeQuery("""
                        SELECT sum(events) FROM circulation_day
                        WHERE site_code = :site AND kind = 'CHECKOUT' AND day BETWEEN :from AND :to
                        """)
                .setParameter("site", site).setParameter("from", period.from()).setParameter("to", period.to())
                .getSingleResult());
        Long enrolment = enrolments.enrolment(scope);
        long books = count(c[0]);
        long newBooks = count(c[3]);
        List<AcquisitionsReport.Amount> spending = acquisitions.librarySpending(site, period.from(), period.to());
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT name FROM site WHERE site_code = :site")
                .setParameter("site", site).getResultList();
        return new SurveyReport(site, names.isEmpty() ? null : names.get(0),
                year + "-" + String.format("%02d", (year + 1) % 100), period.from(), period.to(), books, count(c[1]),
                enrolment, ratio(books, enrolment), average(c[2]), sections, newBooks, ratio(newBooks, enrolment),
                checkouts, spending.isEmpty() ? BigDecimal.ZERO.setScale(2)
                        : spending.size() == 1 ? spending.get(0).amount() : null,
                spending.size() == 1 ? spending.get(0).currency() : null, spending, entry(site, year),
                freshness.of(TOPICS));
    }

    private SiteEntry entry(String site, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT weekly_open_hours, open_before_school, open_after_school, teacher_librarian_fte,
                               classified_staff_fte, weekly_volunteer_hours
                        FROM survey_site_entry WHERE site_code = :site AND school_year = :year
                        """)
                .setParameter("site", site).setParameter("year", year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        return new SiteEntry((BigDecimal) r[0], (Boolean) r[1], (Boolean) r[2], (BigDecimal) r[3], (BigDecimal) r[4],
                (BigDecimal) r[5]);
    }

    private String knownSite(String siteCode) {
        List<String> codes = org.lrms.reporting.report.ReportScope.parseSites(siteCode);
        if (codes.size() != 1) {
            throw ProblemException.badRequest("site", "one site code");
        }
        Set<String> unknown = sites.unknown(codes);
        if (!unknown.isEmpty()) {
            throw ProblemException.notFound("site", codes.get(0));
        }
        return codes.get(0);
    }

    private void checkYear(int year) {
        int current = ReportPeriod.schoolYear(clock.today()).from().getYear();
        if (year < 2000 || year > current + 1) {
            throw ProblemException.badRequest("year", "a school year from 2000 to " + (current + 1));
        }
    }
}
