package org.lrms.reporting.circulation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The borrower a loan row counts for in "distinct borrowers": HMAC-SHA256 of the patron key with
 * {@code reporting.borrower-key-secret}. It stays on the row when the loan is anonymized (so the statistics do not
 * change) and, without the secret, cannot be matched to a patron key. Without a secret there is no token and distinct
 * borrowers count patron keys (anonymized loans then drop out of that figure).
 */
@ApplicationScoped
public class BorrowerTokens {

    private final Optional<SecretKeySpec> key;

    public BorrowerTokens(@ConfigProperty(name = "reporting.borrower-key-secret") Optional<String> secret) {
        this.key = secret.filter(s -> !s.isBlank())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** The token of {@code patronKey}, or null when there is no key or no secret. */
    public String of(String patronKey) {
        if (patronKey == null || key.isEmpty()) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.get());
            return "b:" + HexFormat.of().formatHex(mac.doFinal(patronKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
