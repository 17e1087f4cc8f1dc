package iamnb.org;

import iamnb.internal.Arns;
import iamnb.model.PolicyDocument;
import iamnb.model.Principal;
import iamnb.model.Statement;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which AWS principals the Allow statements of a resource-based policy (a trust policy, a bucket policy) can let in
 * at all, read from their Principal elements: named accounts, named principal ARNs, or anyone ({@code "*"} or a
 * NotPrincipal). It only prunes: a principal of an account not named here cannot be allowed, so its account need not
 * be loaded; whoever is named is still decided by the engine.
 */
record TrustNames(Set<String> accounts, Set<String> arns, boolean anyone) {
    static final TrustNames NOBODY = new TrustNames(Set.of(), Set.of(), false);

    static TrustNames of(Optional<PolicyDocument> policy) {
        if (policy.isEmpty()) {
            return NOBODY;
        }
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> arns = new LinkedHashSet<>();
        boolean anyone = false;
        for (Statement s : policy.get().statements()) {
            if (!s.isAllow() || s.principal().isEmpty()) {
                continue;
            }
            Principal p = s.principal().get();
            if (s.notPrincipal() || p.isWildcard()) {
                anyone = true;
                continue;
            }
            for (String v : p.aws()) {
                String a = v.trim();
                if (TrustGraphBuilder.isAccountId(a)) {
                    accounts.add(a);
                } else if (a.endsWith(":root")) {
                    accounts.add(Arns.account(a));
                } else if (a.startsWith("arn:")) {
                    arns.add(a);
                    accounts.add(Arns.account(a));
                }
            }
        }
        return new TrustNames(Set.copyOf(accounts), Set.copyOf(arns), anyone);
    }

    /** Whether the policy names any AWS principal at all (not only services or identity providers). */
    boolean namesAwsPrincipals() {
        return anyone || !accounts.isEmpty();
    }

    /** Whether a principal of this account can be let in: the account or one of its principals is named, or anyone. */
    boolean mayAdmit(String account) {
        return anyone || accounts.contains(account);
    }
}
