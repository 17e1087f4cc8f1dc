package iamnb.audit;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem an audit found, in words an analyst can act on.
 *
 * @param severity how urgent it is
 * @param principalType {@code user}, {@code role}, {@code group}, {@code policy}, {@code bucket}, {@code account}, ...
 * @param principal the name of what is affected (user, role, policy or bucket name; {@code <root_account>} for root)
 * @param check a stable rule id such as {@code ADMIN-POLICY} or {@code KEY-AGE}, to filter and to suppress by
 * @param finding what is wrong, one sentence
 * @param evidence why we say so: the policy and statement, the dates, the decision of the policy engine
 * @param remediation what to do about it
 */
public record Finding(Severity severity, String principalType, String principal, String check, String finding,
                      String evidence, String remediation) {

    /** Severity, then principal, then finding, then check: the order of every findings table. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::principal).thenComparing(Finding::finding).thenComparing(Finding::check)
            .thenComparing(Finding::evidence);

    public Finding {
        Objects.requireNonNull(severity, "severity");
        principalType = principalType == null ? "" : principalType;
        principal = principal == null ? "" : principal;
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(finding, "finding");
        evidence = evidence == null ? "" : evidence;
        remediation = remediation == null ? "" : remediation;
    }

    /** A copy with another severity (e.g. lowered because a boundary caps the grant). */
    public Finding withSeverity(Severity s) {
        return new Finding(s, principalType, principal, check, finding, evidence, remediation);
    }
}
