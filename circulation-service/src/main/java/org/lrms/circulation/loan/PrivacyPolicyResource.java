package org.lrms.circulation.loan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** The district's privacy policy for closed loans, closed holds and settled fees: staff read it, district admins change it. */
@Path("/api/v1/privacy-policy")
public class PrivacyPolicyResource {

    /**
     * {@code keepClosedLoansDays}: 0 anonymizes a loan at check-in once no fee of it is open.
     * {@code keepClosedHoldsDays}: a filled, cancelled or expired hold keeps its patron this long (0: until the next
     * nightly run).
     * {@code keepSettledFeesDays}: a paid, waived or cancelled fee keeps its patron this long after its last payment or
     * waiver. Each at most ten years; the last two may be left out to keep them as they are.
     */
    public record PrivacyPolicyRequest(@NotNull @Min(0) @Max(PrivacyPolicies.MAX_DAYS) Integer keepClosedLoansDays,
                                       @Min(0) @Max(PrivacyPolicies.MAX_DAYS) Integer keepClosedHoldsDays,
                                       @Min(0) @Max(PrivacyPolicies.MAX_DAYS) Integer keepSettledFeesDays) {
    }

    @Inject
    PrivacyPolicies policies;

    @GET
    @RolesAllowed({"site-staff", "district-admin"})
    public PrivacyPolicies.PrivacyPolicyView get() {
        return policies.current();
    }

    @PUT
    @RolesAllowed("district-admin")
    public PrivacyPolicies.PrivacyPolicyView put(@Valid @NotNull PrivacyPolicyRequest request) {
        return policies.change(request.keepClosedLoansDays(), request.keepClosedHoldsDays(),
                request.keepSettledFeesDays());
    }
}
