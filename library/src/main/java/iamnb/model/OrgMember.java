package iamnb.model;

import iamnb.InvalidInputException;
import java.util.List;

/**
 * One member account of an organization snapshot, as its index lists it: who it is, where it sits in the OU tree,
 * and whether its IAM data was collected. An account that could not be entered (its role is missing, an SCP
 * denies, the region is not enabled) is a member with {@code collected == false} and the reason in
 * {@link #warnings()}; it is never silently dropped.
 *
 * @param accountId the 12-digit account id
 * @param name the account's name in the organization, or the empty string
 * @param email the root e-mail, or the empty string
 * @param status {@code ACTIVE}, {@code SUSPENDED}, ... or the empty string
 * @param ouPath the names from the root to the account's OU, joined with {@code /} ({@code Root/Prod})
 * @param collected whether {@code accounts/ID/} holds the account's snapshot
 * @param warnings why the account was not collected, or what its collection skipped
 * @param sha256 the digest of the account's snapshot folder ({@link Provenance#sha256()}), or the empty string
 */
public record OrgMember(String accountId, String name, String email, String status, String ouPath, boolean collected,
                        List<String> warnings, String sha256) {
    public OrgMember {
        Checks.notBlank(accountId, "member account id");
        if (!accountId.matches("\\d{12}")) {
            throw new InvalidInputException("member account id must be 12 digits, got \"" + accountId + "\"");
        }
        name = Checks.orEmpty(name);
        email = Checks.orEmpty(email);
        status = Checks.orEmpty(status);
        ouPath = Checks.orEmpty(ouPath);
        warnings = List.copyOf(warnings);
        sha256 = Checks.orEmpty(sha256);
    }

    /** The same member, collected, with its digest and the warnings its collection left. */
    public OrgMember collected(String digest, List<String> collectionWarnings) {
        return new OrgMember(accountId, name, email, status, ouPath, true, collectionWarnings, digest);
    }

    /** The same member, not collected, with the reason. */
    public OrgMember notCollected(String reason) {
        return new OrgMember(accountId, name, email, status, ouPath, false, List.of(reason), "");
    }

    /** The member of {@code org} with this id, its OU path named from the root. */
    public static OrgMember of(Organization org, OrgAccount account) {
        StringBuilder path = new StringBuilder();
        for (OrgUnit u : org.pathTo(account.id())) {
            if (path.length() > 0) {
                path.append('/');
            }
            path.append(u.isRoot() ? "Root" : u.name().isEmpty() ? u.id() : u.name());
        }
        return new OrgMember(account.id(), account.name(), account.email(), account.status(), path.toString(), false,
                List.of(), "");
    }
}
