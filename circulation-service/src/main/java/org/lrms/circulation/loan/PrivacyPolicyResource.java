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

/** The district's privacy policy for closed loans: staff read it, district admins change it. */
@Path("/api/v1/privacy-policy")
public class PrivacyPolicyResource {

    /** {@code keepClosedLoansDays}: 0 anonymizes a loan at check-in once nothing is owed; at most ten years. */
    public record PrivacyPolicyRequest(@NotNull @Min(0) @Max(PrivacyPolicies.MAX_DAYS) Integer keepClosedLoansDays) {
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
        return policies.change(request.keepClosedLoansDays());
    }
}
