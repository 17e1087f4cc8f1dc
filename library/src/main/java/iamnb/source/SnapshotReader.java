package iamnb.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.CredentialReport;
import iamnb.model.LoginProfile;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.SamlProvider;
import iamnb.model.User;
import iamnb.model.VpcEndpoint;
import iamnb.source.internal.CredentialReportCsv;
import iamnb.source.internal.GaadReader;
import iamnb.source.internal.JsonAt;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * Reads a snapshot folder: files in the formats the AWS CLI prints (see {@link SnapshotFiles} and the README's
 * "Snapshot folder format"). Only {@code gaad.json} is required; every other file adds a part. A malformed
 * file raises {@link InvalidInputException} naming the file, the line or JSON path, and the problem.
 */
public final class SnapshotReader {
    private final ObjectMapper mapper = new ObjectMapper();

    public AccountSnapshot read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("snapshot folder " + dir + " does not exist or is not a folder");
        }
        Path gaadFile = dir.resolve(SnapshotFiles.GAAD);
        if (!Files.isRegularFile(gaadFile)) {
            throw new InvalidInputException("snapshot folder " + dir + " has no " + SnapshotFiles.GAAD
                    + "; create it with: aws iam get-account-authorization-details > " + gaadFile);
        }
        List<String> warnings = new ArrayList<>();
        Optional<JsonAt> account = optionalJson(dir, SnapshotFiles.ACCOUNT);
        account.ifPresent(a -> warnings.addAll(a.strings("warnings")));

        // The side files are independent of gaad.json: parse them while gaad.json streams in.
        Optional<Instant> reportGenerated = account.flatMap(a -> a.optInstant("credentialReportGenerated"));
        CompletableFuture<Optional<CredentialReport>> reportLater = CompletableFuture.supplyAsync(() ->
                Files.isRegularFile(dir.resolve(SnapshotFiles.CREDENTIAL_REPORT))
                        ? Optional.of(CredentialReportCsv.parse(readText(dir.resolve(SnapshotFiles.CREDENTIAL_REPORT)),
                                SnapshotFiles.CREDENTIAL_REPORT, reportGenerated))
                        : Optional.empty());
        CompletableFuture<Map<String, JsonAt>> roleDetailsLater = CompletableFuture.supplyAsync(() -> roleDetails(dir));
        CompletableFuture<Credentials> credentialsLater = CompletableFuture.supplyAsync(() -> credentialFiles(dir));

        GaadReader.Content gaad;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(gaadFile), 1 << 16)) {
            gaad = new GaadReader(mapper).read(in, SnapshotFiles.GAAD);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + gaadFile + ": " + e.getMessage(), e);
        }

        List<Role> roles = applyRoleDetails(join(roleDetailsLater), gaad.roles(), warnings);
        Optional<CredentialReport> report = join(reportLater);
        List<User> users = applyCredentials(join(credentialsLater), gaad.users(), warnings);

        String accountId = account.map(a -> a.optText("accountId")).filter(s -> !s.isEmpty())
                .or(() -> account.map(a -> a.optText("Account")).filter(s -> !s.isEmpty()))
                .or(() -> accountIdFromArns(gaad, report))
                .orElseThrow(() -> new InvalidInputException("snapshot folder " + dir + ": cannot tell the account id;"
                        + " add " + SnapshotFiles.ACCOUNT + " with {\"accountId\": \"123456789012\"}"));
        String alias = account.map(a -> a.optText("alias")).filter(s -> !s.isEmpty())
                .or(() -> optionalJson(dir, SnapshotFiles.ACCOUNT_ALIASES)
                        .flatMap(a -> a.strings("AccountAliases").stream().findFirst()))
                .orElse("");

        AccountSnapshot.Builder b = AccountSnapshot.builder(accountId, Instant.EPOCH)
                .alias(alias)
                .users(users)
                .groups(gaad.groups())
                .roles(roles)
                .policies(gaad.policies())
                .credentialReport(report.orElse(null))
                .oidcProviders(oidcProviders(dir))
                .samlProviders(samlProviders(dir))
                .buckets(buckets(dir))
                .vpcEndpoints(vpcEndpoints(dir))
                .organization(organization(dir).orElse(null))
                .analyzerFindings(findings(dir))
                .cloudTrailEvents(events(dir));

        Instant asOf = account.flatMap(a -> a.optInstant("asOf")).orElse(null);
        if (asOf == null) {
            asOf = latestInstant(b.warnings(List.of()).asOf(Instant.EPOCH).build());
            warnings.add("the snapshot has no " + SnapshotFiles.ACCOUNT + " with \"asOf\"; ages are computed as of "
                    + asOf + ", the latest time found in the data");
        }
        return b.asOf(asOf).warnings(dedupe(warnings)).build();
    }

    // ---- roles: list-roles.json and roles/*.json add what GAAD leaves out ---------------------------------

    private Map<String, JsonAt> roleDetails(Path dir) {
        Map<String, JsonAt> details = new LinkedHashMap<>();
        optionalJson(dir, SnapshotFiles.LIST_ROLES).ifPresent(l -> {
            for (JsonAt r : l.list("Roles")) {
                details.put(r.text("RoleName"), r);
            }
        });
        for (Path f : jsonFiles(dir.resolve(SnapshotFiles.ROLES_DIR))) {
            JsonAt r = readJson(f, SnapshotFiles.ROLES_DIR + "/" + f.getFileName()).get("Role");
            if (r.isMissing()) {
                throw new InvalidInputException(SnapshotFiles.ROLES_DIR + "/" + f.getFileName()
                        + ": expected the output of `aws iam get-role`, {\"Role\": {...}}");
            }
            details.merge(r.text("RoleName"), r, (listed, fromGet) -> fromGet);
        }
        return details;
    }

    private static List<Role> applyRoleDetails(Map<String, JsonAt> details, List<Role> roles, List<String> warnings) {
        if (details.isEmpty()) {
            return roles;
        }
        List<Role> out = new ArrayList<>(roles.size());
        Set<String> known = new java.util.HashSet<>();
        for (Role role : roles) {
            known.add(role.name());
            JsonAt d = details.get(role.name());
            if (d == null) {
                out.add(role);
                continue;
            }
            Role.Builder rb = role.toBuilder();
            if (d.has("MaxSessionDuration")) {
                rb.maxSessionDuration(Duration.ofSeconds(d.integer("MaxSessionDuration", 3600)));
            }
            if (d.has("Description")) {
                rb.description(d.optText("Description"));
            }
            if (d.has("RoleLastUsed")) {
                RoleLastUsed last = GaadReader.roleLastUsed(d.get("RoleLastUsed"));
                rb.lastUsed(last);
            }
            try {
                out.add(rb.build());
            } catch (InvalidInputException e) {
                throw d.error(e.getMessage());
            }
        }
        details.keySet().stream().filter(n -> !known.contains(n)).findFirst().ifPresent(n ->
                warnings.add("role " + n + " appears in " + SnapshotFiles.LIST_ROLES + " or " + SnapshotFiles.ROLES_DIR
                        + "/ but not in " + SnapshotFiles.GAAD + "; it was ignored"));
        return out;
    }

    // ---- users: access keys, last use, MFA devices, login profiles ----------------------------------------

    /** What the credential files say, per user name. */
    private record Credentials(Map<String, List<AccessKey>> keys, Map<String, List<MfaDevice>> mfa,
                               Map<String, LoginProfile> logins) {}

    private Credentials credentialFiles(Path dir) {
        Map<String, JsonAt> lastUsed = new HashMap<>();
        optionalJson(dir, SnapshotFiles.ACCESS_KEY_LAST_USED).ifPresent(m -> lastUsed.putAll(m.fields()));
        for (Path f : jsonFiles(dir.resolve(SnapshotFiles.ACCESS_KEY_LAST_USED_DIR))) {
            String id = f.getFileName().toString().replaceFirst("\\.json$", "");
            lastUsed.put(id, readJson(f, SnapshotFiles.ACCESS_KEY_LAST_USED_DIR + "/" + f.getFileName()));
        }

        Map<String, List<AccessKey>> keys = new LinkedHashMap<>();
        List<JsonAt> keyFiles = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.ACCESS_KEYS).ifPresent(keyFiles::add);
        for (Path f : jsonFiles(dir.resolve(SnapshotFiles.ACCESS_KEYS_DIR))) {
            keyFiles.add(readJson(f, SnapshotFiles.ACCESS_KEYS_DIR + "/" + f.getFileName()));
        }
        for (JsonAt file : keyFiles) {
            for (JsonAt k : listOf(file, "AccessKeyMetadata")) {
                try {
                    String id = k.text("AccessKeyId");
                    AccessKey key = new AccessKey(k.text("UserName"), id, AccessKey.Status.parse(k.text("Status")),
                            k.instant("CreateDate"), keyLastUsed(lastUsed.get(id)));
                    keys.computeIfAbsent(key.userName(), u -> new ArrayList<>()).add(key);
                } catch (InvalidInputException e) {
                    throw e.getMessage().startsWith(k.file()) ? e : k.error(e.getMessage());
                }
            }
        }

        Map<String, List<MfaDevice>> mfa = new LinkedHashMap<>();
        List<JsonAt> mfaFiles = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.MFA_DEVICES).ifPresent(mfaFiles::add);
        for (Path f : jsonFiles(dir.resolve(SnapshotFiles.MFA_DEVICES_DIR))) {
            mfaFiles.add(readJson(f, SnapshotFiles.MFA_DEVICES_DIR + "/" + f.getFileName()));
        }
        for (JsonAt file : mfaFiles) {
            for (JsonAt d : file.list("MFADevices")) {
                MfaDevice m = new MfaDevice(d.text("UserName"), d.text("SerialNumber"), d.instant("EnableDate"));
                mfa.computeIfAbsent(m.userName(), u -> new ArrayList<>()).add(m);
            }
            for (JsonAt d : file.list("VirtualMFADevices")) {
                if (!d.has("User")) {
                    continue; // a virtual device not assigned to anyone protects no one
                }
                MfaDevice m = new MfaDevice(d.get("User").text("UserName"), d.text("SerialNumber"),
                        d.instant("EnableDate"));
                mfa.computeIfAbsent(m.userName(), u -> new ArrayList<>()).add(m);
            }
        }

        Map<String, LoginProfile> logins = new HashMap<>();
        List<JsonAt> loginDocs = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.LOGIN_PROFILES).ifPresent(j ->
                loginDocs.addAll(j.node().isArray() ? j.elements() : List.of(j)));
        for (Path f : jsonFiles(dir.resolve(SnapshotFiles.LOGIN_PROFILES_DIR))) {
            loginDocs.add(readJson(f, SnapshotFiles.LOGIN_PROFILES_DIR + "/" + f.getFileName()));
        }
        for (JsonAt doc : loginDocs) {
            JsonAt p = doc.get("LoginProfile");
            if (p.isMissing()) {
                throw doc.error("expected the output of `aws iam get-login-profile`, {\"LoginProfile\": {...}}");
            }
            logins.put(p.text("UserName"), new LoginProfile(p.instant("CreateDate"), p.bool("PasswordResetRequired", false)));
        }

        return new Credentials(keys, mfa, logins);
    }

    private static List<User> applyCredentials(Credentials c, List<User> users, List<String> warnings) {
        Map<String, List<AccessKey>> keys = c.keys();
        Map<String, List<MfaDevice>> mfa = c.mfa();
        Map<String, LoginProfile> logins = c.logins();
        if (keys.isEmpty() && mfa.isEmpty() && logins.isEmpty()) {
            return users;
        }
        Set<String> names = new java.util.HashSet<>();
        List<User> out = new ArrayList<>(users.size());
        for (User u : users) {
            names.add(u.name());
            List<AccessKey> k = keys.get(u.name());
            List<MfaDevice> m = mfa.get(u.name());
            LoginProfile l = logins.get(u.name());
            if (k == null && m == null && l == null) {
                out.add(u);
                continue;
            }
            User.Builder ub = u.toBuilder();
            if (k != null) {
                ub.accessKeys(k);
            }
            if (m != null) {
                ub.mfaDevices(m);
            }
            if (l != null) {
                ub.loginProfile(l);
            }
            out.add(ub.build());
        }
        Set<String> orphans = new java.util.TreeSet<>();
        keys.keySet().stream().filter(n -> !names.contains(n)).forEach(orphans::add);
        mfa.keySet().stream().filter(n -> !names.contains(n)).forEach(orphans::add);
        logins.keySet().stream().filter(n -> !names.contains(n)).forEach(orphans::add);
        if (!orphans.isEmpty()) {
            warnings.add("credentials were listed for user(s) " + orphans + " who are not in " + SnapshotFiles.GAAD
                    + "; they were ignored");
        }
        return out;
    }

    private static Optional<AccessKey.KeyLastUsed> keyLastUsed(JsonAt doc) {
        if (doc == null) {
            return Optional.empty();
        }
        JsonAt last = doc.get("AccessKeyLastUsed");
        if (last.isMissing() || !last.has("LastUsedDate")) {
            return Optional.empty();
        }
        return Optional.of(new AccessKey.KeyLastUsed(last.instant("LastUsedDate"), last.optText("ServiceName"),
                last.optText("Region")));
    }

    // ---- identity providers ---------------------------------------------------------------------------------

    private List<OidcProvider> oidcProviders(Path dir) {
        Optional<JsonAt> file = optionalJson(dir, SnapshotFiles.OIDC_PROVIDERS);
        if (file.isEmpty()) {
            return List.of();
        }
        List<OidcProvider> out = new ArrayList<>();
        JsonAt f = file.get();
        if (f.has("OpenIDConnectProviderList")) {
            for (JsonAt p : f.list("OpenIDConnectProviderList")) {
                String arn = p.text("Arn");
                out.add(new OidcProvider(arn, "", List.of(), List.of(), Optional.empty(), Map.of()));
            }
            return out;
        }
        for (Map.Entry<String, JsonAt> e : f.fields().entrySet()) {
            JsonAt p = e.getValue();
            if (!e.getKey().startsWith("arn:")) {
                throw p.error("keys of " + SnapshotFiles.OIDC_PROVIDERS + " must be provider ARNs, each mapped to an"
                        + " `aws iam get-open-id-connect-provider` output");
            }
            out.add(new OidcProvider(e.getKey(), p.optText("Url"), p.strings("ClientIDList"),
                    p.strings("ThumbprintList"), p.optInstant("CreateDate"), p.tags("Tags")));
        }
        return out;
    }

    private List<SamlProvider> samlProviders(Path dir) {
        List<SamlProvider> out = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.SAML_PROVIDERS).ifPresent(f -> {
            for (JsonAt p : f.list("SAMLProviderList")) {
                out.add(new SamlProvider(p.text("Arn"), p.optInstant("CreateDate"), p.optInstant("ValidUntil")));
            }
        });
        return out;
    }

    // ---- S3 -------------------------------------------------------------------------------------------------

    private List<Bucket> buckets(Path dir) {
        Map<String, JsonAt> listed = new LinkedHashMap<>();
        optionalJson(dir, SnapshotFiles.BUCKETS).ifPresent(f -> {
            for (JsonAt b : f.list("Buckets")) {
                listed.put(b.text("Name"), b);
            }
        });
        Path bucketDir = dir.resolve(SnapshotFiles.BUCKET_DIR);
        Set<String> names = new LinkedHashSet<>(listed.keySet());
        if (Files.isDirectory(bucketDir)) {
            try (Stream<Path> s = Files.list(bucketDir)) {
                s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new SourceUnavailableException("cannot list " + bucketDir + ": " + e.getMessage(), e);
            }
        }
        List<Bucket> out = new ArrayList<>();
        for (String name : names) {
            Path bd = bucketDir.resolve(name);
            String prefix = SnapshotFiles.BUCKET_DIR + "/" + name + "/";
            JsonAt entry = listed.get(name);
            Optional<Instant> created = entry == null ? Optional.empty() : entry.optInstant("CreationDate");
            String region = entry == null ? "" : entry.optText("BucketRegion");
            Optional<JsonAt> location = optionalJson(bd, SnapshotFiles.BUCKET_LOCATION, prefix);
            if (location.isPresent()) {
                region = location.get().optText("LocationConstraint");
                region = region.equals("EU") ? "eu-west-1" : region;
            }
            var policy = optionalJson(bd, SnapshotFiles.BUCKET_POLICY, prefix).map(p -> p.policy("Policy"));
            var acl = optionalJson(bd, SnapshotFiles.BUCKET_ACL, prefix).map(SnapshotReader::acl);
            var pab = optionalJson(bd, SnapshotFiles.BUCKET_PUBLIC_ACCESS_BLOCK, prefix).map(p -> {
                JsonAt c = p.get("PublicAccessBlockConfiguration");
                return new Bucket.PublicAccessBlock(c.bool("BlockPublicAcls", false), c.bool("IgnorePublicAcls", false),
                        c.bool("BlockPublicPolicy", false), c.bool("RestrictPublicBuckets", false));
            });
            var ownership = optionalJson(bd, SnapshotFiles.BUCKET_OWNERSHIP, prefix).flatMap(o ->
                    o.get("OwnershipControls").list("Rules").stream().map(r -> r.text("ObjectOwnership")).findFirst());
            out.add(new Bucket(name, region, created, policy, acl, pab, ownership));
        }
        return out;
    }

    private static Bucket.Acl acl(JsonAt a) {
        List<Bucket.Grant> grants = new ArrayList<>();
        for (JsonAt g : a.list("Grants")) {
            JsonAt grantee = g.get("Grantee");
            String type = grantee.text("Type");
            String who = grantee.has("URI") ? grantee.text("URI")
                    : grantee.has("EmailAddress") ? grantee.text("EmailAddress") : grantee.optText("ID");
            grants.add(new Bucket.Grant(type, who, g.text("Permission")));
        }
        return new Bucket.Acl(a.get("Owner").optText("ID"), grants);
    }

    private List<VpcEndpoint> vpcEndpoints(Path dir) {
        List<VpcEndpoint> out = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.VPC_ENDPOINTS).ifPresent(f -> {
            for (JsonAt e : f.list("VpcEndpoints")) {
                out.add(new VpcEndpoint(e.text("VpcEndpointId"), e.optText("VpcId"), e.optText("ServiceName"),
                        e.optText("VpcEndpointType"), e.optText("State"),
                        e.has("PolicyDocument") ? Optional.of(e.policy("PolicyDocument")) : Optional.empty()));
            }
        });
        return out;
    }

    // ---- organization ---------------------------------------------------------------------------------------

    private Optional<Organization> organization(Path dir) {
        Path od = dir.resolve(SnapshotFiles.ORGANIZATION);
        if (!Files.isDirectory(od)) {
            return Optional.empty();
        }
        String prefix = SnapshotFiles.ORGANIZATION + "/";
        JsonAt describe = optionalJson(od, SnapshotFiles.ORG_DESCRIBE, prefix).orElseThrow(() ->
                new InvalidInputException(prefix + SnapshotFiles.ORG_DESCRIBE + " is missing; create it with"
                        + " aws organizations describe-organization")).get("Organization");
        JsonAt roots = optionalJson(od, SnapshotFiles.ORG_ROOTS, prefix).orElseThrow(() ->
                new InvalidInputException(prefix + SnapshotFiles.ORG_ROOTS + " is missing; create it with"
                        + " aws organizations list-roots"));

        Map<String, List<String>> policiesOf = new HashMap<>();
        Map<String, OrgPolicy> policies = new LinkedHashMap<>();
        for (Path f : jsonFiles(od.resolve(SnapshotFiles.ORG_POLICIES))) {
            String name = prefix + SnapshotFiles.ORG_POLICIES + "/" + f.getFileName();
            JsonAt p = readJson(f, name).get("Policy");
            JsonAt s = p.get("PolicySummary");
            OrgPolicy policy = new OrgPolicy(s.text("Id"), s.optText("Arn"), s.text("Name"), s.optText("Description"),
                    s.text("Type"), s.bool("AwsManaged", false), p.policy("Content"));
            policies.put(policy.id(), policy);
        }
        for (Path f : jsonFiles(od.resolve(SnapshotFiles.ORG_TARGETS))) {
            String target = f.getFileName().toString().replaceFirst("\\.json$", "");
            int dot = target.indexOf('.');
            target = dot < 0 ? target : target.substring(0, dot);
            JsonAt list = readJson(f, prefix + SnapshotFiles.ORG_TARGETS + "/" + f.getFileName());
            for (JsonAt s : list.list("Policies")) {
                List<String> ids = policiesOf.computeIfAbsent(target, t -> new ArrayList<>());
                String id = s.text("Id");
                if (!ids.contains(id)) {
                    ids.add(id);
                }
                if (!policies.containsKey(id)) {
                    throw s.error("policy " + id + " is attached here but " + prefix + SnapshotFiles.ORG_POLICIES
                            + "/" + id + ".json is missing; create it with aws organizations describe-policy --policy-id " + id);
                }
            }
        }

        List<OrgUnit> units = new ArrayList<>();
        List<OrgAccount> accounts = new ArrayList<>();
        ArrayList<String> queue = new ArrayList<>();
        for (JsonAt r : roots.list("Roots")) {
            String id = r.text("Id");
            units.add(new OrgUnit(id, r.optText("Arn"), r.optText("Name"), "", policiesOf.getOrDefault(id, List.of())));
            queue.add(id);
        }
        for (int i = 0; i < queue.size(); i++) {
            String parent = queue.get(i);
            Optional<JsonAt> ous = optionalJson(od.resolve(SnapshotFiles.ORG_OUS), parent + ".json",
                    prefix + SnapshotFiles.ORG_OUS + "/");
            for (JsonAt ou : ous.map(o -> o.list("OrganizationalUnits")).orElse(List.of())) {
                String id = ou.text("Id");
                units.add(new OrgUnit(id, ou.optText("Arn"), ou.optText("Name"), parent,
                        policiesOf.getOrDefault(id, List.of())));
                queue.add(id);
            }
            Optional<JsonAt> accts = optionalJson(od.resolve(SnapshotFiles.ORG_ACCOUNTS), parent + ".json",
                    prefix + SnapshotFiles.ORG_ACCOUNTS + "/");
            for (JsonAt a : accts.map(o -> o.list("Accounts")).orElse(List.of())) {
                String id = a.text("Id");
                accounts.add(new OrgAccount(id, a.optText("Arn"), a.optText("Name"), a.optText("Email"),
                        a.optText("Status"), parent, policiesOf.getOrDefault(id, List.of())));
            }
        }
        String management = describe.optText("MasterAccountId");
        if (management.isEmpty()) {
            management = describe.optText("ManagementAccountId");
        }
        return Optional.of(new Organization(describe.text("Id"), describe.optText("Arn"), management,
                describe.optText("FeatureSet"), units, accounts, List.copyOf(policies.values())));
    }

    // ---- findings and events ----------------------------------------------------------------------------

    private List<AnalyzerFinding> findings(Path dir) {
        List<AnalyzerFinding> out = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.ANALYZER_FINDINGS).ifPresent(f -> {
            for (JsonAt x : f.list("findings")) {
                Map<String, String> principal = new LinkedHashMap<>();
                x.get("principal").fields().forEach((k, v) -> principal.put(k, v.asText()));
                Map<String, String> condition = new LinkedHashMap<>();
                x.get("condition").fields().forEach((k, v) -> condition.put(k, v.asText()));
                out.add(new AnalyzerFinding(x.text("id"), x.optText("resource"), x.optText("resourceType"),
                        x.optText("resourceOwnerAccount"), x.optText("status"), x.optText("findingType"), principal,
                        x.strings("action"), condition, x.optBool("isPublic"), x.optInstant("createdAt"),
                        x.optInstant("updatedAt"), x.optInstant("analyzedAt")));
            }
        });
        return out;
    }

    private List<CloudTrailEvent> events(Path dir) {
        List<CloudTrailEvent> out = new ArrayList<>();
        optionalJson(dir, SnapshotFiles.CLOUDTRAIL_EVENTS).ifPresent(f -> {
            for (JsonAt e : f.list("Events")) {
                String raw = e.text("CloudTrailEvent");
                CloudTrailEvent event = CloudTrailEvent.fromRecord(e.optText("EventId"), e.optText("Username"), raw,
                        e.where() + ".CloudTrailEvent");
                out.add(event);
            }
        });
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Waits for a side file; its own exception (naming the file) comes out unwrapped. */
    private static <T> T join(CompletableFuture<T> later) {
        try {
            return later.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static Optional<String> accountIdFromArns(GaadReader.Content gaad, Optional<CredentialReport> report) {
        Stream<String> arns = Stream.of(
                gaad.users().stream().map(User::arn),
                gaad.roles().stream().map(Role::arn),
                gaad.groups().stream().map(g -> g.arn()),
                gaad.policies().stream().filter(p -> !p.isAwsManaged()).map(p -> p.arn()),
                report.stream().flatMap(r -> r.rows().stream()).map(r -> r.arn()))
                .flatMap(s -> s);
        return arns.map(a -> a.split(":", 6)).filter(p -> p.length > 4 && p[4].matches("\\d{12}"))
                .map(p -> p[4]).findFirst();
    }

    private static Instant latestInstant(AccountSnapshot s) {
        Instant latest = Instant.EPOCH;
        for (User u : s.users()) {
            latest = max(latest, u.created());
            for (AccessKey k : u.accessKeys()) {
                latest = max(latest, k.created());
                if (k.lastUsed().isPresent()) {
                    latest = max(latest, k.lastUsed().get().date());
                }
            }
        }
        for (Role r : s.roles()) {
            latest = max(latest, r.created());
            if (r.lastUsed().isPresent()) {
                latest = max(latest, r.lastUsed().get().date());
            }
        }
        for (var p : s.policies()) {
            latest = max(latest, p.updated());
        }
        for (CloudTrailEvent e : s.cloudTrailEvents()) {
            latest = max(latest, e.eventTime());
        }
        return latest;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<String> dedupe(List<String> warnings) {
        return List.copyOf(new LinkedHashSet<>(warnings));
    }

    /** A list field, or the file itself when it is a bare list. */
    private static List<JsonAt> listOf(JsonAt file, String field) {
        return file.node().isArray() ? file.elements() : file.list(field);
    }

    private Optional<JsonAt> optionalJson(Path dir, String name) {
        return optionalJson(dir, name, "");
    }

    private Optional<JsonAt> optionalJson(Path dir, String name, String prefix) {
        Path f = dir.resolve(name);
        return Files.isRegularFile(f) ? Optional.of(readJson(f, prefix + name)) : Optional.empty();
    }

    private JsonAt readJson(Path f, String label) {
        String text = readText(f);
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null) {
                throw new InvalidInputException(label + ": the file is empty; expected JSON from the AWS CLI");
            }
            return JsonAt.root(node, label);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InvalidInputException(label + ": not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String readText(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new SourceUnavailableException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
