package iamnb.audit;

import iamnb.catalog.Catalog;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.LintCheck;
import iamnb.model.LintFinding;
import iamnb.model.ManagedPolicy;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.User;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POLICY-LINT}: every policy the account wrote, checked against AWS's service catalogue with
 * {@link PolicyDocument#lint()}: unknown services, actions and condition keys, resources that fit none of the
 * actions' resource types, operators of the wrong type, redundant statements, {@code NotAction} with Allow.
 *
 * <p>Linted: the default version of each customer managed policy, every inline policy of users, groups and
 * roles, and bucket policies. AWS managed policies are AWS's to fix, and trust policies grant no actions on
 * resources, so neither is linted.
 */
final class PolicyLintAudit {
    private final List<Finding> out = new ArrayList<>();

    static Findings run(AccountSnapshot s) {
        PolicyLintAudit a = new PolicyLintAudit();
        for (ManagedPolicy p : s.policies()) {
            if (!p.isAwsManaged()) {
                a.lint("policy", p.name(), "customer managed policy " + p.name(), p.document());
            }
        }
        for (User u : s.users()) {
            u.inlinePolicies().forEach(p -> a.inline("user", u.name(), p));
        }
        for (Group g : s.groups()) {
            g.inlinePolicies().forEach(p -> a.inline("group", g.name(), p));
        }
        for (Role r : s.roles()) {
            r.inlinePolicies().forEach(p -> a.inline("role", r.name(), p));
        }
        for (Bucket b : s.buckets()) {
            b.policy().ifPresent(d -> a.lint("bucket", b.name(), "the bucket policy of " + b.name(), d));
        }
        return new Findings("policy lint (" + Catalog.aws().version().source() + " "
                + Catalog.aws().version().version() + ")", s.asOf(), a.out);
    }

    private void inline(String type, String owner, InlinePolicy p) {
        lint(type, owner, "inline policy " + p.name() + " of " + type + " " + owner, p.document());
    }

    private void lint(String type, String owner, String where, PolicyDocument document) {
        for (LintFinding f : document.lint().findings()) {
            out.add(new Finding(severity(f.check()), type, owner, Check.POLICY_LINT.member(f.check().id()),
                    f.message(), where + ", statement " + f.statement() + ": " + f.subject(), remedy(f.check())));
        }
    }

    /** A grant that can never work (or works wider than written) matters more than untidiness. */
    private static Severity severity(LintCheck check) {
        return switch (check) {
            case NOT_ACTION_WITH_ALLOW -> Severity.MEDIUM;
            case REDUNDANT_STATEMENT -> Severity.INFO;
            default -> Check.POLICY_LINT.severity();
        };
    }

    private static String remedy(LintCheck check) {
        return switch (check) {
            case UNKNOWN_SERVICE, UNKNOWN_ACTION -> "Correct the action name: a misspelled action grants nothing.";
            case RESOURCE_TYPE_MISMATCH, RESOURCE_FITS_NO_ACTION ->
                    "Name a resource the action accepts (the catalogue lists its resource types), e.g. bucket/* for"
                            + " object actions.";
            case UNKNOWN_CONDITION_KEY, KEY_NOT_CARRIED ->
                    "Use a condition key the action carries: an absent key makes the condition fail or pass silently.";
            case OPERATOR_TYPE_MISMATCH, UNKNOWN_OPERATOR -> "Use an operator of the key's type.";
            case REDUNDANT_STATEMENT -> "Remove the statement another one already covers.";
            case NOT_ACTION_WITH_ALLOW -> "List the actions to allow instead of allowing everything but some.";
        };
    }
}
