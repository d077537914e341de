package org.lrms.bench.generate;

/**
 * How big a generated district is. {@code small} is three schools; {@code district} is the size of the district the
 * system is built for (1,200 schools, 600,000 patrons, 1,000,000 titles, 6,000,000 copies); anything between by
 * parameters.
 */
public record Scale(String name, int sites, int patrons, int titles, int copies) {

    public static Scale named(String name) {
        return switch (name) {
            case "small" -> new Scale("small", 3, 3_000, 20_000, 60_000);
            case "medium" -> new Scale("medium", 120, 60_000, 200_000, 600_000);
            case "district" -> new Scale("district", 1_200, 600_000, 1_000_000, 6_000_000);
            default -> throw new IllegalArgumentException("unknown scale " + name + " (small, medium, district)");
        };
    }

    public Scale with(Integer sites, Integer patrons, Integer titles, Integer copies) {
        return new Scale(sites == null && patrons == null && titles == null && copies == null ? name : "custom",
                sites == null ? this.sites : sites, patrons == null ? this.patrons : patrons,
                titles == null ? this.titles : titles, copies == null ? this.copies : copies);
    }
}
