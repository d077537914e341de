package org.lrms.reporting.report;

import jakarta.ws.rs.core.MediaType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lrms.kit.problem.ProblemException;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownloadsTest {

    private static final ReportDocument DOC = new ReportDocument("Collection statistics", "collection-LHS",
            List.of("Scope: LHS"), List.of(
            new ReportDocument.Table("By Dewey class", List.of("Class", "Caption", "Copies", "Value"), List.of(
                    Arrays.asList("500", "Science", 12L, new BigDecimal("240.50")),
                    Arrays.asList("FIC", "Fiction, \"classics\"", 3L, null)))));

    @Test
    void formatParameterWinsOverAccept() {
        assertEquals(Downloads.Format.CSV, Downloads.choose("csv", List.of(MediaType.valueOf(Downloads.PDF))));
        assertEquals(Downloads.Format.XLSX, Downloads.choose(" XLSX ", List.of()));
        assertEquals(Downloads.Format.JSON, Downloads.choose("json", List.of(MediaType.valueOf(Downloads.PDF))));
    }

    @Test
    void acceptHeaderChoosesWhenThereIsNoParameter() {
        assertEquals(Downloads.Format.PDF, Downloads.choose(null, List.of(MediaType.valueOf(Downloads.PDF))));
        assertEquals(Downloads.Format.CSV, Downloads.choose(null, List.of(MediaType.valueOf("text/csv"))));
        assertEquals(Downloads.Format.JSON, Downloads.choose(null, List.of(MediaType.WILDCARD_TYPE)));
        assertEquals(Downloads.Format.JSON, Downloads.choose(null, List.of()));
    }

    @Test
    void unknownFormatNamesTheFormatField() {
        ProblemException e = assertThrows(ProblemException.class, () -> Downloads.choose("docx", List.of()));
        assertEquals("format", e.toProblem("/x").errors().get(0).field());
    }

    @Test
    void csvHasTheTitleEachTableCaptionHeaderAndQuotedRows() {
        String csv = new String(Renderers.csv(DOC), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("Collection statistics", lines.get(0));
        assertEquals("Scope: LHS", lines.get(1));
        assertEquals("", lines.get(2));
        assertEquals("By Dewey class", lines.get(3));
        assertEquals("Class,Caption,Copies,Value", lines.get(4));
        assertEquals("500,Science,12,240.50", lines.get(5));
        assertEquals("FIC,\"Fiction, \"\"classics\"\"\",3,", lines.get(6));
    }

    @Test
    void xlsxHasANotesSheetAndOneSheetPerTableWithNumericCells() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Renderers.xlsx(DOC)))) {
            assertEquals(2, book.getNumberOfSheets());
            assertEquals("Collection statistics", book.getSheet("Report").getRow(0).getCell(0).getStringCellValue());
            var sheet = book.getSheet("By Dewey class");
            assertEquals("Copies", sheet.getRow(0).getCell(2).getStringCellValue());
            assertEquals(12.0, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(240.5, sheet.getRow(1).getCell(3).getNumericCellValue());
        }
    }

    @Test
    void pdfIsAPdfDocument() {
        byte[] pdf = Renderers.pdf(DOC);
        assertTrue(pdf.length > 500);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }
}
