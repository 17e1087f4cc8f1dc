package iamnb.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A local AWS Organization on one port, in AWS's wire formats: Organizations over JSON 1.1 ({@code X-Amz-Target:
 * AWSOrganizationsV20161128.ListAccountsForParent} ..., pages of two items chained by {@code NextToken}), STS
 * AssumeRole over the query protocol (XML, a distinct access key id per member account), and each account's IAM,
 * STS GetCallerIdentity, S3 and the rest answered by a {@link FakeAws} of that account. Which account a request
 * is for is read from the access key id it is signed with ({@code Credential=AKID/...} in the Authorization
 * header), as AWS itself does; a key it did not issue is refused with {@code InvalidClientTokenId}.
 *
 * <p>The caller holds {@link #callerKeyId()} of the management account. The request journal is kept, so tests
 * count requests with WireMock's own matchers ({@link #server()}).
 */
final class FakeOrganization implements AutoCloseable {
    static final String ORGANIZATIONS_PREFIX = "AWSOrganizationsV20161128.";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)");
    private static final int PAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Organization org;
    private final String roleName;
    private final Set<String> missingRoles;
    private final Map<String, FakeAws> byKeyId = new LinkedHashMap<>();
    private final Map<String, Integer> throttleFirst = new ConcurrentHashMap<>();
    private final Set<String> regionDisabled = ConcurrentHashMap.newKeySet();
    private final WireMockServer server;

    /**
     * @param org what Organizations lists; its management account is the caller's
     * @param accounts each account's IAM data, by account id (the management account's included)
     * @param roleName the role that exists in every member account except {@code missingRoles}
     * @param missingRoles accounts where AssumeRole is refused with AccessDenied, as when the role is missing
     */
    FakeOrganization(Organization org, Map<String, AccountSnapshot> accounts, String roleName, Set<String> missingRoles) {
        this.org = org;
        this.roleName = roleName;
        this.missingRoles = Set.copyOf(missingRoles);
        accounts.forEach((id, s) -> byKeyId.put(id.equals(org.managementAccountId()) ? callerKeyId() : memberKeyId(id),
                FakeAws.responder(s)));
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(24).extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /** Answers the first {@code times} requests of an Organizations operation with TooManyRequestsException. */
    FakeOrganization throttleFirst(String operation, int times) {
        throttleFirst.put(operation, times);
        return this;
    }

    /** Refuses AssumeRole into this account as STS does when the account has not enabled the region. */
    FakeOrganization regionDisabled(String accountId) {
        regionDisabled.add(accountId);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    WireMockServer server() {
        return server;
    }

    /** The caller's access key id (the management account's auditor). */
    String callerKeyId() {
        return "AKIA" + org.managementAccountId() + "CALR";
    }

    /** The access key id of the sessions AssumeRole hands out for a member account. */
    static String memberKeyId(String accountId) {
        return "ASIA" + accountId + "ROLE";
    }

    StaticCredentialsProvider callerCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(callerKeyId(), "caller-secret-not-real"));
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- dispatch ---------------------------------------------------------------------------------------------

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String keyId = keyId(request);
            String target = request.getHeader("X-Amz-Target");
            if (target != null && target.startsWith(ORGANIZATIONS_PREFIX)) {
                return keyId.equals(callerKeyId()) ? organizations(target.substring(ORGANIZATIONS_PREFIX.length()),
                        request.getBodyAsString()) : jsonError(400, "AccessDeniedException",
                        "You don't have permissions to access this resource.");
            }
            if (request.getBodyAsString().startsWith("Action=AssumeRole&")) {
                return keyId.equals(callerKeyId()) ? assumeRole(form(request.getBodyAsString()))
                        : stsError(403, "AccessDenied", "only the caller may assume member roles here");
            }
            FakeAws account = byKeyId.get(keyId);
            if (account == null) {
                return stsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
            }
            return account.answer(request);
        }

        @Override
        public String getName() {
            return "fake-organization";
        }
    }

    private static String keyId(Request request) {
        String auth = request.getHeader("Authorization");
        Matcher m = CREDENTIAL.matcher(auth == null ? "" : auth);
        return m.find() ? m.group(1) : "";
    }

    // ---- STS AssumeRole ---------------------------------------------------------------------------------------

    private ResponseDefinition assumeRole(Map<String, String> form) {
        String arn = form.getOrDefault("RoleArn", "");
        Matcher m = ROLE_ARN.matcher(arn);
        String caller = "arn:aws:iam::" + org.managementAccountId() + ":user/auditor";
        if (!m.matches() || !m.group(2).equals(roleName) || missingRoles.contains(m.group(1))
                || !byKeyId.containsKey(memberKeyId(m.group(1)))) {
            return stsError(403, "AccessDenied", "User: " + caller + " is not authorized to perform: sts:AssumeRole"
                    + " on resource: " + arn);
        }
        String account = m.group(1);
        if (regionDisabled.contains(account)) {
            return stsError(403, "RegionDisabledException", "STS is not activated in this region for account:"
                    + account + ". Your account administrator can activate STS in this region using the IAM Console.");
        }
        String session = form.getOrDefault("RoleSessionName", "");
        // expires in an hour of real time: the SDK's provider judges staleness by the wall clock
        Instant expires = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        return xml(200, "<AssumeRoleResponse xmlns=\"" + STS_NS + "\"><AssumeRoleResult><AssumedRoleUser>"
                + "<AssumedRoleId>AROA" + account + "FAKE:" + session + "</AssumedRoleId><Arn>arn:aws:sts::" + account
                + ":assumed-role/" + roleName + "/" + session + "</Arn></AssumedRoleUser><Credentials><AccessKeyId>"
                + memberKeyId(account) + "</AccessKeyId><SecretAccessKey>member-secret-not-real-" + account
                + "</SecretAccessKey><SessionToken>FwoGZXIvYXdzEFAKE" + account + "</SessionToken><Expiration>"
                + expires + "</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>"
                + "c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }

    // ---- Organizations JSON 1.1 ---------------------------------------------------------------------------------

    private ResponseDefinition organizations(String operation, String body) {
        Integer left = throttleFirst.computeIfPresent(operation, (k, n) -> n - 1);
        if (left != null && left >= 0) {
            return jsonError(400, "TooManyRequestsException", "AWS Organizations can't complete your request because"
                    + " another request is already in progress. Try again later.");
        }
        JsonNode in = parse(body);
        String parent = in.path("ParentId").asText();
        String policyId = in.path("PolicyId").asText();
        return switch (operation) {
            case "DescribeOrganization" -> {
                ObjectNode o = JSON.createObjectNode();
                o.putObject("Organization").put("Id", org.id()).put("Arn", org.arn()).put("FeatureSet", org.featureSet())
                        .put("MasterAccountId", org.managementAccountId())
                        .put("MasterAccountArn", "arn:aws:organizations::" + org.managementAccountId() + ":account/"
                                + org.id() + "/" + org.managementAccountId());
                yield ok(o);
            }
            case "ListRoots" -> page(in, "Roots", org.units().stream().filter(OrgUnit::isRoot).toList(),
                    u -> unit(u).put("Name", "Root"));
            case "ListOrganizationalUnitsForParent" -> page(in, "OrganizationalUnits",
                    org.units().stream().filter(u -> u.parentId().equals(parent)).toList(), this::unit);
            case "ListAccountsForParent" -> page(in, "Accounts",
                    org.accounts().stream().filter(a -> a.parentId().equals(parent)).toList(), this::account);
            case "ListPolicies" -> page(in, "Policies", org.policies().stream()
                    .filter(p -> p.type().equals(in.path("Filter").asText())).toList(), this::policySummary);
            case "DescribePolicy" -> org.policy(policyId).map(p -> {
                ObjectNode o = JSON.createObjectNode();
                ObjectNode policy = o.putObject("Policy");
                policy.set("PolicySummary", policySummary(p));
                policy.put("Content", p.document().toString());
                return ok(o);
            }).orElseGet(() -> jsonError(400, "PolicyNotFoundException", "We can't find a policy with the PolicyId"
                    + " that you specified."));
            case "ListTargetsForPolicy" -> page(in, "Targets", targets(policyId), t -> t);
            default -> jsonError(400, "UnknownOperationException", operation);
        };
    }

    private List<ObjectNode> targets(String policyId) {
        List<ObjectNode> out = new ArrayList<>();
        for (OrgUnit u : org.units()) {
            if (u.policyIds().contains(policyId)) {
                out.add(JSON.createObjectNode().put("TargetId", u.id()).put("Arn", u.arn()).put("Name", u.name())
                        .put("Type", u.isRoot() ? "ROOT" : "ORGANIZATIONAL_UNIT"));
            }
        }
        for (OrgAccount a : org.accounts()) {
            if (a.policyIds().contains(policyId)) {
                out.add(JSON.createObjectNode().put("TargetId", a.id()).put("Arn", a.arn()).put("Name", a.name())
                        .put("Type", "ACCOUNT"));
            }
        }
        return out;
    }

    private ObjectNode unit(OrgUnit u) {
        return JSON.createObjectNode().put("Id", u.id()).put("Arn", u.arn()).put("Name", u.name());
    }

    private ObjectNode account(OrgAccount a) {
        return JSON.createObjectNode().put("Id", a.id()).put("Arn", a.arn()).put("Email", a.email())
                .put("Name", a.name()).put("Status", a.status()).put("JoinedMethod", "INVITED")
                .put("JoinedTimestamp", 1.6094592E9);
    }

    private ObjectNode policySummary(OrgPolicy p) {
        return JSON.createObjectNode().put("Id", p.id()).put("Arn", p.arn()).put("Name", p.name())
                .put("Description", p.description()).put("Type", p.type()).put("AwsManaged", p.awsManaged());
    }

    /** One page of at most {@link #PAGE} items; {@code NextToken} is the index of the next item. */
    private static <T> ResponseDefinition page(JsonNode in, String listName, List<T> items, Function<T, ObjectNode> item) {
        int from = in.path("NextToken").isMissingNode() ? 0 : Integer.parseInt(in.path("NextToken").asText());
        int to = Math.min(items.size(), from + PAGE);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray(listName);
        items.subList(from, to).forEach(t -> list.add(item.apply(t)));
        if (to < items.size()) {
            out.put("NextToken", Integer.toString(to));
        }
        return ok(out);
    }

    // ---- wire helpers -------------------------------------------------------------------------------------------

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private static ResponseDefinition ok(ObjectNode body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition jsonError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(JSON.createObjectNode().put("__type", type).put("Message", message).toString()).build();
    }

    private static ResponseDefinition stsError(int status, String code, String message) {
        return xml(status, "<ErrorResponse xmlns=\"" + STS_NS + "\"><Error><Type>Sender</Type><Code>" + code
                + "</Code><Message>" + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>"
                + "<RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ErrorResponse>");
    }

    private static ResponseDefinition xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body).build();
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
}
