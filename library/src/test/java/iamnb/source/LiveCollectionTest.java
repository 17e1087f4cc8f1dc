package iamnb.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import iamnb.Iam;
import iamnb.SourceUnavailableException;
import iamnb.Account;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.model.LoginProfile;
import iamnb.model.OrgPolicy;
import iamnb.model.User;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Live collection as AWS really answers: bucket regions with and without {@code BucketRegion}, Organizations
 * answers that ignore the type filter, errors without an AWS code, throttling, rejected credentials, a hung or
 * closed endpoint, and the number of requests for a 300-user account served by {@link FakeAws}.
 */
class LiveCollectionTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity&"))
                .willReturn(aResponse().withStatus(200).withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                        + "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LiveOptions.Builder options(URI endpoint) {
        return LiveOptions.builder().endpointOverride(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-not-real")))
                .maxAttempts(2);
    }

    private LiveOptions.Builder options() {
        return options(URI.create("http://127.0.0.1:" + server.port()));
    }

    private void emptyAuthorizationDetails() {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GetAccountAuthorizationDetails",
                        "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"))));
    }

    private static String iamOk(String action, String result) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>7a62c49f-EXAMPLE</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private void gaadAnswers(int status, String contentType, String body) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(body)));
    }

    private static String iamError(String code, String message) {
        return "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>e1b2c3d4-EXAMPLE</RequestId></ErrorResponse>";
    }

    // ---- S3 bucket regions ----------------------------------------------------------------------------------

    private static String bucketList(boolean withRegions) {
        String[][] buckets = {{"site-us", "us-east-1"}, {"logs-eu", "eu-west-1"}, {"data-london", "eu-west-2"}};
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\""
                + S3_NS + "\"><Owner><ID>examplecanonicalid</ID><DisplayName>owner</DisplayName></Owner><Buckets>");
        for (String[] b : buckets) {
            out.append("<Bucket><Name>").append(b[0]).append("</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate>")
                    .append(withRegions ? "<BucketRegion>" + b[1] + "</BucketRegion>" : "").append("</Bucket>");
        }
        return out.append("</Buckets></ListAllMyBucketsResult>").toString();
    }

    /** Per-bucket configuration calls are refused: these tests are about regions only. */
    private void bucketDetailsDenied() {
        server.stubFor(get(urlPathEqualTo("/site-us")).willReturn(denied()));
        server.stubFor(get(urlPathEqualTo("/logs-eu")).willReturn(denied()));
        server.stubFor(get(urlPathEqualTo("/data-london")).willReturn(denied()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder denied() {
        return aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
    }

    private void location(String bucket, String answer) {
        server.stubFor(get(urlEqualTo("/" + bucket + "?location")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + answer)));
    }

    private Map<String, String> regions(Account acct) {
        return acct.snapshot().buckets().stream().collect(Collectors.toMap(Bucket::name, Bucket::region));
    }

    @Test
    void live_whenListBucketsNamesRegions_thenEachBucketKeepsItsRegionWithoutGetBucketLocation() {
        emptyAuthorizationDetails();
        // S3 names regions only when the request carries a parameter; without one it answers the old way.
        server.stubFor(get(urlPathEqualTo("/")).withQueryParam("max-buckets", matching("\\d+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(bucketList(true))));
        server.stubFor(get(urlPathEqualTo("/")).withQueryParam("max-buckets", absent())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(bucketList(false))));
        bucketDetailsDenied();

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.BUCKETS)).build());

        assertEquals(Map.of("site-us", "us-east-1", "logs-eu", "eu-west-1", "data-london", "eu-west-2"), regions(acct));
        assertEquals(0, server.findAll(getRequestedFor(urlEqualTo("/logs-eu?location"))).size());
    }

    @Test
    void live_whenListBucketsLeavesRegionsOut_thenGetBucketLocationGivesThemWithItsOldSpellings() {
        emptyAuthorizationDetails();
        server.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(bucketList(false))));
        bucketDetailsDenied();
        location("site-us", "<LocationConstraint xmlns=\"" + S3_NS + "\"/>");
        location("logs-eu", "<LocationConstraint xmlns=\"" + S3_NS + "\">EU</LocationConstraint>");
        location("data-london", "<LocationConstraint xmlns=\"" + S3_NS + "\">eu-west-2</LocationConstraint>");

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.BUCKETS)).build());

        assertEquals(Map.of("site-us", "us-east-1", "logs-eu", "eu-west-1", "data-london", "eu-west-2"), regions(acct));
    }

    @Test
    void live_whenListBucketsNamesABucketThatWouldLeaveTheSnapshotFolder_thenRefusedNamingTheCallAndTheName(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        emptyAuthorizationDetails();
        String hostile = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult xmlns=\"" + S3_NS
                + "\"><Buckets><Bucket><Name>../../../ESCAPED-bucket</Name><CreationDate>2024-01-01T00:00:00.000Z"
                + "</CreationDate><BucketRegion>us-east-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>";
        server.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/xml").withBody(hostile)));
        java.nio.file.Path folder = tmp.resolve("a/b/c/snap");

        var e = assertThrows(iamnb.InvalidInputException.class, () -> Iam.live(options().parts(EnumSet.of(LivePart.BUCKETS))
                .build()).save(folder));

        assertTrue(e.getMessage().contains("s3:ListBuckets") && e.getMessage().contains("../../../ESCAPED-bucket"),
                e.getMessage());
        assertFalse(java.nio.file.Files.exists(tmp.resolve("ESCAPED-bucket")), "nothing may be written outside the folder");
        assertFalse(java.nio.file.Files.exists(folder), "nothing is saved from a refused answer");
    }

    // ---- Organizations ----------------------------------------------------------------------------------------

    private void orgCall(String operation, String bodyContains, String answer) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128." + operation))
                .withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(answer)));
    }

    @Test
    void live_whenOrganizationsIgnoresThePolicyFilter_thenEachPolicyOnceUnderItsOwnTypeAndTheDigestSurvivesSaving(
            @TempDir Path tmp) {
        emptyAuthorizationDetails();
        String scp = "{\"Id\":\"p-scp00001\",\"Arn\":\"arn:aws:organizations::999999999999:policy/o-ex/service_control_policy/p-scp00001\","
                + "\"Name\":\"deny-leave\",\"Description\":\"\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"AwsManaged\":false}";
        String rcp = "{\"Id\":\"p-rcp00001\",\"Arn\":\"arn:aws:organizations::999999999999:policy/o-ex/resource_control_policy/p-rcp00001\","
                + "\"Name\":\"only-org\",\"Description\":\"\",\"Type\":\"RESOURCE_CONTROL_POLICY\",\"AwsManaged\":false}";
        String deny = TextNode.valueOf("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}").toString();
        orgCall("DescribeOrganization", "", "{\"Organization\":{\"Id\":\"o-ex\",\"Arn\":\"arn:aws:organizations::999999999999:organization/o-ex\","
                + "\"FeatureSet\":\"ALL\",\"MasterAccountId\":\"999999999999\"}}");
        // Whatever the filter, this Organizations answers every policy, one of them twice.
        orgCall("ListPolicies", "", "{\"Policies\":[" + scp + "," + rcp + "," + scp + "]}");
        orgCall("DescribePolicy", "p-scp00001", "{\"Policy\":{\"PolicySummary\":" + scp + ",\"Content\":" + deny + "}}");
        orgCall("DescribePolicy", "p-rcp00001", "{\"Policy\":{\"PolicySummary\":" + rcp + ",\"Content\":" + deny + "}}");
        orgCall("ListTargetsForPolicy", "", "{\"Targets\":[{\"TargetId\":\"r-ex12\",\"Name\":\"Root\",\"Type\":\"ROOT\"}]}");
        orgCall("ListRoots", "", "{\"Roots\":[{\"Id\":\"r-ex12\",\"Arn\":\"arn:aws:organizations::999999999999:root/o-ex/r-ex12\",\"Name\":\"Root\"}]}");
        orgCall("ListOrganizationalUnitsForParent", "", "{\"OrganizationalUnits\":[]}");
        orgCall("ListAccountsForParent", "", "{\"Accounts\":[{\"Id\":\"123456789012\",\"Arn\":"
                + "\"arn:aws:organizations::999999999999:account/o-ex/123456789012\",\"Email\":\"prod@example.com\","
                + "\"Name\":\"prod\",\"Status\":\"ACTIVE\"}]}");

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.ORGANIZATION)).build());

        var org = acct.organization().orElseThrow();
        assertEquals(List.of("deny-leave:SERVICE_CONTROL_POLICY", "only-org:RESOURCE_CONTROL_POLICY"),
                org.policies().stream().map(p -> p.name() + ":" + p.type()).toList());
        assertEquals(List.of("p-scp00001", "p-rcp00001"), org.units().get(0).policyIds());
        assertEquals(List.of(List.of("deny-leave"), List.of()), acct.scpLevelsFor("123456789012").stream()
                .map(l -> l.stream().map(OrgPolicy::name).toList()).toList());
        Account reloaded = Iam.fromSnapshot(acct.save(tmp.resolve("snap")));
        assertEquals(acct.provenance().sha256(), reloaded.provenance().sha256());
    }

    // ---- errors -----------------------------------------------------------------------------------------------

    @Test
    void live_whenAnErrorHasNoAwsCode_thenTheMessageGivesTheHttpStatusAndNeverNull() {
        gaadAnswers(503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options().build()));
        assertTrue(e.getMessage().startsWith("cannot read users, groups, roles and policies: "
                + "iam:GetAccountAuthorizationDetails failed with HTTP 503"), e.getMessage());
        assertFalse(e.getMessage().contains("null"), e.getMessage());
        assertFalse(e.getMessage().contains("SecurityAudit"), "no permission is missing: " + e.getMessage());
        assertTrue(e.getMessage().contains("server error at http://127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void live_whenThrottledBeyondTheAttempts_thenSaysSoAndAdvisesWaitingNotPermissions() {
        gaadAnswers(400, "text/xml", iamError("Throttling", "Rate exceeded"));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options().build()));
        assertTrue(e.getMessage().contains("iam:GetAccountAuthorizationDetails was throttled after 2 attempts "
                + "(Throttling: Rate exceeded)"), e.getMessage());
        assertTrue(e.getMessage().contains("wait a minute"), e.getMessage());
        assertFalse(e.getMessage().contains("SecurityAudit"), e.getMessage());
    }

    @Test
    void live_whenTheTokenExpired_thenAdvisesRefreshingCredentialsAndCheckingTheClock() {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetCallerIdentity&")).atPriority(1)
                .willReturn(aResponse().withStatus(403).withBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the "
                        + "request is expired</Message></Error><RequestId>e1b2-EXAMPLE</RequestId></ErrorResponse>")));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options().build()));
        assertTrue(e.getMessage().contains("sts:GetCallerIdentity was rejected (ExpiredToken: The security token"), e.getMessage());
        assertTrue(e.getMessage().contains("refresh the credentials") && e.getMessage().contains("clock"), e.getMessage());
        assertFalse(e.getMessage().contains("SecurityAudit"), e.getMessage());
    }

    @Test
    void live_whenASignatureIsRejected_thenAdvisesRefreshingCredentialsAndCheckingTheClock() {
        gaadAnswers(403, "text/xml", iamError("SignatureDoesNotMatch", "The request signature we calculated does not match"));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options().build()));
        assertTrue(e.getMessage().contains("was rejected (SignatureDoesNotMatch"), e.getMessage());
        assertTrue(e.getMessage().contains("check the machine's clock"), e.getMessage());
    }

    @Test
    void live_whenTheEndpointHangs_thenFailsAfterTheTimeoutNamingEndpointAndTimeout() {
        server.stubFor(post(urlEqualTo("/")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("late")));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options()
                .attemptTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(900)).build()));
        String endpoint = "http://127.0.0.1:" + server.port();
        assertTrue(e.getMessage().startsWith("cannot find out who the credentials belong to: sts:GetCallerIdentity "
                + "got no answer from " + endpoint + " within "), e.getMessage());
        assertTrue(e.getMessage().contains("900 ms") || e.getMessage().contains("300 ms"), e.getMessage());
        assertFalse(e.getMessage().contains("SecurityAudit"), e.getMessage());
    }

    @Test
    void live_whenNothingListensAtTheEndpoint_thenSaysItCouldNotReachIt() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
                () -> Iam.live(options(URI.create("http://127.0.0.1:" + port)).build()));
        assertTrue(e.getMessage().contains("sts:GetCallerIdentity could not reach http://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.getMessage().contains("check the network"), e.getMessage());
    }

    @Test
    void liveOptions_whenTheCallTimeoutIsShorterThanAnAttempt_thenRefusedNamingBoth() {
        var e = assertThrows(iamnb.InvalidInputException.class, () -> LiveOptions.builder()
                .attemptTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(10)).build());
        assertTrue(e.getMessage().contains("callTimeout (PT10S) must be at least attemptTimeout (PT30S)"), e.getMessage());
    }

    @Test
    void describe_namesDefaultCredentialsOnlyWhenNoneWereGiven() {
        assertEquals("live default credentials (us-east-1)", new LiveSource(LiveOptions.defaults()).describe("us-east-1"));
        assertEquals("live profile audit (eu-west-1)",
                new LiveSource(LiveOptions.builder().profile("audit").build()).describe("eu-west-1"));
        assertEquals("live explicit credentials (us-east-1)", new LiveSource(LiveOptions.builder()
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x"))).build())
                .describe("us-east-1"));
    }

    // ---- requests for a whole account -------------------------------------------------------------------------

    private static final AccountSnapshot SYNTHETIC = SyntheticAccount.generate(300, 500, 30, 100, 42).snapshot();

    /** The password-reset flag is not in the credential report; everything else must come back whole. */
    private static List<User> withoutResetFlag(List<User> users) {
        return users.stream().map(u -> u.toBuilder().loginProfile(u.loginProfile()
                .map(p -> new LoginProfile(p.created(), false)).orElse(null)).build()).toList();
    }

    /** Equal lists, or the first pair that differs (a whole account does not fit in a failure message). */
    private static <T> void assertSameElements(List<T> expected, List<T> actual) {
        assertEquals(expected.size(), actual.size(), "sizes");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "element " + i);
        }
    }

    @Test
    void live_whenTheCredentialReportIsRead_thenAtMostOnePointTwoRequestsPerUserAndTheSameUsers() {
        try (FakeAws aws = new FakeAws(SYNTHETIC, 0, 1)) {
            Account acct = Iam.live(options(aws.endpoint()).build());

            assertSameElements(withoutResetFlag(SYNTHETIC.users()), acct.snapshot().users());
            assertSameElements(SYNTHETIC.roles(), acct.snapshot().roles());
            Map<String, Integer> calls = aws.requests();
            long twins = SYNTHETIC.users().stream().flatMap(u -> u.accessKeys().stream().filter(k -> u.accessKeys().stream()
                    .filter(o -> o.created().equals(k.created()) && o.status() == k.status()).count() > 1)).count();
            assertTrue(twins > 0, "the synthetic account has keys created in the same second");
            assertEquals(twins, calls.getOrDefault("GetAccessKeyLastUsed", 0).longValue(),
                    "only keys no single report slot matches are asked: " + calls);
            assertEquals(null, calls.get("GetLoginProfile"), calls.toString());
            assertEquals(null, calls.get("ListMFADevices"), "every synthetic MFA device is virtual: " + calls);
            long withKeys = SYNTHETIC.users().stream().filter(u -> !u.accessKeys().isEmpty()).count();
            assertEquals(withKeys, calls.get("ListAccessKeys").longValue(), calls.toString());
            assertTrue(aws.totalRequests() <= 1.2 * 300, aws.totalRequests() + " requests: " + calls);
        }
    }

    @Test
    void live_whenTheCredentialReportIsSkipped_thenEveryUserIsAskedAndTheUsersAreTheSame() {
        try (FakeAws aws = new FakeAws(SYNTHETIC, 0, 1)) {
            Account acct = Iam.live(options(aws.endpoint()).skip(LivePart.CREDENTIAL_REPORT).build());

            assertSameElements(SYNTHETIC.users(), acct.snapshot().users());
            assertEquals(300, aws.requests().get("GetLoginProfile"));
            assertEquals(300, aws.requests().get("ListMFADevices"));
        }
    }
}
