package org.lrms.reporting.acquisitions;

import org.junit.jupiter.api.Test;
import org.lrms.reporting.freshness.Freshness;
import org.lrms.reporting.report.ReportDocument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcquisitionsTablesTest {

    @Test
    void aKeyReceivedInTwoCurrenciesIsOneLinePerCurrencyWithThatCurrencysLinesAndItems() {
        var usd = new AcquisitionsReport.Spending("USD", 2, 4, new BigDecimal("58.97"));
        var cad = new AcquisitionsReport.Spending("CAD", 1, 1, new BigDecimal("30.00"));
        var row = new AcquisitionsReport.Row("LIB", 3, 5, List.of(cad, usd));
        var report = new AcquisitionsReport("LHS", List.of("LHS"), LocalDate.of(2026, 7, 1),
                LocalDate.of(2027, 6, 30), 3, 5, List.of(cad, usd), List.of(row), List.of(), List.of(), List.of(),
                List.of(), List.of(), new Freshness(Instant.parse("2026-12-01T00:00:00Z"), List.of()));

        ReportDocument doc = AcquisitionsTables.of(report);

        ReportDocument.Table byFund = doc.tables().stream().filter(t -> t.caption().equals("By fund")).findFirst()
                .orElseThrow();
        assertEquals(List.of(Arrays.asList("LIB", 1L, 1L, "CAD", new BigDecimal("30.00")),
                Arrays.asList("LIB", 2L, 4L, "USD", new BigDecimal("58.97"))), byFund.rows());
        assertEquals(2, doc.tables().get(0).rows().size());
        assertEquals("acquisitions-LHS", doc.fileName());
    }

    @Test
    void nothingReceivedIsOneTotalsLineWithoutCurrency() {
        var report = new AcquisitionsReport("DISTRICT", List.of(), LocalDate.of(2026, 7, 1),
                LocalDate.of(2027, 6, 30), 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new Freshness(Instant.parse("2026-12-01T00:00:00Z"), List.of()));

        assertEquals(List.of(Arrays.asList(0L, 0L, null, null)), AcquisitionsTables.of(report).tables().get(0).rows());
    }

    @Test
    void amountsAreKeptExactWithAtLeastCents() {
        assertEquals(new BigDecimal("12.375"), AcquisitionsReports.exact(new BigDecimal("12.3750")));
        assertEquals(new BigDecimal("855.00"), AcquisitionsReports.exact(new BigDecimal("855.000")));
        assertEquals(new BigDecimal("0.00"), AcquisitionsReports.exact(BigDecimal.ZERO));
        assertEquals(new BigDecimal("1200.00"), AcquisitionsReports.exact(new BigDecimal("1.2E+3")));
    }
}
