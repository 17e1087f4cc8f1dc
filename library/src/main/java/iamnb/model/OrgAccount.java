package iamnb.model;

import java.util.List;

/**
 * A member account of the organization.
 *
 * @param id the 12-digit account id
 * @param arn the account's ARN in the organization, or the empty string
 * @param name account name
 * @param email root e-mail, or the empty string
 * @param status {@code ACTIVE}, {@code SUSPENDED}, ...
 * @param parentId the root or OU holding the account
 * @param policyIds ids of the Organizations policies attached directly to the account
 */
public record OrgAccount(String id, String arn, String name, String email, String status, String parentId,
                         List<String> policyIds) {
    public OrgAccount {
        Checks.notBlank(id, "organization account id");
        arn = Checks.orEmpty(arn);
        name = Checks.orEmpty(name);
        email = Checks.orEmpty(email);
        status = Checks.orEmpty(status);
        Checks.notBlank(parentId, "parent of account " + id);
        policyIds = List.copyOf(policyIds);
    }
}
