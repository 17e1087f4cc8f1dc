package iamnb.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AttachedPolicy;
import iamnb.model.Bucket;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.MfaDevice;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.User;
import iamnb.source.internal.CredentialReportCsv;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local AWS that serves one {@link AccountSnapshot} in AWS's own wire formats, for tests and benchmarks of the
 * live source: IAM and STS query protocol (form-encoded POST, XML answers, {@code MaxItems}/{@code Marker}
 * paging), S3 REST-XML ListBuckets, Organizations / CloudTrail JSON 1.1 and Access Analyzer REST-JSON (an
 * account outside any organization, no analyzers, no events). It counts every request by action and can throttle
 * a given share of them, answering as AWS does ({@code Throttling} in IAM's XML error body).
 *
 * <p>It is a real HTTP server (WireMock with one response transformer); the SDK clients talk to it over sockets.
 * What it does not serve (per-bucket S3 calls) it refuses with {@code AccessDenied}, as a restricted account would.
 */
public final class FakeAws implements AutoCloseable {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

    private final AccountSnapshot account;
    private final double throttleShare;
    private final SplittableRandom random;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final WireMockServer server;

    /**
     * @param account what the account holds; its credential report is what GetCredentialReport returns
     * @param throttleShare the share of requests answered with {@code Throttling} (0 for none)
     * @param seed makes the throttled requests the same from run to run
     */
    public FakeAws(AccountSnapshot account, double throttleShare, long seed) {
        this(account, throttleShare, seed, true);
    }

    private FakeAws(AccountSnapshot account, double throttleShare, long seed, boolean serve) {
        this.account = account;
        this.throttleShare = throttleShare;
        this.random = new SplittableRandom(seed);
        this.server = serve ? new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .disableRequestJournal().containerThreads(24).extensions(new Transformer())) : null;
        if (server != null) {
            server.start();
            server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        }
    }

    /**
     * The answers for one account without a server of its own, for a fake that serves several accounts on one port
     * and hands each request to the account it was signed for ({@link #answer}).
     */
    static FakeAws responder(AccountSnapshot account) {
        return new FakeAws(account, 0, 0, false);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Requests received per action (throttled ones included), in action order. */
    public Map<String, Integer> requests() {
        Map<String, Integer> out = new TreeMap<>();
        requests.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int throttledRequests() {
        return throttled.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            return answer(event.getRequest());
        }

        @Override
        public String getName() {
            return "fake-aws";
        }
    }

    /** This account's answer to one request (IAM/STS query, S3, JSON 1.1 or REST-JSON). */
    ResponseDefinition answer(Request request) {
        String target = request.getHeader("X-Amz-Target");
        if (target != null) {
            String action = target.substring(target.lastIndexOf('.') + 1);
            return count(action) ? jsonError(400, "ThrottlingException", "Rate exceeded") : json(action);
        }
        if (request.getMethod().getName().equals("GET")) {
            URI url = URI.create(request.getUrl());
            String action = url.getPath().equals("/analyzer") ? "ListAnalyzers"
                    : url.getPath().equals("/") ? "ListBuckets" : "S3 " + url.getPath();
            if (count(action)) {
                return xml(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>");
            }
            return switch (action) {
                case "ListAnalyzers" -> ok("application/json", "{\"analyzers\":[]}");
                case "ListBuckets" -> xml(200, listBuckets(url.getRawQuery() != null));
                default -> xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
            };
        }
        Map<String, String> form = form(request.getBodyAsString());
        String action = form.getOrDefault("Action", "?");
        if (count(action)) {
            return xml(400, iamError("Throttling", "Rate exceeded"));
        }
        return query(action, form);
    }

    /** Counts a request; true when it is to be throttled. */
    private boolean count(String action) {
        requests.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
        boolean throttle;
        synchronized (random) {
            throttle = throttleShare > 0 && random.nextDouble() < throttleShare;
        }
        if (throttle) {
            throttled.incrementAndGet();
        }
        return throttle;
    }

    private ResponseDefinition query(String action, Map<String, String> form) {
        return switch (action) {
            case "GetCallerIdentity" -> xml(200, "<GetCallerIdentityResponse xmlns=\"" + STS_NS + "\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::" + account.accountId() + ":user/auditor</Arn><UserId>AIDAFAKEAUDITOR00001</UserId>"
                    + "<Account>" + account.accountId() + "</Account></GetCallerIdentityResult>"
                    + "<ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
            case "GetAccountAuthorizationDetails" -> iamOk(action, authorizationDetails(form));
            case "GenerateCredentialReport" -> iamOk(action, "<State>COMPLETE</State>");
            case "GetCredentialReport" -> account.credentialReport().isEmpty()
                    ? xml(410, iamError("ReportNotPresent", "Credential report not present"))
                    : iamOk(action, "<Content>" + Base64.getEncoder().encodeToString(CredentialReportCsv.write(
                            account.credentialReport().get()).getBytes(StandardCharsets.UTF_8)) + "</Content>"
                            + "<ReportFormat>text/csv</ReportFormat><GeneratedTime>"
                            + account.credentialReport().get().generated().orElse(account.asOf()) + "</GeneratedTime>");
            case "ListAccessKeys" -> withUser(form, u -> iamOk(action, "<AccessKeyMetadata>" + each(u.accessKeys(), k ->
                    "<member><UserName>" + x(u.name()) + "</UserName><AccessKeyId>" + k.accessKeyId() + "</AccessKeyId>"
                            + "<Status>" + k.status().json() + "</Status><CreateDate>" + k.created() + "</CreateDate></member>")
                    + "</AccessKeyMetadata><IsTruncated>false</IsTruncated>"));
            case "GetAccessKeyLastUsed" -> accessKeyLastUsed(form.get("AccessKeyId"));
            case "ListMFADevices" -> withUser(form, u -> iamOk(action, "<MFADevices>" + each(u.mfaDevices(), d ->
                    "<member><UserName>" + x(u.name()) + "</UserName><SerialNumber>" + x(d.serialNumber()) + "</SerialNumber>"
                            + "<EnableDate>" + d.enabled() + "</EnableDate></member>") + "</MFADevices><IsTruncated>false</IsTruncated>"));
            case "ListVirtualMFADevices" -> iamOk(action, virtualMfaDevices(form));
            case "GetLoginProfile" -> withUser(form, u -> u.loginProfile().isEmpty()
                    ? xml(404, iamError("NoSuchEntity", "Login Profile for User " + u.name() + " cannot be found."))
                    : iamOk(action, "<LoginProfile><UserName>" + x(u.name()) + "</UserName><CreateDate>"
                            + u.loginProfile().get().created() + "</CreateDate><PasswordResetRequired>"
                            + u.loginProfile().get().passwordResetRequired() + "</PasswordResetRequired></LoginProfile>"));
            case "ListRoles" -> iamOk(action, listRoles(form));
            case "ListAccountAliases" -> iamOk(action, "<AccountAliases>" + (account.alias().isEmpty() ? ""
                    : "<member>" + x(account.alias()) + "</member>") + "</AccountAliases><IsTruncated>false</IsTruncated>");
            case "ListOpenIDConnectProviders" -> iamOk(action, "<OpenIDConnectProviderList>" + each(account.oidcProviders(),
                    p -> "<member><Arn>" + x(p.arn()) + "</Arn></member>") + "</OpenIDConnectProviderList>");
            case "GetOpenIDConnectProvider" -> account.oidcProviders().stream()
                    .filter(p -> p.arn().equals(form.get("OpenIDConnectProviderArn"))).findFirst()
                    .map(p -> iamOk(action, "<ThumbprintList>" + each(p.thumbprints(), t -> "<member>" + t + "</member>")
                            + "</ThumbprintList>" + p.created().map(c -> "<CreateDate>" + c + "</CreateDate>").orElse("")
                            + "<ClientIDList>" + each(p.clientIds(), c -> "<member>" + x(c) + "</member>") + "</ClientIDList>"
                            + "<Url>" + x(p.url()) + "</Url><Tags>" + tags(p.tags()) + "</Tags>"))
                    .orElseGet(() -> xml(404, iamError("NoSuchEntity", "no such OIDC provider")));
            case "ListSAMLProviders" -> iamOk(action, "<SAMLProviderList>" + each(account.samlProviders(), p ->
                    "<member><Arn>" + x(p.arn()) + "</Arn>" + p.validUntil().map(v -> "<ValidUntil>" + v + "</ValidUntil>").orElse("")
                            + p.created().map(c -> "<CreateDate>" + c + "</CreateDate>").orElse("") + "</member>")
                    + "</SAMLProviderList>");
            default -> xml(400, iamError("InvalidAction", "The action " + action + " is not valid for this web service."));
        };
    }

    private ResponseDefinition json(String action) {
        return switch (action) {
            case "DescribeOrganization" -> jsonError(400, "AWSOrganizationsNotInUseException",
                    "Your account is not a member of an organization.");
            case "LookupEvents" -> ok("application/x-amz-json-1.1", "{\"Events\":[]}");
            default -> jsonError(400, "UnknownOperationException", action);
        };
    }

    // ---- IAM answers --------------------------------------------------------------------------------------------

    /** GetAccountAuthorizationDetails pages through users, groups, roles and policies, {@code MaxItems} at a time. */
    private String authorizationDetails(Map<String, String> form) {
        List<String[]> items = new ArrayList<>();
        account.users().forEach(u -> items.add(new String[] {"UserDetailList", user(u)}));
        account.groups().forEach(g -> items.add(new String[] {"GroupDetailList", group(g)}));
        account.roles().forEach(r -> items.add(new String[] {"RoleDetailList", role(r)}));
        account.policies().forEach(p -> items.add(new String[] {"Policies", policy(p)}));
        Page page = Page.of(form, items.size());
        Map<String, StringBuilder> lists = new LinkedHashMap<>();
        for (String list : List.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies")) {
            lists.put(list, new StringBuilder());
        }
        for (int i = page.from; i < page.to; i++) {
            lists.get(items.get(i)[0]).append(items.get(i)[1]);
        }
        StringBuilder out = new StringBuilder(page.xml());
        lists.forEach((name, members) -> out.append('<').append(name).append('>').append(members).append("</").append(name).append('>'));
        return out.toString();
    }

    private String listRoles(Map<String, String> form) {
        Page page = Page.of(form, account.roles().size());
        StringBuilder out = new StringBuilder("<Roles>");
        for (Role r : account.roles().subList(page.from, page.to)) {
            out.append("<member><Path>").append(x(r.path())).append("</Path><RoleName>").append(x(r.name()))
                    .append("</RoleName><RoleId>").append(r.roleId()).append("</RoleId><Arn>").append(x(r.arn()))
                    .append("</Arn><CreateDate>").append(r.created()).append("</CreateDate><AssumeRolePolicyDocument>")
                    .append(doc(r.trustPolicy())).append("</AssumeRolePolicyDocument>")
                    .append(r.description().isEmpty() ? "" : "<Description>" + x(r.description()) + "</Description>")
                    .append("<MaxSessionDuration>").append(r.maxSessionDuration().toSeconds()).append("</MaxSessionDuration></member>");
        }
        return out.append("</Roles>").append(page.xml()).toString();
    }

    /** Virtual MFA devices have ARN serial numbers ({@code arn:aws:iam::…:mfa/…}); hardware ones do not. */
    private String virtualMfaDevices(Map<String, String> form) {
        List<String> members = new ArrayList<>();
        for (User u : account.users()) {
            for (MfaDevice d : u.mfaDevices()) {
                if (d.serialNumber().contains(":mfa/")) {
                    members.add("<member><SerialNumber>" + x(d.serialNumber()) + "</SerialNumber><User><Path>" + x(u.path())
                            + "</Path><UserName>" + x(u.name()) + "</UserName><UserId>" + u.userId() + "</UserId><Arn>"
                            + x(u.arn()) + "</Arn><CreateDate>" + u.created() + "</CreateDate></User><EnableDate>"
                            + d.enabled() + "</EnableDate></member>");
                }
            }
        }
        Page page = Page.of(form, members.size());
        return "<VirtualMFADevices>" + String.join("", members.subList(page.from, page.to)) + "</VirtualMFADevices>" + page.xml();
    }

    private ResponseDefinition accessKeyLastUsed(String keyId) {
        for (User u : account.users()) {
            for (AccessKey k : u.accessKeys()) {
                if (k.accessKeyId().equals(keyId)) {
                    String last = k.lastUsed().map(l -> "<LastUsedDate>" + l.date() + "</LastUsedDate><ServiceName>"
                            + l.service() + "</ServiceName><Region>" + l.region() + "</Region>")
                            .orElse("<ServiceName>N/A</ServiceName><Region>N/A</Region>");
                    return iamOk("GetAccessKeyLastUsed", "<UserName>" + x(u.name()) + "</UserName><AccessKeyLastUsed>" + last
                            + "</AccessKeyLastUsed>");
                }
            }
        }
        return xml(400, iamError("InvalidClientTokenId", "no such key"));
    }

    private ResponseDefinition withUser(Map<String, String> form, Function<User, ResponseDefinition> answer) {
        return account.users().stream().filter(u -> u.name().equals(form.get("UserName"))).findFirst().map(answer)
                .orElseGet(() -> xml(404, iamError("NoSuchEntity", "The user with name " + form.get("UserName")
                        + " cannot be found.")));
    }

    private String listBuckets(boolean withRegions) {
        StringBuilder out = new StringBuilder("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>fakeowner</ID></Owner><Buckets>");
        for (Bucket b : account.buckets()) {
            out.append("<Bucket><Name>").append(x(b.name())).append("</Name>")
                    .append(b.created().map(c -> "<CreationDate>" + c + "</CreationDate>").orElse(""))
                    .append(withRegions ? "<BucketRegion>" + b.region() + "</BucketRegion>" : "").append("</Bucket>");
        }
        return out.append("</Buckets></ListAllMyBucketsResult>").toString();
    }

    private static String user(User u) {
        return "<member><Path>" + x(u.path()) + "</Path><UserName>" + x(u.name()) + "</UserName><UserId>" + u.userId()
                + "</UserId><Arn>" + x(u.arn()) + "</Arn><CreateDate>" + u.created() + "</CreateDate><GroupList>"
                + each(u.groups(), g -> "<member>" + x(g) + "</member>") + "</GroupList><AttachedManagedPolicies>"
                + attached(u.attachedPolicies()) + "</AttachedManagedPolicies><UserPolicyList>" + inline(u.inlinePolicies())
                + "</UserPolicyList>" + boundary(u.permissionsBoundaryArn()) + "<Tags>" + tags(u.tags()) + "</Tags></member>";
    }

    private static String group(Group g) {
        return "<member><Path>" + x(g.path()) + "</Path><GroupName>" + x(g.name()) + "</GroupName><GroupId>" + g.groupId()
                + "</GroupId><Arn>" + x(g.arn()) + "</Arn><CreateDate>" + g.created() + "</CreateDate><GroupPolicyList>"
                + inline(g.inlinePolicies()) + "</GroupPolicyList><AttachedManagedPolicies>" + attached(g.attachedPolicies())
                + "</AttachedManagedPolicies></member>";
    }

    private static String role(Role r) {
        return "<member><Path>" + x(r.path()) + "</Path><RoleName>" + x(r.name()) + "</RoleName><RoleId>" + r.roleId()
                + "</RoleId><Arn>" + x(r.arn()) + "</Arn><CreateDate>" + r.created() + "</CreateDate><AssumeRolePolicyDocument>"
                + doc(r.trustPolicy()) + "</AssumeRolePolicyDocument><InstanceProfileList>"
                + each(r.instanceProfiles(), ip -> "<member><Path>" + x(ip.path()) + "</Path><InstanceProfileName>"
                        + x(ip.name()) + "</InstanceProfileName><InstanceProfileId>" + ip.id() + "</InstanceProfileId><Arn>"
                        + x(ip.arn()) + "</Arn><CreateDate>" + ip.created() + "</CreateDate><Roles/></member>")
                + "</InstanceProfileList><RolePolicyList>" + inline(r.inlinePolicies()) + "</RolePolicyList>"
                + "<AttachedManagedPolicies>" + attached(r.attachedPolicies()) + "</AttachedManagedPolicies>"
                + boundary(r.permissionsBoundaryArn()) + "<Tags>" + tags(r.tags()) + "</Tags>"
                + r.lastUsed().map(l -> "<RoleLastUsed><LastUsedDate>" + l.date() + "</LastUsedDate>"
                        + (l.region().isEmpty() ? "" : "<Region>" + l.region() + "</Region>") + "</RoleLastUsed>")
                        .orElse("<RoleLastUsed/>")
                + "</member>";
    }

    private static String policy(ManagedPolicy p) {
        return "<member><PolicyName>" + x(p.name()) + "</PolicyName><PolicyId>" + p.policyId() + "</PolicyId><Arn>"
                + x(p.arn()) + "</Arn><Path>" + x(p.path()) + "</Path><DefaultVersionId>" + p.defaultVersionId()
                + "</DefaultVersionId><AttachmentCount>" + p.attachmentCount() + "</AttachmentCount>"
                + "<PermissionsBoundaryUsageCount>" + p.permissionsBoundaryUsageCount() + "</PermissionsBoundaryUsageCount>"
                + "<IsAttachable>" + p.isAttachable() + "</IsAttachable>"
                + (p.description().isEmpty() ? "" : "<Description>" + x(p.description()) + "</Description>")
                + "<CreateDate>" + p.created() + "</CreateDate><UpdateDate>" + p.updated() + "</UpdateDate><PolicyVersionList>"
                + each(p.versions(), v -> "<member><Document>" + doc(v.document()) + "</Document><VersionId>" + v.versionId()
                        + "</VersionId><IsDefaultVersion>" + v.isDefault() + "</IsDefaultVersion><CreateDate>" + v.created()
                        + "</CreateDate></member>")
                + "</PolicyVersionList></member>";
    }

    private static String attached(List<AttachedPolicy> list) {
        return each(list, a -> "<member><PolicyName>" + x(a.name()) + "</PolicyName><PolicyArn>" + x(a.arn())
                + "</PolicyArn></member>");
    }

    private static String inline(List<InlinePolicy> list) {
        return each(list, p -> "<member><PolicyName>" + x(p.name()) + "</PolicyName><PolicyDocument>" + doc(p.document())
                + "</PolicyDocument></member>");
    }

    private static String boundary(Optional<String> arn) {
        return arn.map(a -> "<PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType>"
                + "<PermissionsBoundaryArn>" + x(a) + "</PermissionsBoundaryArn></PermissionsBoundary>").orElse("");
    }

    private static String tags(Map<String, String> tags) {
        StringBuilder out = new StringBuilder();
        tags.forEach((k, v) -> out.append("<member><Key>").append(x(k)).append("</Key><Value>").append(x(v)).append("</Value></member>"));
        return out.toString();
    }

    /** IAM sends policy documents URL-encoded (RFC 3986), inside XML. */
    private static String doc(PolicyDocument d) {
        return x(URLEncoder.encode(d.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    // ---- wire helpers -------------------------------------------------------------------------------------------

    /** One page of a {@code MaxItems}/{@code Marker} list: the marker is the index of the next item. */
    private record Page(int from, int to, int total) {
        static Page of(Map<String, String> form, int total) {
            int max = Math.min(1000, Integer.parseInt(form.getOrDefault("MaxItems", "100")));
            int from = Integer.parseInt(form.getOrDefault("Marker", "0"));
            return new Page(from, Math.min(total, from + max), total);
        }

        String xml() {
            return to < total ? "<IsTruncated>true</IsTruncated><Marker>" + to + "</Marker>" : "<IsTruncated>false</IsTruncated>";
        }
    }

    private static <T> String each(List<T> list, Function<T, String> member) {
        StringBuilder out = new StringBuilder();
        list.forEach(t -> out.append(member.apply(t)));
        return out.toString();
    }

    private static String x(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static ResponseDefinition iamOk(String action, String result) {
        return xml(200, "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></" + action + "Response>");
    }

    private static String iamError(String code, String message) {
        return "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + x(message) + "</Message></Error><RequestId>fake</RequestId></ErrorResponse>";
    }

    private static ResponseDefinition xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body).build();
    }

    private static ResponseDefinition ok(String type, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body).build();
    }

    private static ResponseDefinition jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}").build();
    }
}
