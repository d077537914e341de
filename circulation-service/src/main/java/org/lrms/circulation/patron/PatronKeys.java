package org.lrms.circulation.patron;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lrms.kit.privacy.KeyedDigest;

import java.util.UUID;

/**
 * The pseudonymous patron key events carry: an HMAC of the patron id with a district secret. Reporting can count
 * distinct patrons but cannot tell who they are, nor compute the key from an id without the secret.
 */
@ApplicationScoped
public class PatronKeys {

    private final KeyedDigest digest;

    public PatronKeys(@ConfigProperty(name = "circulation.patron-key-secret") String secret) {
        this.digest = new KeyedDigest(secret);
    }

    public String of(UUID patronId) {
        return digest.hex(patronId.toString(), 16);
    }
}
