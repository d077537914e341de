package org.lrms.textbook;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A signed-in endpoint for the tests (the textbook service has none of its own yet): answers the caller's name. */
@Path("/test/signed-in")
public class SignedInProbe {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String name() {
        return identity.getPrincipal().getName();
    }
}
