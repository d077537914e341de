-- The version of the desk rules: the circulation policy matrix (circulation_policy, overdue notice stages included)
-- and the closed days (closed_day). A check-out reads it with the patron (one statement) and keeps the rules it read
-- in memory under that version (DeskRules), reloading them when the version differs. Statement-level triggers bump it
-- in the same transaction as any change to those tables, whoever writes them (the API, another instance of the
-- service, SQL by hand), so an instance never lends under rules older than the version its transaction read.
-- The number comes from a sequence, not version + 1: a transaction that changes the rules, reads them and then rolls
-- back leaves a number that no committed change will ever carry, so rules it loaded under that number are never
-- served to anyone else.
CREATE SEQUENCE desk_rules_version_seq;

CREATE TABLE desk_rules_version (
    id       int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version  bigint NOT NULL
);
INSERT INTO desk_rules_version (id, version) VALUES (1, nextval('desk_rules_version_seq'));

CREATE FUNCTION bump_desk_rules_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE desk_rules_version SET version = nextval('desk_rules_version_seq') WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER circulation_policy_bumps_desk_rules
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON circulation_policy
    FOR EACH STATEMENT EXECUTE FUNCTION bump_desk_rules_version();

CREATE TRIGGER closed_day_bumps_desk_rules
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON closed_day
    FOR EACH STATEMENT EXECUTE FUNCTION bump_desk_rules_version();
