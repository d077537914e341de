package org.lrms.kit.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * A pseudonym: HMAC-SHA256 of a value with a secret, in hex. The same value and secret always give the same
 * pseudonym, so distinct people can still be counted; without the secret it cannot be computed from the value.
 */
public final class KeyedDigest {

    private final SecretKeySpec key;

    public KeyedDigest(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a keyed digest needs a secret");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The first {@code bytes} bytes (at most 32) of the digest of {@code value}, in hex. */
    public String hex(String value, int bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
