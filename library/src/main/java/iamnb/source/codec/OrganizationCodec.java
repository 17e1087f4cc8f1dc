package iamnb.source.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.JsonAt;
import iamnb.source.internal.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code organization/} folder, AWS Organizations as the CLI prints it: {@code describe-organization.json},
 * {@code list-roots.json}, {@code ous/PARENT.json} (list-organizational-units-for-parent), {@code
 * accounts/PARENT.json} (list-accounts-for-parent), {@code policies/ID.json} (describe-policy) and {@code
 * targets/TARGET.json} or {@code TARGET.FILTER.json} (list-policies-for-target). Every id that names a file is
 * checked against Organizations' own id rules before it becomes a path.
 */
final class OrganizationCodec extends FileCodec {
    private static final String DIR = SnapshotFiles.ORGANIZATION + "/", DESCRIBE = DIR + SnapshotFiles.ORG_DESCRIBE,
            ROOTS = DIR + SnapshotFiles.ORG_ROOTS, OUS = DIR + SnapshotFiles.ORG_OUS,
            ACCOUNTS = DIR + SnapshotFiles.ORG_ACCOUNTS, POLICIES = DIR + SnapshotFiles.ORG_POLICIES,
            TARGETS = DIR + SnapshotFiles.ORG_TARGETS;

    private static final String ORGANIZATION = "Organization", ROOT_LIST = "Roots", OU_LIST = "OrganizationalUnits",
            ACCOUNT_LIST = "Accounts", POLICY_LIST = "Policies", POLICY = "Policy", SUMMARY = "PolicySummary",
            CONTENT = "Content", ID = "Id", ARN = "Arn", NAME = "Name", EMAIL = "Email", STATUS = "Status",
            FEATURE_SET = "FeatureSet", MANAGEMENT = "MasterAccountId";
    /** The newer name some tools print for the management account. */
    private static final String MANAGEMENT_NEW = "ManagementAccountId", DESCRIPTION = "Description", TYPE = "Type",
            AWS_MANAGED = "AwsManaged";

    OrganizationCodec() {
        super(SnapshotFiles.ORGANIZATION);
    }

    // ---- reading ----------------------------------------------------------------------------------------

    @Override
    public void read(SnapshotFolder folder, SnapshotParts parts) {
        if (folder.isFolder(SnapshotFiles.ORGANIZATION)) {
            parts.organization = Optional.of(organization(folder));
        }
    }

    static Organization organization(SnapshotFolder folder) {
        JsonAt describe = folder.json(DESCRIBE).orElseThrow(() -> new InvalidInputException(DESCRIBE
                + " is missing; create it with aws organizations describe-organization")).get(ORGANIZATION);
        JsonAt roots = folder.json(ROOTS).orElseThrow(() -> new InvalidInputException(ROOTS
                + " is missing; create it with aws organizations list-roots"));
        Map<String, OrgPolicy> policies = new LinkedHashMap<>();
        for (SnapshotFolder.Named f : folder.jsonFiles(POLICIES)) {
            JsonAt p = f.json().get(POLICY);
            JsonAt s = p.get(SUMMARY);
            OrgPolicy policy = new OrgPolicy(Names.orgPolicyId(s.text(ID), s.get(ID).where()), s.optText(ARN),
                    s.text(NAME), s.optText(DESCRIPTION), s.text(TYPE), s.bool(AWS_MANAGED, false), p.policy(CONTENT));
            policies.put(policy.id(), policy);
        }
        Map<String, List<String>> policiesOf = attachments(folder, policies);

        List<OrgUnit> units = new ArrayList<>();
        List<OrgAccount> accounts = new ArrayList<>();
        List<String> queue = new ArrayList<>();
        // Where each unit was found. The tree is walked from the root by the files' own parent links, so a unit
        // listed twice (under itself, its descendant or the root) would be walked again and again: refuse it.
        Map<String, String> foundAt = new HashMap<>();
        for (JsonAt r : roots.list(ROOT_LIST)) {
            String id = Names.orgTarget(r.text(ID), r.get(ID).where());
            onceInTree(id, r, foundAt);
            units.add(new OrgUnit(id, r.optText(ARN), r.optText(NAME), "", policiesOf.getOrDefault(id, List.of())));
            queue.add(id);
        }
        for (int i = 0; i < queue.size(); i++) {
            String parent = queue.get(i);
            for (JsonAt ou : listFor(folder, OUS, parent, OU_LIST)) {
                String id = Names.orgTarget(ou.text(ID), ou.get(ID).where());
                onceInTree(id, ou, foundAt);
                units.add(new OrgUnit(id, ou.optText(ARN), ou.optText(NAME), parent, policiesOf.getOrDefault(id, List.of())));
                queue.add(id);
            }
            for (JsonAt a : listFor(folder, ACCOUNTS, parent, ACCOUNT_LIST)) {
                String id = Names.orgTarget(a.text(ID), a.get(ID).where());
                accounts.add(new OrgAccount(id, a.optText(ARN), a.optText(NAME), a.optText(EMAIL), a.optText(STATUS),
                        parent, policiesOf.getOrDefault(id, List.of())));
            }
        }
        String management = describe.optText(MANAGEMENT);
        if (management.isEmpty()) {
            management = describe.optText(MANAGEMENT_NEW);
        }
        return new Organization(describe.text(ID), describe.optText(ARN), management, describe.optText(FEATURE_SET),
                units, accounts, List.copyOf(policies.values()));
    }

