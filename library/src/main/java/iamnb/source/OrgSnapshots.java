package iamnb.source;

import iamnb.model.AccountSnapshot;
import iamnb.model.Organization;

/** Small pure helpers shared by organization sources and the writer. */
public final class OrgSnapshots {
    private OrgSnapshots() {}

    /** The member's snapshot with the organization in it, so SCPs and RCPs apply when it is simulated. */
    public static AccountSnapshot withOrganization(AccountSnapshot s, Organization org) {
        return s.organization().isPresent() && s.organization().get().equals(org) ? s
                : s.toBuilder().organization(org).build();
    }

    /** The member's snapshot without the organization: the set keeps one copy of it, beside the member folders. */
    public static AccountSnapshot withoutOrganization(AccountSnapshot s) {
        return s.organization().isEmpty() ? s : s.toBuilder().organization(null).build();
    }
}
