package iamnb.source;

import iamnb.SourceUnavailableException;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.CredentialReport;
import iamnb.model.CredentialReportRow;
import iamnb.model.Group;
import iamnb.model.LoginProfile;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.SamlProvider;
import iamnb.model.User;
import iamnb.aws.internal.AwsClients;
import iamnb.source.internal.AwsFailure;
import iamnb.source.internal.BucketRegions;
import iamnb.source.internal.Names;
import iamnb.source.internal.ReportedCredentials;
import iamnb.source.internal.CredentialReportCsv;
import iamnb.source.internal.Poll;
import iamnb.source.internal.SdkModel;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.iam.model.AssignmentStatusType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads an account from AWS with the SDK: one paginated GetAccountAuthorizationDetails for users, groups,
 * roles and policies, then the optional parts ({@link LivePart}), each of which may be denied without losing
 * the others: a denied part becomes a sentence in {@link AccountSnapshot#warnings()}.
 *
 * <p>The calls, and why each is made:
 * <ul>
 *   <li>STS GetCallerIdentity: the account id.
 *   <li>IAM GetAccountAuthorizationDetails (1,000 items a page): users, groups, roles, policies.
 *   <li>IAM GenerateCredentialReport (polled) and GetCredentialReport: per user, for each access key slot whether
 *       it is active, when it was rotated and last used (date, service, region); password enabled, last used and
 *       changed; MFA active. Per-user calls are made only for what the report lacks:
 *   <li>IAM ListAccessKeys only for users whose report row shows a key: the report has no key ids. The key's last
 *       use comes from the report slot with the same creation instant and status; GetAccessKeyLastUsed is called
 *       only for a key no single slot matches (e.g. two keys created in the same second).
 *   <li>IAM ListVirtualMFADevices (once, paged) for the serial numbers of virtual MFA devices; ListMFADevices only
 *       for users whose report says MFA is active but who have no virtual device (hardware or security keys).
 *   <li>No GetLoginProfile: {@code password_enabled} and {@code password_last_changed} give the login profile.
 *       The report does not say whether a password reset is required; that flag reads {@code false}.
 *   <li>Without a credential report (skipped, denied, or not ready in time) every user gets ListAccessKeys,
 *       GetAccessKeyLastUsed per key, ListMFADevices and GetLoginProfile, as the report would otherwise tell.
 *   <li>IAM ListRoles (1,000 a page): MaxSessionDuration and Description, which GAAD leaves out.
 *   <li>Identity providers, alias, S3 (ListBuckets with {@code max-buckets} so that S3 includes each bucket's
 *       region; GetBucketLocation for a bucket it leaves without one; per bucket its policy, ACL, public access
 *       block and ownership controls), Organizations (policies filtered by type and de-duplicated here: AWS and
 *       emulators have answered with other types), Access Analyzer, CloudTrail: see {@link LivePart}.
 * </ul>
 *
 * <p>Every list call goes through the SDK's paginators; throttled calls are retried by the retry strategy of
 * {@link LiveOptions#retryMode()} up to {@link LiveOptions#maxAttempts()} attempts, each attempt bounded by
 * {@link LiveOptions#attemptTimeout()} and each call by {@link LiveOptions#callTimeout()}; per-user and
 * per-bucket calls run on a small fixed pool of {@link LiveOptions#parallelism()} threads. A failed required call
 * says why and what to do by kind of failure ({@link AwsFailure}). Nothing is ever written to AWS.
 */
public final class LiveSource {
    /** IAM's largest page (MaxItems); IAM's default of 100 would take ten times the requests. */
    private static final int PAGE = 1000;
    /** S3's page of buckets; asking with any parameter makes ListBuckets name each bucket's region. */
    private static final int S3_PAGE = 1000;
    private final LiveOptions options;
    private final ProgressListener progress;
    private final List<String> warnings = new ArrayList<>();

    public LiveSource(LiveOptions options) {
        this.options = options;
        this.progress = ProgressListener.serialised(options.progress());
    }

    /**
     * How the account's provenance names this source: {@code live profile audit (us-east-1)}, {@code live explicit
     * credentials (...)} when {@link LiveOptions#credentials()} were given (they win over a profile), else
     * {@code live default credentials (...)}.
     */
    public String describe(String region) {
        String who = options.credentials().isPresent() ? "explicit credentials"
                : options.profile().map(p -> "profile " + p).orElse("default credentials");
        return "live " + who + " (" + region + ")" + options.endpointOverride().map(u -> " via " + u).orElse("");
    }

    /** STS GetCallerIdentity. */
    public CallerIdentity whoami() {
        try (AwsClients aws = new AwsClients(options)) {
            return whoami(aws);
        }
    }

    private CallerIdentity whoami(AwsClients aws) {
        try {
            var r = aws.sts().getCallerIdentity();
            return new CallerIdentity(r.account(), r.arn(), r.userId());
        } catch (SdkException e) {
            throw unavailable(aws, "sts", "sts:GetCallerIdentity", "find out who the credentials belong to", e);
        }
    }

    /** A collected account and the label of its source. */
    public record Result(AccountSnapshot snapshot, String source) {}

    public Result collect() {
        Instant asOf = options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread t = new Thread(r, "iamnb-live");
            t.setDaemon(true);
            return t;
        });
        try (AwsClients aws = new AwsClients(options)) {
            CallerIdentity me = whoami(aws);
            Gaad gaad = authorizationDetails(aws);
            Optional<CredentialReport> report = options.wants(LivePart.CREDENTIAL_REPORT)
                    ? optional("credential report", "iam:GenerateCredentialReport/GetCredentialReport",
                            () -> credentialReport(aws), Optional.empty())
                    : Optional.empty();
            List<User> users = credentials(aws, pool, gaad.users, report);
            List<Role> roles = options.wants(LivePart.ROLE_DETAILS) ? roleDetails(aws, gaad.roles) : gaad.roles;

            AccountSnapshot.Builder b = AccountSnapshot.builder(me.account(), asOf)
                    .users(users).groups(gaad.groups).roles(roles).policies(gaad.policies)
                    .credentialReport(report.orElse(null));
            if (options.wants(LivePart.IDENTITY_PROVIDERS)) {
                b.alias(optional("account alias", "iam:ListAccountAliases", () -> aws.iam()
                        .listAccountAliasesPaginator().accountAliases().stream().findFirst().orElse(""), ""));
                b.oidcProviders(optional("OIDC providers", "iam:ListOpenIDConnectProviders", () -> oidc(aws), List.of()));
                b.samlProviders(optional("SAML providers", "iam:ListSAMLProviders", () -> saml(aws), List.of()));
            }
            if (options.wants(LivePart.BUCKETS)) {
                b.buckets(optional("S3 buckets", "s3:ListBuckets", () -> buckets(aws, pool), List.of()));
            }
            if (options.wants(LivePart.ORGANIZATION)) {
                b.organization(optional("organization", "organizations:*", () -> organization(aws), null));
            }
            if (options.wants(LivePart.ACCESS_ANALYZER)) {
                b.analyzerFindings(optional("Access Analyzer findings", "access-analyzer:ListFindings",
                        () -> findings(aws), List.of()));
            }
            if (options.wants(LivePart.CLOUDTRAIL)) {
                b.cloudTrailEvents(optional("CloudTrail events", "cloudtrail:LookupEvents",
                        () -> events(aws, asOf), List.of()));
            }
            AccountSnapshot snapshot = b.warnings(warnings).build();
            progress.finished(users.size() + " users, " + roles.size() + " roles, " + gaad.groups.size() + " groups, "
                    + gaad.policies.size() + " policies" + (warnings.isEmpty() ? "" : "; " + warnings.size() + " warning(s)"));
            return new Result(snapshot, describe(aws.region().id()));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- required: authorization details ------------------------------------------------------------------

    private record Gaad(List<User> users, List<Group> groups, List<Role> roles, List<ManagedPolicy> policies) {}

    private Gaad authorizationDetails(AwsClients aws) {
        String phase = "authorization details";
        progress.started(phase, 0);
        List<User> users = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        List<ManagedPolicy> policies = new ArrayList<>();
        int pages = 0;
        try {
            for (GetAccountAuthorizationDetailsResponse page
                    : aws.iam().getAccountAuthorizationDetailsPaginator(r -> r.maxItems(PAGE))) {
                page.userDetailList().forEach(u -> users.add(SdkModel.user(u)));
                page.groupDetailList().forEach(g -> groups.add(SdkModel.group(g)));
                page.roleDetailList().forEach(r -> roles.add(SdkModel.role(r)));
                page.policies().forEach(p -> policies.add(SdkModel.policy(p)));
                progress.advanced(phase, ++pages);
            }
        } catch (SdkException e) {
            throw unavailable(aws, "iam", "iam:GetAccountAuthorizationDetails", "read users, groups, roles and policies", e);
        }
        return new Gaad(users, groups, roles, policies);
    }

    // ---- credential report -------------------------------------------------------------------------------

    private Optional<CredentialReport> credentialReport(AwsClients aws) {
        String phase = "credential report";
        progress.started(phase, 0);
        AtomicInteger polls = new AtomicInteger();
        int attempts = new Poll(options.pollInterval(), options.reportTimeout(), options.clock()).until(() -> {
            progress.advanced(phase, polls.incrementAndGet());
            return aws.iam().generateCredentialReport().state() == ReportStateType.COMPLETE;
        });
        if (attempts < 0) {
            warnings.add("credential report skipped: not ready after " + options.reportTimeout().toSeconds()
                    + " s of polling GenerateCredentialReport");
            return Optional.empty();
        }
        var r = aws.iam().getCredentialReport();
        return Optional.of(CredentialReportCsv.parse(r.content().asUtf8String(), "iam:GetCredentialReport content",
                Optional.ofNullable(r.generatedTime())));
    }

    // ---- per-user credentials ------------------------------------------------------------------------------

    /**
     * Access keys (with last use), MFA devices and login profiles, one task per user on the pool. With the
     * credential report at hand, only what the report lacks is asked (see the class comment); without it, all.
     */
    private List<User> credentials(AwsClients aws, ExecutorService pool, List<User> users,
                                   Optional<CredentialReport> report) {
        boolean keys = options.wants(LivePart.ACCESS_KEYS);
        boolean mfa = options.wants(LivePart.MFA_DEVICES);
        boolean logins = options.wants(LivePart.LOGIN_PROFILES);
        if (!keys && !mfa && !logins) {
            return users;
        }
        Map<String, CredentialReportRow> rows = new HashMap<>();
        report.ifPresent(r -> r.rows().stream().filter(row -> !row.isRoot()).forEach(row -> rows.put(row.user(), row)));
        Failures failures = new Failures();
        Map<String, List<MfaDevice>> virtualMfa = mfa && rows.values().stream().anyMatch(ReportedCredentials::mfaActive)
                ? virtualMfaDevices(aws) : Map.of();
        String phase = "users";
        progress.started(phase, users.size());
        AtomicInteger done = new AtomicInteger();
        List<Future<User>> futures = new ArrayList<>(users.size());
        for (User u : users) {
            futures.add(pool.submit(() -> {
                CredentialReportRow row = rows.get(u.name());
                User.Builder b = u.toBuilder();
                if (keys && (row == null || ReportedCredentials.hasKey(row))) {
                    failures.attempt("access keys", "iam:ListAccessKeys",
                            () -> b.accessKeys(accessKeys(aws, u.name(), Optional.ofNullable(row), failures)));
                }
                if (mfa && row == null) {
                    failures.attempt("MFA devices", "iam:ListMFADevices", () -> b.mfaDevices(mfaDevices(aws, u.name())));
                } else if (mfa && ReportedCredentials.mfaActive(row)) {
                    List<MfaDevice> virtual = virtualMfa.get(u.name());
                    if (virtual != null) {
                        b.mfaDevices(virtual);
                    } else {
                        failures.attempt("MFA devices", "iam:ListMFADevices", () -> b.mfaDevices(mfaDevices(aws, u.name())));
                    }
                }
                if (logins && row == null) {
                    failures.attempt("login profiles", "iam:GetLoginProfile", () -> b.loginProfile(loginProfile(aws, u.name())));
                } else if (logins) {
                    b.loginProfile(ReportedCredentials.loginProfile(row, u.created()).orElse(null));
                }
                progress.advanced(phase, done.incrementAndGet());
                return b.build();
            }));
        }
        List<User> out = joinAll(futures);
        warnings.addAll(failures.summaries());
        return out;
    }

    /**
     * Every assigned virtual MFA device by user, in one paged call. It only saves calls: when it fails (denied,
     * throttled), the map is empty and users with MFA are asked one by one, so nothing is lost and nothing warned.
     */
    private static Map<String, List<MfaDevice>> virtualMfaDevices(AwsClients aws) {
        Map<String, List<MfaDevice>> out = new HashMap<>();
        try {
            for (var d : aws.iam().listVirtualMFADevicesPaginator(r -> r.assignmentStatus(AssignmentStatusType.ASSIGNED)
                    .maxItems(PAGE)).virtualMFADevices()) {
                if (d.user() != null && d.user().userName() != null && d.enableDate() != null) {
                    out.computeIfAbsent(d.user().userName(), k -> new ArrayList<>())
                            .add(new MfaDevice(d.user().userName(), d.serialNumber(), d.enableDate()));
                }
            }
            return out;
        } catch (SdkException e) {
            return Map.of();
        }
    }

    private static List<MfaDevice> mfaDevices(AwsClients aws, String user) {
        return aws.iam().listMFADevicesPaginator(r -> r.userName(user)).mfaDevices().stream()
                .map(d -> new MfaDevice(d.userName(), d.serialNumber(), d.enableDate())).toList();
    }

    private static LoginProfile loginProfile(AwsClients aws, String user) {
        try {
            var p = aws.iam().getLoginProfile(r -> r.userName(user)).loginProfile();
            return new LoginProfile(p.createDate(), Boolean.TRUE.equals(p.passwordResetRequired()));
        } catch (NoSuchEntityException none) {
            return null;
        }
    }

    /**
     * A user's keys from ListAccessKeys, each with its last use: from the credential report slot created at the
     * same instant, else (no report, or no slot matches) from GetAccessKeyLastUsed.
     */
    private static List<AccessKey> accessKeys(AwsClients aws, String user, Optional<CredentialReportRow> row,
                                              Failures failures) {
        List<AccessKey> out = new ArrayList<>();
        for (var k : aws.iam().listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata()) {
            Optional<Optional<AccessKey.KeyLastUsed>> reported = row.flatMap(r -> ReportedCredentials.lastUse(r, k.createDate(),
                    "Active".equalsIgnoreCase(k.statusAsString())));
            Optional<AccessKey.KeyLastUsed> last = reported.orElseGet(() -> failures.value("access key last use",
                    "iam:GetAccessKeyLastUsed", () -> {
                        var used = aws.iam().getAccessKeyLastUsed(r -> r.accessKeyId(k.accessKeyId())).accessKeyLastUsed();
                        return used == null || used.lastUsedDate() == null ? Optional.<AccessKey.KeyLastUsed>empty()
                                : Optional.of(new AccessKey.KeyLastUsed(used.lastUsedDate(), used.serviceName(), used.region()));
                    }, Optional.empty()));
            out.add(new AccessKey(k.userName() == null ? user : k.userName(), k.accessKeyId(),
                    AccessKey.Status.parse(k.statusAsString()), k.createDate(), last));
        }
        return out;
    }

    // ---- roles, identity providers ---------------------------------------------------------------------------

    private List<Role> roleDetails(AwsClients aws, List<Role> roles) {
        Map<String, software.amazon.awssdk.services.iam.model.Role> listed = optional("role details", "iam:ListRoles", () -> {
            Map<String, software.amazon.awssdk.services.iam.model.Role> m = new HashMap<>();
            aws.iam().listRolesPaginator(r -> r.maxItems(PAGE)).roles().forEach(r -> m.put(r.roleName(), r));
            return m;
        }, Map.of());
        if (listed.isEmpty()) {
            return roles;
        }
        return roles.stream().map(r -> {
            var l = listed.get(r.name());
            if (l == null) {
                return r;
            }
            Role.Builder b = r.toBuilder().description(l.description());
            if (l.maxSessionDuration() != null) {
                b.maxSessionDuration(Duration.ofSeconds(l.maxSessionDuration()));
            }
            return b.build();
        }).toList();
    }

    private static List<OidcProvider> oidc(AwsClients aws) {
        List<OidcProvider> out = new ArrayList<>();
        for (var p : aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()) {
            var d = aws.iam().getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(p.arn()));
            Map<String, String> tags = new LinkedHashMap<>();
            d.tags().forEach(t -> tags.put(t.key(), t.value()));
            out.add(new OidcProvider(p.arn(), d.url(), d.clientIDList(), d.thumbprintList(),
                    Optional.ofNullable(d.createDate()), tags));
        }
        return out;
    }

    private static List<SamlProvider> saml(AwsClients aws) {
        return aws.iam().listSAMLProviders().samlProviderList().stream()
                .map(p -> new SamlProvider(p.arn(), Optional.ofNullable(p.createDate()), Optional.ofNullable(p.validUntil())))
                .toList();
    }

    // ---- S3 -------------------------------------------------------------------------------------------------

    private List<Bucket> buckets(AwsClients aws, ExecutorService pool) {
        // S3 includes BucketRegion only when the request carries a parameter: max-buckets is one.
        var listed = aws.s3().listBucketsPaginator(r -> r.maxBuckets(S3_PAGE)).buckets().stream()
                .peek(b -> Names.bucket(b.name(), "s3:ListBuckets")).toList();
        String phase = "buckets";
        progress.started(phase, listed.size());
        Failures failures = new Failures();
        AtomicInteger done = new AtomicInteger();
        List<Future<Bucket>> futures = new ArrayList<>();
        for (var b : listed) {
            futures.add(pool.submit(() -> {
                String name = b.name();
                String region = b.bucketRegion() != null && !b.bucketRegion().isBlank() ? b.bucketRegion()
                        : failures.value("bucket regions", "s3:GetBucketLocation", () -> BucketRegions.fromLocationConstraint(
                                aws.s3().getBucketLocation(r -> r.bucket(name)).locationConstraintAsString()), null);
                Optional<PolicyDocument> policy = failures.value("bucket policies", "s3:GetBucketPolicy",
                        () -> absentOn(() -> Optional.of(PolicyDocument.parse(aws.s3().getBucketPolicy(r -> r.bucket(name)).policy(),
                                "s3:GetBucketPolicy " + name)), "NoSuchBucketPolicy"), Optional.empty());
                Optional<Bucket.Acl> acl = failures.value("bucket ACLs", "s3:GetBucketAcl", () -> {
                    var a = aws.s3().getBucketAcl(r -> r.bucket(name));
                    List<Bucket.Grant> grants = a.grants().stream().map(g -> new Bucket.Grant(
                            g.grantee().typeAsString(),
                            g.grantee().uri() != null ? g.grantee().uri()
                                    : g.grantee().emailAddress() != null ? g.grantee().emailAddress() : g.grantee().id(),
                            g.permissionAsString())).toList();
                    return Optional.of(new Bucket.Acl(a.owner() == null ? "" : a.owner().id(), grants));
                }, Optional.empty());
                Optional<Bucket.PublicAccessBlock> pab = failures.value("public access blocks", "s3:GetPublicAccessBlock",
                        () -> absentOn(() -> {
                            var c = aws.s3().getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration();
                            return Optional.of(new Bucket.PublicAccessBlock(Boolean.TRUE.equals(c.blockPublicAcls()),
                                    Boolean.TRUE.equals(c.ignorePublicAcls()), Boolean.TRUE.equals(c.blockPublicPolicy()),
                                    Boolean.TRUE.equals(c.restrictPublicBuckets())));
                        }, "NoSuchPublicAccessBlockConfiguration"), Optional.empty());
                Optional<String> ownership = failures.value("ownership controls", "s3:GetBucketOwnershipControls",
                        () -> absentOn(() -> aws.s3().getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls()
                                .rules().stream().map(r -> r.objectOwnershipAsString()).findFirst(),
                                "OwnershipControlsNotFoundError"), Optional.empty());
                progress.advanced(phase, done.incrementAndGet());
                return new Bucket(name, region, Optional.ofNullable(b.creationDate()), policy, acl, pab, ownership);
            }));
        }
        List<Bucket> out = joinAll(futures);
        warnings.addAll(failures.summaries());
        return out;
    }

    /** S3 answers "not configured" with an error code; that is an absent value, not a failure. */
    private static <T> Optional<T> absentOn(Supplier<Optional<T>> call, String code) {
        try {
            return call.get();
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && code.equals(e.awsErrorDetails().errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    // ---- organization ---------------------------------------------------------------------------------------

    private Organization organization(AwsClients aws) {
        OrganizationReader.Result r = new OrganizationReader(aws.organizations(), progress, this::reason).read();
        synchronized (warnings) {
            warnings.addAll(r.warnings());
        }
        return r.organization().orElse(null);
    }

    // ---- Access Analyzer, CloudTrail ------------------------------------------------------------------------

    private List<AnalyzerFinding> findings(AwsClients aws) {
        progress.started("access analyzer", 0);
        List<AnalyzerFinding> out = new ArrayList<>();
        for (AnalyzerSummary a : aws.analyzer().listAnalyzersPaginator(r -> { }).analyzers()) {
            String type = a.typeAsString();
            if (type.endsWith("UNUSED_ACCESS")) {
                for (var f : aws.analyzer().listFindingsV2Paginator(r -> r.analyzerArn(a.arn())).findings()) {
                    out.add(new AnalyzerFinding(f.id(), f.resource(), f.resourceTypeAsString(), f.resourceOwnerAccount(),
                            f.statusAsString(), f.findingTypeAsString(), Map.of(), List.of(), Map.of(), Optional.empty(),
                            Optional.ofNullable(f.createdAt()), Optional.ofNullable(f.updatedAt()),
                            Optional.ofNullable(f.analyzedAt())));
                }
            } else {
                for (var f : aws.analyzer().listFindingsPaginator(r -> r.analyzerArn(a.arn())).findings()) {
                    out.add(new AnalyzerFinding(f.id(), f.resource(), f.resourceTypeAsString(), f.resourceOwnerAccount(),
                            f.statusAsString(), "", f.principal(), f.action(), f.condition(), Optional.ofNullable(f.isPublic()),
                            Optional.ofNullable(f.createdAt()), Optional.ofNullable(f.updatedAt()),
                            Optional.ofNullable(f.analyzedAt())));
                }
            }
            progress.advanced("access analyzer", out.size());
        }
        return out;
    }

    private List<CloudTrailEvent> events(AwsClients aws, Instant asOf) {
        progress.started("cloudtrail", options.cloudTrailMaxEvents());
        List<CloudTrailEvent> out = new ArrayList<>();
        for (var e : aws.cloudTrail().lookupEventsPaginator(r -> r.startTime(asOf.minus(options.cloudTrailWindow()))
                .endTime(asOf)).events()) {
            if (out.size() >= options.cloudTrailMaxEvents()) {
                break;
            }
            if (e.cloudTrailEvent() != null) {
                out.add(CloudTrailEvent.fromRecord(e.eventId(), e.username(), e.cloudTrailEvent(),
                        "cloudtrail:LookupEvents event " + e.eventId()));
                progress.advanced("cloudtrail", out.size());
            }
        }
        return out;
    }

    // ---- failure handling -------------------------------------------------------------------------------------

    /** Runs an optional part; a refusal or failure becomes a warning and the fallback value. */
    private <T> T optional(String part, String call, Supplier<T> body, T fallback) {
        try {
            return body.get();
        } catch (SdkException e) {
            synchronized (warnings) {
                warnings.add(part + " skipped: " + call + " " + reason(e));
            }
            return fallback;
        }
    }

    /** The failure in words for a warning (the advice is for required calls). */
    private String reason(SdkException e) {
        return AwsFailure.of("", "", e, options.attemptTimeout(), options.callTimeout()).reason();
    }

    private SourceUnavailableException unavailable(AwsClients aws, String service, String call, String purpose,
                                                   SdkException e) {
        AwsFailure f = AwsFailure.of(call, aws.endpoint(service), e, options.attemptTimeout(), options.callTimeout());
        return new SourceUnavailableException("cannot " + purpose + ": " + f.sentence(), e);
    }

    /** Collects per-item refusals (one user, one bucket) and summarises them as one warning per kind. */
    private final class Failures {
        private final Map<String, int[]> counts = new LinkedHashMap<>();
        private final Map<String, String> examples = new HashMap<>();

        void attempt(String part, String call, Runnable body) {
            value(part, call, () -> {
                body.run();
                return null;
            }, null);
        }

        <T> T value(String part, String call, Supplier<T> body, T fallback) {
            try {
                return body.get();
            } catch (SdkException e) {
                String key = part + " skipped for some items: " + call + " " + reason(e);
                synchronized (this) {
                    counts.computeIfAbsent(key, k -> new int[1])[0]++;
                    examples.putIfAbsent(key, part);
                }
                return fallback;
            }
        }

        synchronized List<String> summaries() {
            List<String> out = new ArrayList<>();
            counts.forEach((k, n) -> out.add(k + " × " + n[0]));
            return out;
        }
    }

    private static <T> List<T> joinAll(List<Future<T>> futures) {
        List<T> out = new ArrayList<>(futures.size());
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted while reading the account", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new SourceUnavailableException("reading the account failed: " + cause, cause);
            }
        }
        return out;
    }
}
