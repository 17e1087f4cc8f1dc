package iamnb.model;

import java.util.List;

/**
 * A node of the organization tree that is not an account: the root or an organizational unit.
 *
 * @param id {@code r-...} for the root, {@code ou-...} for an OU
 * @param arn the node's ARN, or the empty string
 * @param name display name ({@code Root} for the root)
 * @param parentId the parent's id; the empty string for the root
 * @param policyIds ids of the Organizations policies attached directly to this node
 */
public record OrgUnit(String id, String arn, String name, String parentId, List<String> policyIds) {
    public OrgUnit {
        Checks.notBlank(id, "organization unit id");
        arn = Checks.orEmpty(arn);
        name = Checks.orEmpty(name);
        parentId = Checks.orEmpty(parentId);
        policyIds = List.copyOf(policyIds);
    }

    public boolean isRoot() {
        return parentId.isEmpty();
    }
}
