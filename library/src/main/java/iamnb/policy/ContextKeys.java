package iamnb.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Which context keys a caller chooses and which it does not. Keys AWS derives from the principal, the resource
 * or the clock are known to the account (an absent {@code aws:PrincipalTag/team} means the principal has no such
 * tag); keys that say who the caller is (a web identity's {@code sub} and {@code aud}) are not a change the
 * caller can make to the request — changing them means being someone else.
 */
final class ContextKeys {
    private static final Set<String> DERIVED = Set.of("aws:username", "aws:userid", "aws:principalarn",
            "aws:principalaccount", "aws:principaltype", "aws:principalisawsservice", "aws:principalservicename",
            "aws:principalorgid", "aws:principalorgpaths", "aws:principalorgmasteraccountid", "aws:resourceaccount",
            "aws:resourceorgid", "aws:resourceorgpaths", "aws:currenttime", "aws:epochtime");

    private ContextKeys() {}

    /** A key the account fills in whenever it applies, so its absence is a fact, not an unknown. */
    static boolean knownToAccount(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return DERIVED.contains(k) || k.startsWith("aws:principaltag/") || k.startsWith("aws:resourcetag/");
    }

    /**
     * A key the caller can change by calling differently (another header, MFA, an address, a region), as opposed
     * to one that names the caller or the resource. {@code aws:SourceVpce} is left out: it brings in another
     * layer (the endpoint's policy), which a context change alone does not.
     */
    static boolean callerChooses(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (knownToAccount(k) || k.equals("aws:sourcevpce") || k.startsWith("saml:")) {
            return false;
        }
        return !(k.endsWith(":sub") || k.endsWith(":aud") || k.endsWith(":oaud") || k.endsWith(":amr"));
    }
}
