package iamnb.source;

import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.source.internal.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;

/**
 * Reads an AWS Organization with the Organizations API, every list call through the SDK's paginators: the
 * organization (DescribeOrganization), its SCPs and RCPs (ListPolicies by type, DescribePolicy, ListTargetsForPolicy
 * — one target listing per policy, fewer calls than one ListPoliciesForTarget per OU and account), then the tree
 * from each root (ListRoots, ListOrganizationalUnitsForParent and ListAccountsForParent, breadth first).
 *
 * <p>Shared by the live source (an account's view of its organization) and the organization collector (the
 * management account's listing of every member). A refused policy listing is a warning, not a failure: the tree
 * is still read, and the warning says which layer is missing.
 */
final class OrganizationReader {
    private final OrganizationsClient orgs;
    private final ProgressListener progress;
    private final Function<SdkException, String> reason;

    /**
     * @param reason the failure in words for a warning ({@code was refused (AccessDenied: ...)})
     */
    OrganizationReader(OrganizationsClient orgs, ProgressListener progress, Function<SdkException, String> reason) {
        this.orgs = orgs;
        this.progress = progress;
        this.reason = reason;
    }

    /** The organization, empty when the account is in none, and what could not be read. */
    record Result(Optional<Organization> organization, List<String> warnings) {}

    /**
     * @throws SdkException when DescribeOrganization or a listing of the tree fails (other than "not in use")
     */
    Result read() {
        progress.started("organization", 0);
        List<String> warnings = new ArrayList<>();
        software.amazon.awssdk.services.organizations.model.Organization org;
        try {
            org = orgs.describeOrganization().organization();
        } catch (AwsOrganizationsNotInUseException e) {
            warnings.add("organization: the account is not in an organization, so no SCP or RCP applies");
            return new Result(Optional.empty(), warnings);
        }
        Map<String, List<String>> attached = new HashMap<>();
        List<OrgPolicy> policies = new ArrayList<>();
        for (PolicyType type : List.of(PolicyType.SERVICE_CONTROL_POLICY, PolicyType.RESOURCE_CONTROL_POLICY)) {
            try {
                readPolicies(type, policies, attached);
            } catch (SdkException e) {
                warnings.add((type == PolicyType.SERVICE_CONTROL_POLICY ? "SCPs" : "RCPs")
                        + " skipped: organizations:ListPolicies " + reason.apply(e));
            }
        }
        List<OrgUnit> units = new ArrayList<>();
        List<OrgAccount> accounts = new ArrayList<>();
        List<String> queue = new ArrayList<>();
        for (var root : orgs.listRootsPaginator(r -> { }).stream().flatMap(pg -> pg.roots().stream()).toList()) {
            units.add(new OrgUnit(Names.orgTarget(root.id(), "organizations:ListRoots"), root.arn(), root.name(), "",
                    attached.getOrDefault(root.id(), List.of())));
            queue.add(root.id());
        }
        for (int i = 0; i < queue.size(); i++) {
            String parent = queue.get(i);
            for (var ou : orgs.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)).stream()
                    .flatMap(pg -> pg.organizationalUnits().stream()).toList()) {
                units.add(new OrgUnit(Names.orgTarget(ou.id(), "organizations:ListOrganizationalUnitsForParent"),
                        ou.arn(), ou.name(), parent, attached.getOrDefault(ou.id(), List.of())));
                queue.add(ou.id());
            }
            for (var a : orgs.listAccountsForParentPaginator(r -> r.parentId(parent)).stream()
                    .flatMap(pg -> pg.accounts().stream()).toList()) {
                accounts.add(new OrgAccount(Names.orgTarget(a.id(), "organizations:ListAccountsForParent"), a.arn(),
                        a.name(), a.email(), a.statusAsString(), parent, attached.getOrDefault(a.id(), List.of())));
            }
            progress.advanced("organization", i + 1);
        }
        return new Result(Optional.of(new Organization(org.id(), org.arn(), org.masterAccountId(),
                org.featureSetAsString(), units, accounts, policies)), warnings);
    }

    /**
     * Adds the policies of one type to {@code out}, each once, recording in {@code attached} the targets each is
     * attached to; a failure part-way keeps the policies read so far.
     */
    private void readPolicies(PolicyType type, List<OrgPolicy> out, Map<String, List<String>> attached) {
        // The filter is not trusted: keep only policies of the type asked for, each once (AWS and emulators have
        // answered with other types).
        Map<String, PolicySummary> ofType = new LinkedHashMap<>();
        orgs.listPoliciesPaginator(r -> r.filter(type)).stream().flatMap(pg -> pg.policies().stream())
                .filter(p -> type.toString().equals(p.typeAsString()))
                .forEach(p -> ofType.putIfAbsent(p.id(), p));
        for (PolicySummary s : ofType.values()) {
            var p = orgs.describePolicy(r -> r.policyId(s.id())).policy();
            out.add(new OrgPolicy(Names.orgPolicyId(s.id(), "organizations:ListPolicies"), s.arn(), s.name(),
                    s.description(), s.typeAsString(), Boolean.TRUE.equals(s.awsManaged()),
                    PolicyDocument.parse(p.content(), "organizations:DescribePolicy " + s.id())));
            for (var t : orgs.listTargetsForPolicyPaginator(r -> r.policyId(s.id())).stream()
                    .flatMap(pg -> pg.targets().stream()).toList()) {
                String target = Names.orgTarget(t.targetId(), "organizations:ListTargetsForPolicy");
                List<String> ids = attached.computeIfAbsent(target, k -> new ArrayList<>());
                if (!ids.contains(s.id())) {
                    ids.add(s.id());
                }
            }
        }
    }
}
