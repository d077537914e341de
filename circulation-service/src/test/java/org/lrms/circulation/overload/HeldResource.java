package org.lrms.circulation.overload;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tests only: a request that stays in progress until the test lets it go (at most 30 s). */
@Path("/api/v1/test-held")
@PermitAll
public class HeldResource {

    static volatile CountDownLatch release = new CountDownLatch(0);

    @GET
    public String held() throws InterruptedException {
        return release.await(30, TimeUnit.SECONDS) ? "released" : "timed out";
    }
}
