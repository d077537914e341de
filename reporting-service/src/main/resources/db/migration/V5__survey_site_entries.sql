-- Entered by each site for California's annual school library survey (Education Code 18122): not a projection,
-- owned here and kept by a rebuild. school_year is the year the school year starts (2026 = 2026-27).
CREATE TABLE survey_site_entry (
    site_code                  TEXT    NOT NULL,
    school_year                INTEGER NOT NULL,
    weekly_open_hours          NUMERIC(5, 1) NOT NULL,
    open_before_school         BOOLEAN NOT NULL,
    open_after_school          BOOLEAN NOT NULL,
    teacher_librarian_fte      NUMERIC(5, 2) NOT NULL,
    classified_staff_fte       NUMERIC(5, 2) NOT NULL,
    weekly_volunteer_hours     NUMERIC(6, 1) NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    version                    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (site_code, school_year)
);
