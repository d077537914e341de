package org.lrms.reporting.textbook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.kit.privacy.KeyedDigest;

import java.util.Optional;
import java.util.UUID;

/**
 * The student an enrollment row counts for: HMAC-SHA256 of the roster's patron id with
 * {@code reporting.borrower-key-secret} (the secret "distinct borrowers" uses; another input, so the two cannot be
 * matched). The patron id itself is never stored. Without a secret each enrollment counts as its own student, so a
 * student in two sections of one course counts twice.
 */
@ApplicationScoped
public class StudentKeys {

    private final Optional<KeyedDigest> digest;

    public StudentKeys(@ConfigProperty(name = "reporting.borrower-key-secret") Optional<String> secret) {
        this.digest = secret.filter(s -> !s.isBlank()).map(KeyedDigest::new);
    }

    public String of(UUID patronId, String enrollmentSourcedId) {
        if (digest.isEmpty()) {
            return "e:" + enrollmentSourcedId;
        }
        return "s:" + digest.get().hex("roster-student:" + patronId, 16);
    }
}
