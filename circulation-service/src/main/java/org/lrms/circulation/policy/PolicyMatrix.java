package org.lrms.circulation.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the rule for a loan from the most specific to the least, as Koha's and Evergreen's circulation matrices
 * do: site beats patron type beats circulation type, and the district default (all keys "any") matches everything.
 */
public final class PolicyMatrix {

    private final List<PolicyRule> rules;

    public PolicyMatrix(List<PolicyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public Optional<PolicyRule> resolve(String siteCode, String patronType, String circulationType) {
        return rules.stream()
                .filter(r -> r.matches(siteCode, patronType, circulationType))
                .max(Comparator.comparingInt(PolicyRule::specificity));
    }
}
