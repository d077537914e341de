-- Textbook sufficiency and distributions (the textbooks report), all projections:
-- roster classes and enrollments from circulation.roster.v1 (enrolled students per site and course),
-- adoptions, stock counts and distributions from textbook.adoptions.v1, .stock.v1, .distributions.v1.

-- A class section; its site and course, and whether it is active (OneRoster status, lower case).
CREATE TABLE roster_class (
    sourced_id   TEXT PRIMARY KEY,
    site_code    TEXT NOT NULL,
    course_code  TEXT,
    course_title TEXT,
    status       TEXT NOT NULL
);
CREATE INDEX roster_class_site_course_idx ON roster_class (site_code, course_code);
CREATE INDEX roster_class_course_idx ON roster_class (course_code);

-- An enrollment in a class. No patron id: `student` is reporting's pseudonym of it (HMAC with
-- reporting.borrower-key-secret), so the same student in two sections of a course counts once.
-- The class may arrive after its enrollments (another key): roster_course is counted again when it does.
CREATE TABLE roster_enrollment (
    sourced_id       TEXT PRIMARY KEY,
    class_sourced_id TEXT NOT NULL,
    student          TEXT,
    role             TEXT NOT NULL,
    status           TEXT NOT NULL,
    begin_date       DATE,
    end_date         DATE
);
CREATE INDEX roster_enrollment_class_idx ON roster_enrollment (class_sourced_id);

-- Distinct students in active (status) student enrollments of each site's active classes of each course:
-- counted again, from the two tables above, for each site and course a batch of roster events touches.
CREATE TABLE roster_course (
    site_code    TEXT NOT NULL,
    course_code  TEXT NOT NULL,
    course_title TEXT,
    classes      BIGINT NOT NULL,
    students     BIGINT NOT NULL,
    PRIMARY KEY (site_code, course_code)
);
CREATE INDEX roster_course_course_idx ON roster_course (course_code);

-- An adoption as it now stands; site_code NULL: the district's.
CREATE TABLE textbook_adoption (
    adoption_id        UUID PRIMARY KEY,
    course_code        TEXT NOT NULL,
    site_code          TEXT,
    textbook_title_id  UUID NOT NULL,
    isbn               TEXT,
    title              TEXT,
    copies_per_student INT NOT NULL,
    status             TEXT NOT NULL,
    adopted_on         DATE,
    ends_on            DATE
);
CREATE INDEX textbook_adoption_course_idx ON textbook_adoption (course_code);
CREATE INDEX textbook_adoption_site_idx ON textbook_adoption (site_code, course_code, textbook_title_id);

-- The latest count of a textbook title at a site.
CREATE TABLE textbook_stock (
    site_code         TEXT NOT NULL,
    textbook_title_id UUID NOT NULL,
    isbn              TEXT,
    title             TEXT,
    copies            INT NOT NULL,
    available         INT NOT NULL,
    distributed       INT NOT NULL,
    lost              INT NOT NULL,
    damaged           INT NOT NULL,
    counted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (site_code, textbook_title_id)
);

-- A distribution: when it was handed out, returned, declared lost (days in the district's time zone).
-- The patron key the events carry is not kept: the report counts copies, not students.
CREATE TABLE textbook_distribution (
    distribution_id   UUID PRIMARY KEY,
    site_code         TEXT NOT NULL,
    textbook_title_id UUID NOT NULL,
    isbn              TEXT,
    title             TEXT,
    course_code       TEXT,
    distributed_at    TIMESTAMPTZ NOT NULL,
    distributed_on    DATE NOT NULL,
    returned_at       TIMESTAMPTZ,
    returned_on       DATE,
    lost_at           TIMESTAMPTZ,
    lost_on           DATE
);
CREATE INDEX textbook_distribution_site_idx ON textbook_distribution (site_code, textbook_title_id);

-- Counted again from textbook_distribution for each site and title a batch touches: copies distributed, returned
-- and declared lost per day, and outstanding and lost (not returned since) now.
CREATE TABLE textbook_distribution_day (
    site_code         TEXT NOT NULL,
    textbook_title_id UUID NOT NULL,
    day               DATE NOT NULL,
    distributed       BIGINT NOT NULL,
    returned          BIGINT NOT NULL,
    lost              BIGINT NOT NULL,
    PRIMARY KEY (site_code, textbook_title_id, day)
);
CREATE TABLE textbook_distribution_now (
    site_code         TEXT NOT NULL,
    textbook_title_id UUID NOT NULL,
    isbn              TEXT,
    title             TEXT,
    outstanding       BIGINT NOT NULL,
    lost              BIGINT NOT NULL,
    PRIMARY KEY (site_code, textbook_title_id)
);
