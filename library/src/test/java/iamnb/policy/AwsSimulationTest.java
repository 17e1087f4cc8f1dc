package iamnb.policy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.Account;
import iamnb.source.LiveOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;

/**
 * Comparing with AWS's own simulator against a local HTTP server answering SimulatePrincipalPolicy in IAM's
 * query protocol (form-encoded POST, XML answer). The real SDK client makes the calls; nothing is mocked.
 */
class AwsSimulationTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Account DEMO = Iam.demo();
    private static final String APP_ROLE = "arn:aws:iam::" + DEMO.accountId() + ":role/app-role";
    private static final String UPLOAD = "arn:aws:s3:::prod-data/uploads/x";
    private WireMockServer server;
    private IamClient iam;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        iam = IamClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint())
                .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    @AfterEach
    void stop() {
        iam.close();
        server.stop();
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-not-real"));
    }

    // ---- IAM's wire format ------------------------------------------------------------------------------

    private static String result(String action, String resource, String decision, String matched, String extra) {
        return "<member><EvalActionName>" + action + "</EvalActionName><EvalResourceName>" + resource
                + "</EvalResourceName><EvalDecision>" + decision + "</EvalDecision><MatchedStatements>" + matched
                + "</MatchedStatements><MissingContextValues/>" + extra + "</member>";
    }

    private static String statement(String policyId, String type) {
        return "<member><SourcePolicyId>" + policyId + "</SourcePolicyId><SourcePolicyType>" + type
                + "</SourcePolicyType></member>";
    }

    private static String page(boolean truncated, String marker, String results) {
        return "<SimulatePrincipalPolicyResponse xmlns=\"" + IAM_NS + "\"><SimulatePrincipalPolicyResult><IsTruncated>"
                + truncated + "</IsTruncated>" + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
                + "<EvaluationResults>" + results + "</EvaluationResults></SimulatePrincipalPolicyResult>"
                + "<ResponseMetadata><RequestId>4c1a2b3d-EXAMPLE</RequestId></ResponseMetadata></SimulatePrincipalPolicyResponse>";
    }

    private void answer(String body) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy&"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private List<Map<String, String>> simulateCalls() {
        return server.findAll(postRequestedFor(urlEqualTo("/"))
                        .withRequestBody(containing("Action=SimulatePrincipalPolicy&"))).stream()
                .map(LoggedRequest::getBodyAsString).map(AwsSimulationTest::form).toList();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The ContextEntries member that names this key, as "type=values". */
    private static String contextEntry(Map<String, String> form, String key) {
        for (int i = 1; form.containsKey("ContextEntries.member." + i + ".ContextKeyName"); i++) {
            String p = "ContextEntries.member." + i + ".";
            if (form.get(p + "ContextKeyName").equals(key)) {
                StringBuilder values = new StringBuilder();
                for (int j = 1; form.containsKey(p + "ContextKeyValues.member." + j); j++) {
                    values.append(j == 1 ? "" : ",").append(form.get(p + "ContextKeyValues.member." + j));
                }
                return form.get(p + "ContextKeyType") + "=" + values;
            }
        }
        return "(absent)";
    }

    // ---- behaviours ---------------------------------------------------------------------------------------

    @Test
    void compareWithAws_whenBucketPolicyDeniesButAwsAllows_thenDifferenceIsExplainedByTheBucketPolicyLayer() {
        answer(page(false, null, result("s3:PutObject", UPLOAD, "allowed", statement("app-s3", "IAM Policy"), "")));
        Decision ours = DEMO.simulate("app-role", "s3:PutObject", UPLOAD);

        Comparison c = ours.compareWithAws(iam);

        assertEquals(Verdict.EXPLICIT_DENY, c.ours().verdict());
        assertEquals(Verdict.ALLOW, c.aws().verdict());
        assertFalse(c.agree());
        assertTrue(c.expected(), c::explanation);
        assertTrue(c.explanation().contains("decided by the bucket policy layer (bucket policy of prod-data, statement DenyUnencryptedUploads)"), c.explanation());
        assertTrue(c.explanation().contains("which AWS's simulator did not evaluate"), c.explanation());
        assertEquals(List.of(new Comparison.MatchedStatement("app-s3", "IAM Policy")), c.aws().matchedStatements());

        Map<String, String> sent = simulateCalls().get(0);
        assertEquals("SimulatePrincipalPolicy", sent.get("Action"));
        assertEquals(APP_ROLE, sent.get("PolicySourceArn"));
        assertEquals("s3:PutObject", sent.get("ActionNames.member.1"));
        assertEquals(UPLOAD, sent.get("ResourceArns.member.1"));
        assertFalse(sent.containsKey("ResourcePolicy"), "no resource policy is sent");

        Map<String, Object> bundle = c.toMimeBundle();
        String text = (String) bundle.get("text/plain");
        assertTrue(text.contains("EXPLICIT_DENY") && text.contains("allowed") && text.contains("app-s3 (IAM Policy)"), text);
        String html = (String) bundle.get("text/html");
        assertTrue(html.contains("<th><div align=\"left\">AWS SimulatePrincipalPolicy</div></th>"), html);
        assertTrue(html.contains("AWS&#39;s simulator did not evaluate"), "explanation is escaped: " + html);
    }

    @Test
    void compareWithAws_whenBothAllow_thenAgreeAndContextKeysAreSentTyped() {
        answer(page(false, null, result("s3:PutObject", UPLOAD, "allowed", statement("app-s3", "IAM Policy"), "")));
        Decision ours = DEMO.simulate("app-role", "s3:PutObject", UPLOAD,
                Map.of("s3:x-amz-server-side-encryption", "aws:kms", "aws:SourceIp", "203.0.113.7"));

        Comparison c = ours.compareWithAws(iam);

        assertEquals(Verdict.ALLOW, ours.verdict(), ours::explain);
        assertTrue(c.agree());
        assertTrue(c.explanation().startsWith("Both agree."), c.explanation());
        assertTrue(c.explanation().contains("did not evaluate these layers of ours: RCP, bucket policy of prod-data"),
                "the layer AWS skipped is named even when it did not matter: " + c.explanation());

        Map<String, String> sent = simulateCalls().get(0);
        assertEquals("string=aws:kms", contextEntry(sent, "s3:x-amz-server-side-encryption"));
        assertEquals("ip=203.0.113.7", contextEntry(sent, "aws:SourceIp"));
        assertEquals("boolean=true", contextEntry(sent, "aws:SecureTransport"), "the key the account filled in is sent");
        assertEquals("date=" + DEMO.asOf(), contextEntry(sent, "aws:CurrentTime"), "the snapshot's time is sent");
    }

    @Test
    void compareWithAws_whenAnswerSpansTwoPages_thenFollowsTheMarkerAndFlagsAnUnexpectedDifference() {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy&"))
                .withRequestBody(notContaining("Marker="))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(page(true, "page-2", ""))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy&"))
                .withRequestBody(containing("Marker=page-2"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(page(false, null, result("s3:PutObject", UPLOAD, "implicitDeny", "",
                                "<OrganizationsDecisionDetail><AllowedByOrganizations>true</AllowedByOrganizations>"
                                        + "</OrganizationsDecisionDetail>")))));
        Decision ours = DEMO.simulate("app-role", "s3:PutObject", UPLOAD,
                Map.of("s3:x-amz-server-side-encryption", "aws:kms"));

        Comparison c = ours.compareWithAws(iam);

        List<Map<String, String>> calls = simulateCalls();
        assertEquals(2, calls.size());
        assertEquals("page-2", calls.get(1).get("Marker"));
        assertEquals(Verdict.IMPLICIT_DENY, c.aws().verdict());
        assertEquals(List.of(), c.aws().matchedStatements());
        assertEquals(java.util.Optional.of(true), c.aws().allowedByOrganizations());
        assertFalse(c.agree());
        assertFalse(c.expected(), c::explanation);
        assertTrue(c.explanation().startsWith("Unexpected difference"), c.explanation());
        assertTrue(c.toString().startsWith("UNEXPECTED DIFFERENCE"), c.toString());
    }

    @Test
    void compareWithAws_whenRoleSessionAndLiveOptions_thenSimulatesTheRoleArn() {
        answer(page(false, null, result("s3:GetObject", "arn:aws:s3:::prod-data/uploads/y", "allowed",
                statement("app-s3", "IAM Policy"), "")));
        Decision ours = DEMO.simulate(Request.builder().principal(RequestPrincipal.assumedRole(APP_ROLE, "worker-1"))
                .action("s3:GetObject").resource("arn:aws:s3:::prod-data/uploads/y").build());

        Comparison c = ours.compareWithAws(LiveOptions.builder().endpointOverride(endpoint()).region("us-east-1")
                .credentials(credentials()).maxAttempts(1).build());

        assertEquals(APP_ROLE, simulateCalls().get(0).get("PolicySourceArn"));
        assertEquals(APP_ROLE, c.aws().policySourceArn());
        assertEquals(ours.verdict() == Verdict.ALLOW, c.agree(), c::explanation);
    }

    @Test
    void compareWithAws_whenAwsRefuses_thenErrorNamesThePrincipalAndTheCode() {
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
                .withBody("<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                        + "<Message>User is not authorized to perform: iam:SimulatePrincipalPolicy</Message></Error>"
                        + "<RequestId>e1b2c3d4-EXAMPLE</RequestId></ErrorResponse>")));
        Decision ours = DEMO.simulate("app-role", "s3:PutObject", UPLOAD);

        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> ours.compareWithAws(iam));

        assertTrue(e.getMessage().contains(APP_ROLE) && e.getMessage().contains("AccessDenied"), e.getMessage());
    }

    @Test
    void compareWithAws_whenPrincipalIsRoot_thenRefusesBeforeAnyCall() {
        Decision ours = DEMO.simulate("root", "s3:GetObject", "arn:aws:s3:::prod-data/x");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ours.compareWithAws(iam));

        assertTrue(e.getMessage().contains("root user"), e.getMessage());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    void contextKeyType_whenValuesHaveAShape_thenTypeFollowsIt() {
        assertEquals(ContextKeyTypeEnum.BOOLEAN, AwsSimulation.contextKeyType("my:flag", List.of("TRUE")));
        assertEquals(ContextKeyTypeEnum.NUMERIC, AwsSimulation.contextKeyType("s3:max-keys", List.of("10")));
        assertEquals(ContextKeyTypeEnum.STRING, AwsSimulation.contextKeyType("my:acct", List.of("123456789012")),
                "a twelve-digit number is an account id, compared as a string");
        assertEquals(ContextKeyTypeEnum.IP_LIST, AwsSimulation.contextKeyType("my:nets", List.of("10.0.0.0/8", "192.168.1.1")));
        assertEquals(ContextKeyTypeEnum.IP, AwsSimulation.contextKeyType("my:v6", List.of("2001:db8::1")));
        assertEquals(ContextKeyTypeEnum.DATE, AwsSimulation.contextKeyType("my:when", List.of("2026-11-01T00:00:00Z")));
        assertEquals(ContextKeyTypeEnum.STRING_LIST, AwsSimulation.contextKeyType("aws:TagKeys", List.of("team", "env")));
        assertEquals(ContextKeyTypeEnum.BOOLEAN, AwsSimulation.contextKeyType("aws:SecureTransport", List.of("yes")),
                "a documented global key keeps its documented type");
        assertEquals(ContextKeyTypeEnum.STRING, AwsSimulation.contextKeyType("s3:x-amz-server-side-encryption", List.of("aws:kms")));
    }
}
