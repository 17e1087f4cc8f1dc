package iamnb.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.model.AttachedPolicy;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.InstanceProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.PolicyVersion;
import iamnb.model.Role;
import iamnb.model.SamlProvider;
import iamnb.model.User;
import iamnb.model.VpcEndpoint;
import iamnb.source.internal.CredentialReportCsv;
import iamnb.source.internal.Times;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes an {@link AccountSnapshot} as a snapshot folder in the AWS CLI's own output formats (see the
 * README's "Snapshot folder format"), and computes the SHA-256 of that canonical form for provenance.
 *
 * <p>The model holds no secret, and the writer adds none: no secret access key, no password, no session
 * token can reach the files. Output is deterministic: the same snapshot always gives the same bytes.
 */
public final class SnapshotWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ObjectWriter pretty;

    public SnapshotWriter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        this.pretty = mapper.writer(printer);
    }

    /** Writes the snapshot folder. An existing snapshot folder is replaced; any other non-empty folder is refused. */
    public void write(AccountSnapshot snapshot, Path dir) {
        SortedMap<String, byte[]> files = render(snapshot);
        try {
            prepare(dir);
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve(e.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot write snapshot folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 (hex) over the canonical files, names and contents in name order. */
    public String digest(AccountSnapshot snapshot) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : render(snapshot).entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Long.toString(e.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void prepare(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + " is a file; save needs a folder");
        }
        boolean empty;
        try (Stream<Path> s = Files.list(dir)) {
            empty = s.findAny().isEmpty();
        }
        if (empty) {
            return;
        }
        if (!Files.exists(dir.resolve(SnapshotFiles.ACCOUNT)) && !Files.exists(dir.resolve(SnapshotFiles.GAAD))) {
            throw new InvalidInputException(dir + " is not empty and is not a snapshot folder (no "
                    + SnapshotFiles.ACCOUNT + " or " + SnapshotFiles.GAAD + "); choose an empty or new folder");
        }
        for (String name : SnapshotFiles.ALL) {
            deleteRecursively(dir.resolve(name));
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    /** The folder as file name → bytes, without touching the disk. */
    public SortedMap<String, byte[]> render(AccountSnapshot s) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put(SnapshotFiles.ACCOUNT, json(account(s)));
        files.put(SnapshotFiles.GAAD, json(gaad(s)));
        if (!s.roles().isEmpty()) {
            files.put(SnapshotFiles.LIST_ROLES, json(listRoles(s)));
        }
        s.credentialReport().ifPresent(r ->
                files.put(SnapshotFiles.CREDENTIAL_REPORT, CredentialReportCsv.write(r).getBytes(StandardCharsets.UTF_8)));
        List<AccessKey> keys = s.users().stream().flatMap(u -> u.accessKeys().stream()).toList();
        if (!keys.isEmpty()) {
            files.put(SnapshotFiles.ACCESS_KEYS, json(accessKeys(keys)));
            files.put(SnapshotFiles.ACCESS_KEY_LAST_USED, json(keysLastUsed(keys)));
        }
        List<MfaDevice> mfa = s.users().stream().flatMap(u -> u.mfaDevices().stream()).toList();
        if (!mfa.isEmpty()) {
            files.put(SnapshotFiles.MFA_DEVICES, json(mfaDevices(mfa)));
        }
        if (s.users().stream().anyMatch(u -> u.loginProfile().isPresent())) {
            files.put(SnapshotFiles.LOGIN_PROFILES, json(loginProfiles(s.users())));
        }
        if (!s.oidcProviders().isEmpty()) {
            files.put(SnapshotFiles.OIDC_PROVIDERS, json(oidc(s.oidcProviders())));
        }
        if (!s.samlProviders().isEmpty()) {
            files.put(SnapshotFiles.SAML_PROVIDERS, json(saml(s.samlProviders())));
        }
        if (!s.buckets().isEmpty()) {
            files.put(SnapshotFiles.BUCKETS, json(bucketList(s.buckets())));
            for (Bucket b : s.buckets()) {
                bucketFiles(b, files);
            }
        }
        if (!s.vpcEndpoints().isEmpty()) {
            files.put(SnapshotFiles.VPC_ENDPOINTS, json(vpcEndpoints(s.vpcEndpoints())));
        }
        s.organization().ifPresent(o -> organizationFiles(o, files));
        if (!s.analyzerFindings().isEmpty()) {
            files.put(SnapshotFiles.ANALYZER_FINDINGS, json(findings(s.analyzerFindings())));
        }
        if (!s.cloudTrailEvents().isEmpty()) {
            files.put(SnapshotFiles.CLOUDTRAIL_EVENTS, json(events(s.cloudTrailEvents())));
        }
        return files;
    }

    // ---- account.json ---------------------------------------------------------------------------------------

    private ObjectNode account(AccountSnapshot s) {
        ObjectNode o = F.objectNode();
        o.put("formatVersion", 1);
        o.put("accountId", s.accountId());
        o.put("alias", s.alias());
        o.put("asOf", Times.format(s.asOf()));
        s.credentialReport().flatMap(r -> r.generated())
                .ifPresent(t -> o.put("credentialReportGenerated", Times.format(t)));
        ArrayNode w = o.putArray("warnings");
        s.warnings().forEach(w::add);
        return o;
    }

    // ---- gaad.json (CLI form: documents as JSON objects) ------------------------------------------------

    private ObjectNode gaad(AccountSnapshot s) {
        ObjectNode o = F.objectNode();
        ArrayNode users = o.putArray("UserDetailList");
        for (User u : s.users()) {
            ObjectNode n = users.addObject();
            n.put("Path", u.path());
            n.put("UserName", u.name());
            n.put("UserId", u.userId());
            n.put("Arn", u.arn());
            n.put("CreateDate", Times.format(u.created()));
            inline(n.putArray("UserPolicyList"), u.inlinePolicies());
            ArrayNode g = n.putArray("GroupList");
            u.groups().forEach(g::add);
            attached(n.putArray("AttachedManagedPolicies"), u.attachedPolicies());
            u.permissionsBoundaryArn().ifPresent(b -> boundary(n, b));
            tags(n, u.tags());
        }
        ArrayNode groups = o.putArray("GroupDetailList");
        for (Group g : s.groups()) {
            ObjectNode n = groups.addObject();
            n.put("Path", g.path());
            n.put("GroupName", g.name());
            n.put("GroupId", g.groupId());
            n.put("Arn", g.arn());
            n.put("CreateDate", Times.format(g.created()));
            inline(n.putArray("GroupPolicyList"), g.inlinePolicies());
            attached(n.putArray("AttachedManagedPolicies"), g.attachedPolicies());
        }
        ArrayNode roles = o.putArray("RoleDetailList");
        for (Role r : s.roles()) {
            ObjectNode n = roles.addObject();
            n.put("Path", r.path());
            n.put("RoleName", r.name());
            n.put("RoleId", r.roleId());
            n.put("Arn", r.arn());
            n.put("CreateDate", Times.format(r.created()));
            n.set("AssumeRolePolicyDocument", doc(r.trustPolicy()));
            ArrayNode ips = n.putArray("InstanceProfileList");
            for (InstanceProfile ip : r.instanceProfiles()) {
                ObjectNode i = ips.addObject();
                i.put("Path", ip.path());
                i.put("InstanceProfileName", ip.name());
                i.put("InstanceProfileId", ip.id());
                i.put("Arn", ip.arn());
                i.put("CreateDate", Times.format(ip.created()));
            }
            inline(n.putArray("RolePolicyList"), r.inlinePolicies());
            attached(n.putArray("AttachedManagedPolicies"), r.attachedPolicies());
            r.permissionsBoundaryArn().ifPresent(b -> boundary(n, b));
            tags(n, r.tags());
            ObjectNode last = n.putObject("RoleLastUsed");
            r.lastUsed().ifPresent(l -> {
                last.put("LastUsedDate", Times.format(l.date()));
                if (!l.region().isEmpty()) {
                    last.put("Region", l.region());
                }
            });
        }
        ArrayNode policies = o.putArray("Policies");
        for (ManagedPolicy p : s.policies()) {
            ObjectNode n = policies.addObject();
            n.put("PolicyName", p.name());
            n.put("PolicyId", p.policyId());
            n.put("Arn", p.arn());
            n.put("Path", p.path());
            n.put("DefaultVersionId", p.defaultVersionId());
            n.put("AttachmentCount", p.attachmentCount());
            n.put("PermissionsBoundaryUsageCount", p.permissionsBoundaryUsageCount());
            n.put("IsAttachable", p.isAttachable());
            if (!p.description().isEmpty()) {
                n.put("Description", p.description());
            }
            n.put("CreateDate", Times.format(p.created()));
            n.put("UpdateDate", Times.format(p.updated()));
            ArrayNode versions = n.putArray("PolicyVersionList");
            for (PolicyVersion v : p.versions()) {
                ObjectNode vn = versions.addObject();
                vn.set("Document", doc(v.document()));
                vn.put("VersionId", v.versionId());
                vn.put("IsDefaultVersion", v.isDefault());
                vn.put("CreateDate", Times.format(v.created()));
            }
        }
        return o;
    }

    private void inline(ArrayNode into, List<InlinePolicy> policies) {
        for (InlinePolicy p : policies) {
            ObjectNode n = into.addObject();
            n.put("PolicyName", p.name());
            n.set("PolicyDocument", doc(p.document()));
        }
    }

    private static void attached(ArrayNode into, List<AttachedPolicy> policies) {
        for (AttachedPolicy p : policies) {
            ObjectNode n = into.addObject();
            n.put("PolicyName", p.name());
            n.put("PolicyArn", p.arn());
        }
    }

    private static void boundary(ObjectNode n, String arn) {
        ObjectNode b = n.putObject("PermissionsBoundary");
        b.put("PermissionsBoundaryType", "Policy");
        b.put("PermissionsBoundaryArn", arn);
    }

    private static void tags(ObjectNode n, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ArrayNode t = n.putArray("Tags");
        tags.forEach((k, v) -> {
            ObjectNode e = t.addObject();
            e.put("Key", k);
            e.put("Value", v);
        });
    }

    private JsonNode doc(PolicyDocument d) {
        try {
            return mapper.readTree(d.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed policy document is always valid JSON", e);
        }
    }

    private ObjectNode listRoles(AccountSnapshot s) {
        ObjectNode o = F.objectNode();
        ArrayNode roles = o.putArray("Roles");
        for (Role r : s.roles()) {
            ObjectNode n = roles.addObject();
            n.put("Path", r.path());
            n.put("RoleName", r.name());
            n.put("RoleId", r.roleId());
            n.put("Arn", r.arn());
            n.put("CreateDate", Times.format(r.created()));
            if (!r.description().isEmpty()) {
                n.put("Description", r.description());
            }
            n.put("MaxSessionDuration", r.maxSessionDuration().toSeconds());
        }
        return o;
    }

    // ---- credentials -------------------------------------------------------------------------------------

    private static ObjectNode accessKeys(List<AccessKey> keys) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("AccessKeyMetadata");
        for (AccessKey k : keys) {
            ObjectNode n = list.addObject();
            n.put("UserName", k.userName());
            n.put("AccessKeyId", k.accessKeyId());
            n.put("Status", k.status().json());
            n.put("CreateDate", Times.format(k.created()));
        }
        return o;
    }

    /** Keyed by key id: {@code get-access-key-last-used} output does not repeat the id. */
    private static ObjectNode keysLastUsed(List<AccessKey> keys) {
        ObjectNode o = F.objectNode();
        for (AccessKey k : keys) {
            ObjectNode n = o.putObject(k.accessKeyId());
            n.put("UserName", k.userName());
            ObjectNode last = n.putObject("AccessKeyLastUsed");
            if (k.lastUsed().isPresent()) {
                last.put("LastUsedDate", Times.format(k.lastUsed().get().date()));
                last.put("ServiceName", k.lastUsed().get().service());
                last.put("Region", k.lastUsed().get().region());
            } else {
                last.put("ServiceName", "N/A");
                last.put("Region", "N/A");
            }
        }
        return o;
    }

    private static ObjectNode mfaDevices(List<MfaDevice> devices) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("MFADevices");
        for (MfaDevice d : devices) {
            ObjectNode n = list.addObject();
            n.put("UserName", d.userName());
            n.put("SerialNumber", d.serialNumber());
            n.put("EnableDate", Times.format(d.enabled()));
        }
        return o;
    }

    private static ArrayNode loginProfiles(List<User> users) {
        ArrayNode list = F.arrayNode();
        for (User u : users) {
            u.loginProfile().ifPresent(p -> {
                ObjectNode n = list.addObject().putObject("LoginProfile");
                n.put("UserName", u.name());
                n.put("CreateDate", Times.format(p.created()));
                n.put("PasswordResetRequired", p.passwordResetRequired());
            });
        }
        return list;
    }

    private static ObjectNode oidc(List<OidcProvider> providers) {
        ObjectNode o = F.objectNode();
        for (OidcProvider p : providers) {
            ObjectNode n = o.putObject(p.arn());
            n.put("Url", p.url());
            ArrayNode ids = n.putArray("ClientIDList");
            p.clientIds().forEach(ids::add);
            ArrayNode th = n.putArray("ThumbprintList");
            p.thumbprints().forEach(th::add);
            p.created().ifPresent(c -> n.put("CreateDate", Times.format(c)));
            tags(n, p.tags());
        }
        return o;
    }

    private static ObjectNode saml(List<SamlProvider> providers) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("SAMLProviderList");
        for (SamlProvider p : providers) {
            ObjectNode n = list.addObject();
            n.put("Arn", p.arn());
            p.validUntil().ifPresent(v -> n.put("ValidUntil", Times.format(v)));
            p.created().ifPresent(c -> n.put("CreateDate", Times.format(c)));
        }
        return o;
    }

    // ---- S3 -------------------------------------------------------------------------------------------------

    private static ObjectNode bucketList(List<Bucket> buckets) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("Buckets");
        for (Bucket b : buckets) {
            ObjectNode n = list.addObject();
            n.put("Name", b.name());
            b.created().ifPresent(c -> n.put("CreationDate", Times.format(c)));
            n.put("BucketRegion", b.region());
        }
        return o;
    }

    private void bucketFiles(Bucket b, SortedMap<String, byte[]> files) {
        String dir = SnapshotFiles.BUCKET_DIR + "/" + b.name() + "/";
        b.policy().ifPresent(p -> {
            ObjectNode o = F.objectNode();
            o.put("Policy", p.json());
            files.put(dir + SnapshotFiles.BUCKET_POLICY, json(o));
        });
        b.acl().ifPresent(acl -> {
            ObjectNode o = F.objectNode();
            if (!acl.ownerId().isEmpty()) {
                o.putObject("Owner").put("ID", acl.ownerId());
            }
            ArrayNode grants = o.putArray("Grants");
            for (Bucket.Grant g : acl.grants()) {
                ObjectNode n = grants.addObject();
                ObjectNode grantee = n.putObject("Grantee");
                grantee.put("Type", g.granteeType());
                switch (g.granteeType()) {
                    case "Group" -> grantee.put("URI", g.grantee());
                    case "AmazonCustomerByEmail" -> grantee.put("EmailAddress", g.grantee());
                    default -> grantee.put("ID", g.grantee());
                }
                n.put("Permission", g.permission());
            }
            files.put(dir + SnapshotFiles.BUCKET_ACL, json(o));
        });
        b.publicAccessBlock().ifPresent(pab -> {
            ObjectNode o = F.objectNode();
            ObjectNode c = o.putObject("PublicAccessBlockConfiguration");
            c.put("BlockPublicAcls", pab.blockPublicAcls());
            c.put("IgnorePublicAcls", pab.ignorePublicAcls());
            c.put("BlockPublicPolicy", pab.blockPublicPolicy());
            c.put("RestrictPublicBuckets", pab.restrictPublicBuckets());
            files.put(dir + SnapshotFiles.BUCKET_PUBLIC_ACCESS_BLOCK, json(o));
        });
        b.objectOwnership().ifPresent(rule -> {
            ObjectNode o = F.objectNode();
            o.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", rule);
            files.put(dir + SnapshotFiles.BUCKET_OWNERSHIP, json(o));
        });
    }

    private static ObjectNode vpcEndpoints(List<VpcEndpoint> endpoints) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("VpcEndpoints");
        for (VpcEndpoint e : endpoints) {
            ObjectNode n = list.addObject();
            n.put("VpcEndpointId", e.id());
            n.put("VpcEndpointType", e.type());
            n.put("VpcId", e.vpcId());
            n.put("ServiceName", e.serviceName());
            n.put("State", e.state());
            e.policy().ifPresent(p -> n.put("PolicyDocument", p.json()));
        }
        return o;
    }

    // ---- organization ---------------------------------------------------------------------------------------

    private void organizationFiles(Organization org, SortedMap<String, byte[]> files) {
        String dir = SnapshotFiles.ORGANIZATION + "/";
        ObjectNode describe = F.objectNode();
        ObjectNode on = describe.putObject("Organization");
        on.put("Id", org.id());
        on.put("Arn", org.arn());
        on.put("FeatureSet", org.featureSet());
        on.put("MasterAccountId", org.managementAccountId());
        files.put(dir + SnapshotFiles.ORG_DESCRIBE, json(describe));

        ObjectNode roots = F.objectNode();
        ArrayNode rootList = roots.putArray("Roots");
        Map<String, List<OrgUnit>> childrenOf = new LinkedHashMap<>();
        Map<String, List<OrgAccount>> accountsOf = new LinkedHashMap<>();
        Map<String, List<String>> policiesOf = new TreeMap<>();
        for (OrgUnit u : org.units()) {
            if (u.isRoot()) {
                ObjectNode n = rootList.addObject();
                n.put("Id", u.id());
                n.put("Arn", u.arn());
                n.put("Name", u.name());
            } else {
                childrenOf.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
            policiesOf.put(u.id(), u.policyIds());
        }
        files.put(dir + SnapshotFiles.ORG_ROOTS, json(roots));
        childrenOf.forEach((parent, units) -> {
            ObjectNode o = F.objectNode();
            ArrayNode list = o.putArray("OrganizationalUnits");
            for (OrgUnit u : units) {
                ObjectNode n = list.addObject();
                n.put("Id", u.id());
                n.put("Arn", u.arn());
                n.put("Name", u.name());
            }
            files.put(dir + SnapshotFiles.ORG_OUS + "/" + parent + ".json", json(o));
        });
        for (OrgAccount a : org.accounts()) {
            accountsOf.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a);
            policiesOf.put(a.id(), a.policyIds());
        }
        accountsOf.forEach((parent, accounts) -> {
            ObjectNode o = F.objectNode();
            ArrayNode list = o.putArray("Accounts");
            for (OrgAccount a : accounts) {
                ObjectNode n = list.addObject();
                n.put("Id", a.id());
                n.put("Arn", a.arn());
                n.put("Email", a.email());
                n.put("Name", a.name());
                n.put("Status", a.status());
            }
            files.put(dir + SnapshotFiles.ORG_ACCOUNTS + "/" + parent + ".json", json(o));
        });
        Map<String, OrgPolicy> byId = new LinkedHashMap<>();
        org.policies().forEach(p -> byId.put(p.id(), p));
        for (OrgPolicy p : org.policies()) {
            ObjectNode o = F.objectNode();
            ObjectNode pn = o.putObject("Policy");
            summary(pn.putObject("PolicySummary"), p);
            pn.put("Content", p.document().json());
            files.put(dir + SnapshotFiles.ORG_POLICIES + "/" + p.id() + ".json", json(o));
        }
        policiesOf.forEach((target, ids) -> {
            if (ids.isEmpty()) {
                return;
            }
            ObjectNode o = F.objectNode();
            ArrayNode list = o.putArray("Policies");
            for (String id : ids) {
                OrgPolicy p = byId.get(id);
                if (p != null) {
                    summary(list.addObject(), p);
                } else {
                    list.addObject().put("Id", id);
                }
            }
            files.put(dir + SnapshotFiles.ORG_TARGETS + "/" + target + ".json", json(o));
        });
    }

    private static void summary(ObjectNode n, OrgPolicy p) {
        n.put("Id", p.id());
        n.put("Arn", p.arn());
        n.put("Name", p.name());
        n.put("Description", p.description());
        n.put("Type", p.type());
        n.put("AwsManaged", p.awsManaged());
    }

    // ---- findings and events ----------------------------------------------------------------------------

    private static ObjectNode findings(List<AnalyzerFinding> findings) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("findings");
        for (AnalyzerFinding f : findings) {
            ObjectNode n = list.addObject();
            n.put("id", f.id());
            if (!f.principal().isEmpty()) {
                ObjectNode p = n.putObject("principal");
                f.principal().forEach(p::put);
            }
            if (!f.actions().isEmpty()) {
                ArrayNode a = n.putArray("action");
                f.actions().forEach(a::add);
            }
            n.put("resource", f.resource());
            f.isPublic().ifPresent(b -> n.put("isPublic", b));
            n.put("resourceType", f.resourceType());
            if (!f.condition().isEmpty()) {
                ObjectNode c = n.putObject("condition");
                f.condition().forEach(c::put);
            }
            f.createdAt().ifPresent(t -> n.put("createdAt", Times.format(t)));
            f.analyzedAt().ifPresent(t -> n.put("analyzedAt", Times.format(t)));
            f.updatedAt().ifPresent(t -> n.put("updatedAt", Times.format(t)));
            n.put("status", f.status());
            n.put("resourceOwnerAccount", f.resourceOwnerAccount());
            if (!f.findingType().isEmpty()) {
                n.put("findingType", f.findingType());
            }
        }
        return o;
    }

    private static ObjectNode events(List<CloudTrailEvent> events) {
        ObjectNode o = F.objectNode();
        ArrayNode list = o.putArray("Events");
        for (CloudTrailEvent e : events) {
            ObjectNode n = list.addObject();
            n.put("EventId", e.eventId());
            n.put("EventName", e.eventName());
            n.put("EventTime", Times.format(e.eventTime()));
            n.put("EventSource", e.eventSource());
            n.put("Username", e.username());
            n.put("CloudTrailEvent", e.rawJson());
        }
        return o;
    }

    private byte[] json(JsonNode node) {
        try {
            byte[] body = pretty.writeValueAsBytes(node);
            byte[] out = new byte[body.length + 1];
            System.arraycopy(body, 0, out, 0, body.length);
            out[body.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
