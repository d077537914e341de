-- Desk permissions, as district data (not realm roles): which site-staff users may override a check-out refusal or
-- waive a fee, at which site. '*' as the username means every site-staff user, '*' as the site every site the user's
-- token holds (the token's sites still bound what a user can reach). District admins hold both everywhere.
CREATE TABLE staff_permission (
    username    text NOT NULL CHECK (username = lower(username) AND length(username) BETWEEN 1 AND 100),
    site_code   text NOT NULL,
    permission  text NOT NULL CHECK (permission IN ('override-refusal', 'waive-fees')),
    granted_at  timestamptz NOT NULL,
    granted_by  text NOT NULL,
    PRIMARY KEY (username, site_code, permission)
);

-- Every grant and revocation, with who and when: the audit trail of who could override or waive.
CREATE TABLE staff_permission_change (
    id          uuid PRIMARY KEY,
    action      text NOT NULL CHECK (action IN ('GRANTED', 'REVOKED')),
    username    text NOT NULL,
    site_code   text NOT NULL,
    permission  text NOT NULL,
    at          timestamptz NOT NULL,
    by_user     text NOT NULL
);
CREATE INDEX staff_permission_change_at ON staff_permission_change (at);
