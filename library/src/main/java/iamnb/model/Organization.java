package iamnb.model;

import iamnb.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AWS organization the account belongs to: the tree of root and OUs, the member accounts, and the
 * Organizations policies attached at each level.
 *
 * @param id organization id ({@code o-...})
 * @param arn organization ARN, or the empty string
 * @param managementAccountId the management (master) account
 * @param featureSet {@code ALL} or {@code CONSOLIDATED_BILLING}
 * @param units the root and every OU
 * @param accounts every member account
 * @param policies every policy referenced by a unit or account
 */
public record Organization(String id, String arn, String managementAccountId, String featureSet,
                           List<OrgUnit> units, List<OrgAccount> accounts, List<OrgPolicy> policies) {
    public Organization {
        Checks.notBlank(id, "organization id");
        arn = Checks.orEmpty(arn);
        managementAccountId = Checks.orEmpty(managementAccountId);
        featureSet = Checks.orEmpty(featureSet);
        units = List.copyOf(units);
        accounts = List.copyOf(accounts);
        policies = List.copyOf(policies);
        Map<String, OrgUnit> byId = units.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity(), (a, b) -> a));
        for (OrgUnit u : units) {
            if (!u.isRoot() && !byId.containsKey(u.parentId())) {
                throw new InvalidInputException("organization unit " + u.id() + " names parent " + u.parentId()
                        + ", which is not in the organization");
            }
        }
        for (OrgAccount a : accounts) {
            if (!byId.containsKey(a.parentId())) {
                throw new InvalidInputException("organization account " + a.id() + " names parent " + a.parentId()
                        + ", which is not in the organization");
            }
        }
    }

    public Optional<OrgAccount> account(String accountId) {
        return accounts.stream().filter(a -> a.id().equals(accountId)).findFirst();
    }

    public Optional<OrgUnit> unit(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).findFirst();
    }

    public Optional<OrgPolicy> policy(String policyId) {
        return policies.stream().filter(p -> p.id().equals(policyId)).findFirst();
    }

    /** The units from the root down to the account's parent OU. */
    public List<OrgUnit> pathTo(String accountId) {
        OrgAccount account = account(accountId).orElseThrow(() -> new InvalidInputException(
                "account " + accountId + " is not in organization " + id + "; its accounts are "
                        + accounts.stream().map(OrgAccount::id).toList()));
        List<OrgUnit> path = new ArrayList<>();
        String next = account.parentId();
        while (!next.isEmpty()) {
            String at = next;
            OrgUnit unit = unit(at).orElseThrow();
            if (path.contains(unit)) {
                throw new InvalidInputException("organization tree has a cycle at " + at);
            }
            path.add(unit);
            next = unit.parentId();
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The SCPs in force for an account, one list per level: root, each OU down the path, then the account.
     * An action must be allowed at every level (and denied at none) to be permitted.
     */
    public List<List<OrgPolicy>> scpLevelsFor(String accountId) {
        return levelsFor(accountId, OrgPolicy.SCP);
    }

    /** The RCPs in force for an account's resources, root → OUs → account, as {@link #scpLevelsFor}. */
    public List<List<OrgPolicy>> rcpLevelsFor(String accountId) {
        return levelsFor(accountId, OrgPolicy.RCP);
    }

    /** Policies of one type per level, root → OUs → account. */
    public List<List<OrgPolicy>> levelsFor(String accountId, String policyType) {
        Objects.requireNonNull(policyType, "policyType");
        List<List<OrgPolicy>> levels = new ArrayList<>();
        for (OrgUnit unit : pathTo(accountId)) {
            levels.add(policiesOfType(unit.policyIds(), policyType));
        }
        levels.add(policiesOfType(account(accountId).orElseThrow().policyIds(), policyType));
        return List.copyOf(levels);
    }

    private List<OrgPolicy> policiesOfType(List<String> ids, String type) {
        List<OrgPolicy> out = new ArrayList<>();
        for (String pid : ids) {
            policy(pid).filter(p -> p.type().equals(type)).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
