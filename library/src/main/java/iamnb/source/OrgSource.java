package iamnb.source;

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
}
