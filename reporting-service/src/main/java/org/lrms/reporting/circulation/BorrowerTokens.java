package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.kit.privacy.KeyedDigest;

import java.util.Optional;

/**
 * The borrower a loan row counts for in "distinct borrowers": HMAC-SHA256 of the patron key with
 * {@code reporting.borrower-key-secret}. It stays on the row when the loan is anonymized (so the statistics do not
 * change) and, without the secret, cannot be matched to a patron key. Without a secret there is no token and distinct
 * borrowers count patron keys (anonymized loans then drop out of that figure).
 */
@ApplicationScoped
public class BorrowerTokens {

    private final Optional<KeyedDigest> digest;

    public BorrowerTokens(@ConfigProperty(name = "reporting.borrower-key-secret") Optional<String> secret) {
        this.digest = secret.filter(s -> !s.isBlank()).map(KeyedDigest::new);
    }

    /** The token of {@code patronKey}, or null when there is no key or no secret. */
    public String of(String patronKey) {
        if (patronKey == null || digest.isEmpty()) {
            return null;
        }
        return "b:" + digest.get().hex(patronKey, 32);
    }
}
