package org.lrms.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lrms.kit.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Answers a report in the format asked by {@code ?format=} ({@code json}, {@code csv}, {@code xlsx}, {@code pdf})
 * or else by the {@code Accept} header; JSON when neither asks for a download.
 */
@ApplicationScoped
public class Downloads {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    enum Format { JSON, CSV, XLSX, PDF }

    public Response respond(Object report, Supplier<ReportDocument> document, String format, HttpHeaders headers) {
        Format chosen = choose(format, headers == null ? List.of() : headers.getAcceptableMediaTypes());
        if (chosen == Format.JSON) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        ReportDocument doc = document.get();
        return switch (chosen) {
            case CSV -> file(Renderers.csv(doc), CSV, doc.fileName() + ".csv");
            case XLSX -> file(Renderers.xlsx(doc), XLSX, doc.fileName() + ".xlsx");
            case PDF -> file(Renderers.pdf(doc), PDF, doc.fileName() + ".pdf");
            case JSON -> throw new IllegalStateException();
        };
    }

    static Format choose(String format, List<MediaType> accept) {
        if (format != null && !format.isBlank()) {
            try {
                return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("format", "must be one of json, csv, xlsx, pdf");
            }
        }
        for (MediaType type : accept) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            String name = type.getType() + "/" + type.getSubtype();
            if (name.equalsIgnoreCase(CSV)) {
                return Format.CSV;
            }
            if (name.equalsIgnoreCase(XLSX)) {
                return Format.XLSX;
            }
            if (name.equalsIgnoreCase(PDF)) {
                return Format.PDF;
            }
        }
        return Format.JSON;
    }

    private static Response file(byte[] body, String type, String fileName) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
