package org.lrms.reporting.report;

import org.junit.jupiter.api.Test;
import org.lrms.kit.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportScopeTest {

    @Test
    void siteCodesAreTrimmedUpperCasedAndDeduplicatedInOrder() {
        assertEquals(List.of("LHS", "RMS"), ReportScope.parseSites(" lhs, RMS,,lhs "));
    }

    @Test
    void noParameterMeansNoSites() {
        assertTrue(ReportScope.parseSites(null).isEmpty());
        assertTrue(ReportScope.parseSites(" ").isEmpty());
    }

    @Test
    void somethingThatIsNotASiteCodeNamesTheSiteField() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReportScope.parseSites("LHS,R'MS"));
        assertEquals("site", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void theDistrictFiltersOnNothingAndIsLabelledSo() {
        ReportScope district = ReportScope.wholeDistrict();
        assertEquals("DISTRICT", district.label());
        assertEquals(List.of(""), district.sqlSites());
        ReportScope two = ReportScope.of(List.of("LHS", "RMS"));
        assertEquals("LHS,RMS", two.label());
        assertEquals(List.of("LHS", "RMS"), two.sqlSites());
    }
}
