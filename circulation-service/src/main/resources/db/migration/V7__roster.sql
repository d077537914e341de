-- OneRoster imports: one row per run, with its progress and the rows that failed.
CREATE TABLE roster_import (
    id                   uuid PRIMARY KEY,
    status               text NOT NULL,         -- RUNNING, FINISHED, FAILED
    bulk                 boolean NOT NULL,
    started_at           timestamptz NOT NULL,
    finished_at          timestamptz,
    started_by           text NOT NULL,
    phase                text,
    users_read           integer NOT NULL DEFAULT 0,
    users_applied        integer NOT NULL DEFAULT 0,
    users_deactivated    integer NOT NULL DEFAULT 0,
    sites_applied        integer NOT NULL DEFAULT 0,
    classes_applied      integer NOT NULL DEFAULT 0,
    enrollments_applied  integer NOT NULL DEFAULT 0,
    error_count          integer NOT NULL DEFAULT 0,
    failure              text
);

CREATE TABLE roster_import_error (
    import_id  uuid NOT NULL REFERENCES roster_import (id),
    file       text NOT NULL,
    line       bigint NOT NULL,
    reason     text NOT NULL
);
CREATE INDEX roster_import_error_import ON roster_import_error (import_id, file, line);

CREATE TABLE roster_class (
    sourced_id         text PRIMARY KEY,
    site_code          text NOT NULL REFERENCES site (code),
    title              text NOT NULL,
    class_code         text,
    course_sourced_id  text,
    course_code        text,
    course_title       text,
    grades             text,
    subjects           text,
    location           text,
    status             text NOT NULL,
    updated_at         timestamptz NOT NULL
);

CREATE TABLE roster_enrollment (
    sourced_id        text PRIMARY KEY,
    class_sourced_id  text NOT NULL REFERENCES roster_class (sourced_id),
    patron_id         uuid NOT NULL REFERENCES patron (id),
    role              text NOT NULL,
    primary_teacher   boolean NOT NULL,
    begin_date        date,
    end_date          date,
    status            text NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX roster_enrollment_class ON roster_enrollment (class_sourced_id);

-- Which import last saw a rostered patron: those a full (bulk) export no longer lists are deactivated.
ALTER TABLE patron ADD COLUMN last_import_id uuid;
