package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import java.time.Instant;
import java.util.List;

/**
 * Where an organization's accounts come from: its structure and member list are small and held in memory, each
 * member's IAM data is loaded on request, so an organization larger than memory is worked through account by
 * account. Implemented by an organization snapshot folder ({@link OrgSnapshotFolder}) and by generated
 * organizations (the demo, benchmarks).
 */
public interface OrgSource {
    /** The organization's tree, accounts and Organizations policies (SCPs, RCPs). */
    Organization organization();

    /** Every member account, collected or not, in the order of the index (account id order). */
    List<OrgMember> members();

    /**
     * Loads one collected member's snapshot, with {@link #organization()} in it so its SCPs and RCPs apply.
     *
     * @throws iamnb.InvalidInputException when the account is not a collected member, or its folder is malformed
     */
    AccountSnapshot load(String accountId);

    /** The instant the set describes (the latest of its members' {@code asOf}). */
    Instant asOf();

    /** How the set was obtained, for provenance: {@code organization snapshot DIR}, {@code demo organization}. */
    String description();

    /**
     * The collected member with this id, for {@link #load}.
     *
     * @throws InvalidInputException when the account is no member, or was not collected (with the reason)
     */
    default OrgMember collectedMember(String accountId) {
        OrgMember member = members().stream().filter(m -> m.accountId().equals(accountId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("account " + accountId + " is not a member of "
                        + description()));
        if (!member.collected()) {
            throw new InvalidInputException("account " + accountId + " was not collected: "
                    + String.join("; ", member.warnings()));
        }
        return member;
    }
}
