-- Homerooms from the roster (OneRosterImport.deriveHomerooms): a OneRoster 1.1 user has no homeroom, but a class of
-- classType 'homeroom' and the enrollments in it say who sits in which homeroom, and which teacher leads it.

-- The class's type as classes.csv gives it ('homeroom' or 'scheduled'), and, for an active homeroom class, the teacher
-- its students' notices go to: the active teacher enrollment, the primary teacher first (null: none enrolled).
ALTER TABLE roster_class ADD COLUMN class_type text;
ALTER TABLE roster_class ADD COLUMN homeroom_teacher_id uuid;

-- Which import last listed a class or an enrollment: those a full (bulk) classes.csv or enrollments.csv no longer
-- lists are gone (status 'tobedeleted'), as a bulk users.csv deactivates the patrons it no longer lists.
ALTER TABLE roster_class ADD COLUMN last_import_id uuid;
ALTER TABLE roster_enrollment ADD COLUMN last_import_id uuid;

-- The roster class a patron's homeroom comes from. Null: the homeroom (if any) was entered by staff, and no import
-- changes it; set: the roster owns it, and the patron loses it when the homeroom enrollment goes.
ALTER TABLE patron ADD COLUMN homeroom_class text;

-- A notice keeps the homeroom class of its patron when it was recorded, as it keeps the homeroom: the printed
-- notices name that class's teacher.
ALTER TABLE notice ADD COLUMN homeroom_class text;

-- How many patrons an import gave a homeroom, moved to another or took it from; how many classes and enrollments a
-- bulk file no longer listed.
ALTER TABLE roster_import ADD COLUMN homerooms_applied integer NOT NULL DEFAULT 0;
ALTER TABLE roster_import ADD COLUMN classes_retired integer NOT NULL DEFAULT 0;
ALTER TABLE roster_import ADD COLUMN enrollments_retired integer NOT NULL DEFAULT 0;

-- The homerooms of one import's derivation still to apply, consumed 500 patrons per transaction. Scratch rows: one
-- import runs at a time, the next clears what a failed one left, and a crash may lose them (unlogged, no WAL).
CREATE UNLOGGED TABLE roster_homeroom_change (
    patron_id         uuid PRIMARY KEY,
    class_sourced_id  text,
    title             text
);
