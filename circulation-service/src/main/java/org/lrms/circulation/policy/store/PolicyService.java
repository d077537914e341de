package org.lrms.circulation.policy.store;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.lrms.circulation.policy.LoanPeriod;
import org.lrms.circulation.policy.NoticeStage;
import org.lrms.circulation.policy.OverdueStages;
import org.lrms.circulation.policy.PolicyMatrix;
import org.lrms.circulation.policy.PolicyRule;
import org.lrms.circulation.site.Site;
import org.lrms.circulation.site.SiteService;
import org.lrms.kit.problem.Problem;
import org.lrms.kit.problem.ProblemException;
import org.lrms.kit.security.SiteScope;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class PolicyService {

    @Inject
    SiteScope scope;

    public List<PolicyRule> list() {
        return CirculationPolicy.<CirculationPolicy>listAll(Sort.by("siteCode", Sort.NullPrecedence.NULLS_FIRST)
                        .and("patronType", Sort.NullPrecedence.NULLS_FIRST)
                        .and("circulationType", Sort.NullPrecedence.NULLS_FIRST))
                .stream().map(CirculationPolicy::toRule).toList();
    }

    /** The rules that can apply at {@code siteCode}: its own and the district-wide ones. */
    public PolicyMatrix matrixFor(String siteCode) {
        List<PolicyRule> rules = CirculationPolicy.<CirculationPolicy>list("siteCode is null or siteCode = ?1",
                siteCode).stream().map(CirculationPolicy::toRule).toList();
        return new PolicyMatrix(rules);
    }

    public PolicyRule resolve(String siteCode, String patronType, String circulationType) {
        return resolve(matrixFor(siteCode), siteCode, patronType, circulationType);
    }

    /** The rule of {@code matrix} for a loan (the matrix of {@code siteCode}, read here or kept in memory). */
    public static PolicyRule resolve(PolicyMatrix matrix, String siteCode, String patronType, String circulationType) {
        return matrix.resolve(siteCode, patronType, circulationType)
                .orElseThrow(() -> ProblemException.conflict("no-policy",
                        "no circulation policy applies; restore the district default"));
    }

    @Transactional
    public PolicyRule create(PolicyRequest request) {
        CirculationPolicy row = new CirculationPolicy();
        row.id = UUID.randomUUID();
        apply(row, request);
        if (CirculationPolicy.count("siteCode is not distinct from ?1 and patronType is not distinct from ?2 "
                + "and circulationType is not distinct from ?3", row.siteCode, row.patronType, row.circulationType) > 0) {
            throw ProblemException.conflict("policy-exists", "a rule for these site, patron type and circulation "
                    + "type exists already; change it instead");
        }
        row.persist();
        return row.toRule();
    }

    @Transactional
    public PolicyRule update(UUID id, PolicyRequest request) {
        CirculationPolicy row = find(id);
        requireEdit(row.siteCode);
        if (!same(row.siteCode, code(request.siteCode())) || !same(row.patronType, upper(request.patronType()))
                || !same(row.circulationType, upper(request.circulationType()))) {
            throw ProblemException.badRequest("siteCode", "a rule's keys cannot change; create another rule");
        }
        apply(row, request);
        return row.toRule();
    }

    @Transactional
    public void delete(UUID id) {
        CirculationPolicy row = find(id);
        if (CirculationPolicy.DISTRICT_DEFAULT.equals(row.id)) {
            throw ProblemException.conflict("district-default", "the district default rule cannot be deleted");
        }
        requireEdit(row.siteCode);
        row.delete();
    }

    private CirculationPolicy find(UUID id) {
        CirculationPolicy row = CirculationPolicy.findById(id);
        if (row == null) {
            throw ProblemException.notFound("policy", id.toString());
        }
        return row;
    }

    private void apply(CirculationPolicy row, PolicyRequest r) {
        String site = code(r.siteCode());
        if (site != null && Site.findById(site) == null) {
            throw ProblemException.badRequest("siteCode", "no site " + r.siteCode());
        }
        requireEdit(site);
        PolicyRule rule = new PolicyRule(row.id, site, upper(r.patronType()), upper(r.circulationType()),
                new LoanPeriod(r.loanDays(), r.loanHours(), r.fixedDueDate()), r.maxItems(), r.renewalsAllowed(),
                r.graceDays(), r.finePerDay(), r.maxFine(), r.lostAfterDays(), r.processingFee(), r.holdsAllowed(),
                r.holdShelfDays(), stages(row, r));
        List<PolicyRule.Violation> violations = rule.violations();
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.field(), v.message())).toList();
            throw new ProblemException(400, "Invalid request", "invalid-policy",
                    errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        row.siteCode = site;
        row.patronType = rule.patronType();
        row.circulationType = rule.circulationType();
        row.loanDays = r.loanDays();
        row.loanHours = r.loanHours();
        row.fixedDueDate = r.fixedDueDate();
        row.maxItems = r.maxItems();
        row.renewalsAllowed = r.renewalsAllowed();
        row.graceDays = r.graceDays();
        row.finePerDay = r.finePerDay();
        row.maxFine = r.maxFine();
        row.lostAfterDays = r.lostAfterDays();
        row.processingFee = r.processingFee();
        row.holdsAllowed = r.holdsAllowed();
        row.holdShelfDays = r.holdShelfDays();
        row.noticeStages(rule.overdueNotices());
        row.updatedAt = Instant.now();
        row.updatedBy = scope.userName();
    }

    /** The request's stages; none given: the rule's own (a new rule: the district's default stages). */
    private static List<NoticeStage> stages(CirculationPolicy row, PolicyRequest r) {
        if (r.overdueNotices() == null) {
            return row.version == 0 && row.updatedAt == null ? OverdueStages.DISTRICT_DEFAULT : row.noticeStages();
        }
        return r.overdueNotices().stream()
                .map(s -> new NoticeStage(s.afterDays(), Boolean.TRUE.equals(s.blocks()))).toList();
    }

    /** District rules are the district's; a site's own rules may also be set by that site's staff. */
    private void requireEdit(String siteCode) {
        if (siteCode == null) {
            scope.requireDistrict();
        } else {
            scope.requireManage(siteCode);
        }
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? null : SiteService.normalize(s);
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