    /** Records where unit {@code id} sits in the tree; a second place means the OU tree has a cycle (or a unit twice). */
    private static void onceInTree(String id, JsonAt at, Map<String, String> foundAt) {
        String first = foundAt.putIfAbsent(id, at.where());
        if (first != null) {
            throw at.error("organization unit " + id + " is listed here and already at " + first + ": the OU tree"
                    + " has a cycle (a unit under itself or under one of its own descendants) or lists a unit twice;"
                    + " check the list-organizational-units-for-parent outputs in " + OUS + "/");
        }
    }

    /** Target id → attached policy ids, from {@code targets/TARGET[.FILTER].json}. */
    private static Map<String, List<String>> attachments(SnapshotFolder folder, Map<String, OrgPolicy> policies) {
        Map<String, List<String>> policiesOf = new HashMap<>();
        for (SnapshotFolder.Named f : folder.jsonFiles(TARGETS)) {
            int dot = f.name().indexOf('.');
            String target = Names.orgTarget(dot < 0 ? f.name() : f.name().substring(0, dot), f.json().file());
            for (JsonAt s : f.json().list(POLICY_LIST)) {
                List<String> ids = policiesOf.computeIfAbsent(target, t -> new ArrayList<>());
                String id = Names.orgPolicyId(s.text(ID), s.get(ID).where());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
                if (!policies.containsKey(id)) {
                    throw s.error("policy " + id + " is attached here but " + POLICIES + "/" + id + ".json is missing;"
                            + " create it with aws organizations describe-policy --policy-id " + id);
                }
            }
        }
        return policiesOf;
    }

    private static List<JsonAt> listFor(SnapshotFolder folder, String dir, String parent, String field) {
        return folder.json(dir + "/" + parent + ".json").map(o -> o.list(field)).orElse(List.of());
    }

    // ---- writing ----------------------------------------------------------------------------------------

    @Override
    public void write(AccountSnapshot s, FolderOut out) {
        s.organization().ifPresent(org -> write(org, out));
    }

    static void write(Organization org, FolderOut out) {
        ObjectNode describe = Json.object();
        describe.putObject(ORGANIZATION).put(ID, org.id()).put(ARN, org.arn()).put(FEATURE_SET, org.featureSet())
                .put(MANAGEMENT, org.managementAccountId());
        out.json(DESCRIBE, describe);

        ObjectNode roots = Json.object();
        ArrayNode rootList = roots.putArray(ROOT_LIST);
        Map<String, List<OrgUnit>> childrenOf = new LinkedHashMap<>();
        Map<String, List<String>> policiesOf = new TreeMap<>();
        for (OrgUnit u : org.units()) {
            if (u.isRoot()) {
                rootList.addObject().put(ID, u.id()).put(ARN, u.arn()).put(NAME, u.name());
            } else {
                childrenOf.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
            policiesOf.put(u.id(), u.policyIds());
        }
        out.json(ROOTS, roots);
        childrenOf.forEach((parent, units) -> {
            ObjectNode o = Json.object();
            ArrayNode list = o.putArray(OU_LIST);
            units.forEach(u -> list.addObject().put(ID, u.id()).put(ARN, u.arn()).put(NAME, u.name()));
            out.json(OUS + "/" + Names.pathSegment(parent, "organization unit parent") + ".json", o);
        });
        Map<String, List<OrgAccount>> accountsOf = new LinkedHashMap<>();
        for (OrgAccount a : org.accounts()) {
            accountsOf.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
            policiesOf.put(a.id(), a.policyIds());
        }
        accountsOf.forEach((parent, accounts) -> {
            ObjectNode o = Json.object();
            ArrayNode list = o.putArray(ACCOUNT_LIST);
            accounts.forEach(a -> list.addObject().put(ID, a.id()).put(ARN, a.arn()).put(EMAIL, a.email())
                    .put(NAME, a.name()).put(STATUS, a.status()));
            out.json(ACCOUNTS + "/" + Names.pathSegment(parent, "account parent") + ".json", o);
        });
        Map<String, OrgPolicy> byId = new LinkedHashMap<>();
        for (OrgPolicy p : org.policies()) {
            byId.put(p.id(), p);
            ObjectNode o = Json.object();
            ObjectNode pn = o.putObject(POLICY);
            summary(pn.putObject(SUMMARY), p);
            pn.put(CONTENT, p.document().json());
            out.json(POLICIES + "/" + Names.pathSegment(p.id(), "organization policy id") + ".json", o);
        }
        policiesOf.forEach((target, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            ObjectNode o = Json.object();
            ArrayNode list = o.putArray(POLICY_LIST);
            for (String id : ids) {
                OrgPolicy p = byId.get(id);
                if (p != null) {
                    summary(list.addObject(), p);
                } else {
                    list.addObject().put(ID, id);
                }
            }
            out.json(TARGETS + "/" + Names.pathSegment(target, "policy target") + ".json", o);
        });
    }

    private static void summary(ObjectNode n, OrgPolicy p) {
        n.put(ID, p.id()).put(ARN, p.arn()).put(NAME, p.name()).put(DESCRIPTION, p.description()).put(TYPE, p.type())
                .put(AWS_MANAGED, p.awsManaged());
    }
}
