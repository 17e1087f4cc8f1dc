package iamnb.policy.internal;

import iamnb.internal.Arns;
import iamnb.model.Principal;
import iamnb.policy.PrincipalMatch;
import iamnb.policy.PrincipalType;
import iamnb.policy.RequestPrincipal;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/**
 * Matches the {@code Principal} and {@code NotPrincipal} elements (AWS JSON policy elements: Principal;
 * NotPrincipal). Principal values are exact: "You cannot use a wildcard to match part of a principal name or
 * ARN" (Principal › "All principals"), so only {@code "*"} is a wildcard. A role's ARN takes in the role and
 * every session of it; a session ARN only that session; the account (id or root ARN) every principal of the
 * account.
 */
final class PrincipalMatcher {
    private PrincipalMatcher() {}

    static PrincipalMatch match(Principal element, RequestPrincipal p) {
        if (element.anyone()) {
            return PrincipalMatch.WILDCARD;
        }
        PrincipalMatch best = null;
        for (String v : element.aws()) {
            best = stronger(best, matchAws(v.trim(), p));
        }
        for (String v : element.service()) {
            if (p.type() == PrincipalType.SERVICE && (v.equals("*") || v.equalsIgnoreCase(p.arn()))) {
                best = stronger(best, PrincipalMatch.ENTITY);
            }
        }
        for (String v : element.federated()) {
            if ((p.type() == PrincipalType.WEB_IDENTITY || p.type() == PrincipalType.SAML)
                    && (v.equals("*") || v.equals(p.arn()))) {
                best = stronger(best, PrincipalMatch.ENTITY);
            }
        }
        return best;
    }

    private static PrincipalMatch matchAws(String v, RequestPrincipal p) {
        if (v.equals("*")) {
            return PrincipalMatch.WILDCARD;
        }
        String account = accountOf(v);
        if (account != null) {
            return isAccountPrincipal(p) && account.equals(p.account()) ? PrincipalMatch.ACCOUNT : null;
        }
        switch (p.type()) {
            case USER:
            case FEDERATED_USER:
                return v.equals(p.arn()) ? PrincipalMatch.DIRECT : null;
            case ROLE:
                return sameRole(v, p.roleArn()) ? PrincipalMatch.ENTITY : null;
            case ASSUMED_ROLE:
                if (v.equals(p.arn())) {
                    return PrincipalMatch.DIRECT;
                }
                return sameRole(v, p.roleArn()) ? PrincipalMatch.ENTITY : null;
            default:
                return null;
        }
    }

    /**
     * NotPrincipal excludes the principal only when every identity AWS checks for it is listed: "you must also
     * specify the account ARN of the not-denied principal ... If an assumed-role user is being evaluated, AWS
     * verifies the account, then the role, and then the assumed-role user" (AWS JSON policy elements:
     * NotPrincipal › "Key points").
     */
    static boolean excludes(Principal element, RequestPrincipal p) {
        Boolean named = namesEveryoneOrNonAwsPrincipal(element, p);
        if (named != null) {
            return named;
        }
        boolean accountListed = element.aws().stream().anyMatch(v -> p.account().equals(accountOf(v.trim())));
        if (!accountListed) {
            return false;
        }
        switch (p.type()) {
            case ROOT:
                return true;
            case USER:
            case FEDERATED_USER:
                return element.aws().contains(p.arn());
            case ROLE:
                return element.aws().stream().anyMatch(v -> sameRole(v.trim(), p.roleArn()));
            case ASSUMED_ROLE:
                return element.aws().contains(p.arn())
                        && element.aws().stream().anyMatch(v -> sameRole(v.trim(), p.roleArn()));
            default:
                return false;
        }
    }

    /**
     * Whether an Allow statement's NotPrincipal leaves the principal out: when it names the principal itself (its
     * ARN; a role's sessions through the role ARN; the root user through the account). The "list the account too"
     * rule of {@link #excludes} is how AWS reads NotPrincipal in a Deny ("you must also specify the account ARN of
     * the not-denied principal"); with Allow, "all principals except the one named in the NotPrincipal element" are
     * allowed (AWS JSON policy elements: NotPrincipal › "Using NotPrincipal with Allow").
     */
    static boolean names(Principal element, RequestPrincipal p) {
        Boolean named = namesEveryoneOrNonAwsPrincipal(element, p);
        if (named != null) {
            return named;
        }
        switch (p.type()) {
            case ROOT:
                return element.aws().stream().anyMatch(v -> p.account().equals(accountOf(v.trim())));
            case ROLE:
            case ASSUMED_ROLE:
                return element.aws().contains(p.arn())
                        || element.aws().stream().anyMatch(v -> sameRole(v.trim(), p.roleArn()));
            default:
                return element.aws().contains(p.arn());
        }
    }

    /**
     * The answer NotPrincipal gives whatever the effect: {@code true} when the element names everyone, the
     * answer for a service, federated or anonymous principal, or null for an AWS identity (user, role, session,
     * root), where Allow and Deny read the element differently.
     */
    private static Boolean namesEveryoneOrNonAwsPrincipal(Principal element, RequestPrincipal p) {
        if (element.anyone() || element.aws().contains("*")) {
            return true;
        }
        return switch (p.type()) {
            case SERVICE -> element.service().stream().anyMatch(s -> s.equalsIgnoreCase(p.arn()));
            case WEB_IDENTITY, SAML -> element.federated().contains(p.arn());
            case ANONYMOUS -> false;
            default -> null;
        };
    }

    private static boolean isAccountPrincipal(RequestPrincipal p) {
        return switch (p.type()) {
            case USER, ROLE, ASSUMED_ROLE, FEDERATED_USER, ROOT -> true;
            default -> false;
        };
    }

    /** The account named by a 12-digit id or {@code arn:PARTITION:iam::ACCOUNT:root}, or null. */
    static String accountOf(String v) {
        if (v.length() == 12 && v.chars().allMatch(Character::isDigit)) {
            return v;
        }
        Optional<Arn> arn = Arns.parse(v);
        if (arn.isPresent() && arn.get().service().equals("iam") && arn.get().resourceAsString().equals("root")) {
            return arn.get().accountId().orElse("");
        }
        return null;
    }

    /** Same account and role name; the path is ignored because session ARNs do not carry it. */
    static boolean sameRole(String policyValue, String roleArn) {
        Optional<Arn> a = Arns.parse(policyValue);
        Optional<Arn> b = Arns.parse(roleArn);
        if (a.isEmpty() || b.isEmpty() || !a.get().service().equals("iam")
                || !a.get().resourceAsString().startsWith("role/")) {
            return false;
        }
        return a.get().accountId().equals(b.get().accountId()) && a.get().partition().equals(b.get().partition())
                && Arns.lastSegment(a.get().resourceAsString()).equals(Arns.lastSegment(b.get().resourceAsString()));
    }

    private static PrincipalMatch stronger(PrincipalMatch a, PrincipalMatch b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(PrincipalMatch m) {
        return switch (m) {
            case DIRECT -> 4;
            case ENTITY -> 3;
            case WILDCARD -> 2;
            case ACCOUNT -> 1;
            default -> 0;
        };
    }
}
