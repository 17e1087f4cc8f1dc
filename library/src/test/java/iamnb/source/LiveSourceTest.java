package iamnb.source;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.model.AccessKey;
import iamnb.Account;
import iamnb.model.User;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The live source against a local HTTP server that answers in AWS's own wire formats: IAM and STS query
 * protocol (form-encoded POST, XML answers), S3 REST-XML, Organizations and CloudTrail JSON 1.1, Access
 * Analyzer REST-JSON. No SDK class is mocked: the real clients make real HTTP requests.
 */
class LiveSourceTest {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");
    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private LiveOptions.Builder options() {
        return LiveOptions.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-not-real")))
                .clock(Clock.fixed(AS_OF, ZoneOffset.UTC))
                .pollInterval(Duration.ofMillis(10))
                .maxAttempts(3);
    }

    // ---- wire format helpers ------------------------------------------------------------------------------

    private static String enc(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String iamOk(String action, String result) {
        return "<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></"
                + action + "Response>";
    }

    private static String iamError(String code, String message) {
        return "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>e1b2c3d4-EXAMPLE</RequestId></ErrorResponse>";
    }

    private void iam(String action, String result) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(iamOk(action, result))));
    }

    private void iamFor(String action, String param, String result) {
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))
                .withRequestBody(containing(param))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(iamOk(action, result))));
    }

    private void jsonTarget(String target, int status, String body) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::111111111111:role/ci-pipeline\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
            + "{\"StringEquals\":{\"sts:ExternalId\":\"prod-deploy-2024\"}}}]}";
    private static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    private static String user(String name, String groups) {
        return "<member><Path>/</Path><UserName>" + name + "</UserName><UserId>AIDA" + name.toUpperCase().replace("-", "")
                + "EXAMPLE</UserId><Arn>arn:aws:iam::123456789012:user/" + name + "</Arn><CreateDate>2023-03-14T09:26:53Z</CreateDate>"
                + "<GroupList>" + groups + "</GroupList><AttachedManagedPolicies/><UserPolicyList/><Tags/></member>";
    }

    /**
     * GetAccountAuthorizationDetails over three pages; with {@code throttle}, the second page is throttled once
     * before it answers (the adaptive strategy then slows the client down, so only the test about it throttles).
     */
    private void stubAuthorizationDetails(boolean throttle) {
        String page1 = "<IsTruncated>true</IsTruncated><Marker>m2</Marker><UserDetailList>"
                + user("alice", "<member>admins</member>") + user("svc-deploy", "")
                + "</UserDetailList><GroupDetailList/><RoleDetailList/><Policies/>";
        String page2 = "<IsTruncated>true</IsTruncated><Marker>m3</Marker><UserDetailList/><GroupDetailList><member>"
                + "<Path>/</Path><GroupName>admins</GroupName><GroupId>AGPAEXAMPLEADMINS001</GroupId>"
                + "<Arn>arn:aws:iam::123456789012:group/admins</Arn><CreateDate>2022-01-10T08:00:00Z</CreateDate>"
                + "<GroupPolicyList/><AttachedManagedPolicies><member><PolicyName>AdministratorAccess</PolicyName>"
                + "<PolicyArn>arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member></AttachedManagedPolicies>"
                + "</member></GroupDetailList><RoleDetailList><member><Path>/</Path><RoleName>cross-account-deploy</RoleName>"
                + "<RoleId>AROAEXAMPLECROSSDEPL</RoleId><Arn>arn:aws:iam::123456789012:role/cross-account-deploy</Arn>"
                + "<CreateDate>2024-02-01T10:00:00Z</CreateDate><AssumeRolePolicyDocument>" + enc(TRUST)
                + "</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList><member><PolicyName>logs</PolicyName>"
                + "<PolicyDocument>" + enc("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"logs:*\",\"Resource\":\"*\"}}")
                + "</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/><Tags/>"
                + "<RoleLastUsed><LastUsedDate>2026-10-30T17:04:11Z</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>"
                + "</member></RoleDetailList><Policies/>";
        String page3 = "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/><RoleDetailList/><Policies><member>"
                + "<PolicyName>AdministratorAccess</PolicyName><PolicyId>ANPAIWMBCKSKIEE64ZLYK</PolicyId>"
                + "<Arn>arn:aws:iam::aws:policy/AdministratorAccess</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId>"
                + "<AttachmentCount>1</AttachmentCount><PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount>"
                + "<IsAttachable>true</IsAttachable><CreateDate>2015-02-06T18:39:46Z</CreateDate><UpdateDate>2015-02-06T18:39:46Z</UpdateDate>"
                + "<PolicyVersionList><member><Document>" + enc(ADMIN) + "</Document><VersionId>v1</VersionId>"
                + "<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2015-02-06T18:39:46Z</CreateDate></member></PolicyVersionList>"
                + "</member></Policies>";
        String action = "Action=GetAccountAuthorizationDetails&";
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action)).withRequestBody(notContaining("Marker="))
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GetAccountAuthorizationDetails", page1))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action)).withRequestBody(containing("Marker=m2"))
                .inScenario("throttle").whenScenarioStateIs(throttle ? Scenario.STARTED : "never").willSetStateTo("throttled once")
                .willReturn(aResponse().withStatus(400).withBody(iamError("Throttling", "Rate exceeded"))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action)).withRequestBody(containing("Marker=m2"))
                .inScenario("throttle").whenScenarioStateIs(throttle ? "throttled once" : Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GetAccountAuthorizationDetails", page2))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action)).withRequestBody(containing("Marker=m3"))
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GetAccountAuthorizationDetails", page3))));
    }

    private static final String REPORT = String.join("\n",
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
            "<root_account>,arn:aws:iam::123456789012:root,2019-01-01T00:00:00+00:00,not_supported,2026-09-01T12:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "alice,arn:aws:iam::123456789012:user/alice,2023-03-14T09:26:53+00:00,true,2026-10-31T08:00:00+00:00,2023-03-14T09:30:00+00:00,N/A,true,true,2026-08-01T00:00:00+00:00,2026-10-30T10:00:00+00:00,us-east-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "svc-deploy,arn:aws:iam::123456789012:user/svc-deploy,2021-06-01T12:00:00+00:00,false,N/A,N/A,N/A,false,true,2021-06-01T12:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "");

    /** GenerateCredentialReport says STARTED, then COMPLETE; GetCredentialReport returns the base64 CSV. */
    private void stubCredentialReport() {
        String action = "Action=GenerateCredentialReport&";
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action))
                .inScenario("report").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("generating")
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GenerateCredentialReport",
                        "<State>STARTED</State><Description>No report exists. Starting a new report generation task</Description>"))));
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing(action))
                .inScenario("report").whenScenarioStateIs("generating")
                .willReturn(aResponse().withStatus(200).withBody(iamOk("GenerateCredentialReport", "<State>COMPLETE</State>"))));
        iam("GetCredentialReport", "<Content>" + Base64.getEncoder().encodeToString(REPORT.getBytes(StandardCharsets.UTF_8))
                + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>2026-10-31T23:00:00Z</GeneratedTime>");
    }

    private void stubIdentityAndCredentials() {
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                + "<Account>123456789012</Account>");
        iamFor("ListAccessKeys", "UserName=alice", "<AccessKeyMetadata><member><UserName>alice</UserName>"
                + "<AccessKeyId>AKIAALICE1EXAMPLE001</AccessKeyId><Status>Active</Status><CreateDate>2026-08-01T00:00:00Z</CreateDate>"
                + "</member></AccessKeyMetadata><IsTruncated>false</IsTruncated>");
        iamFor("ListAccessKeys", "UserName=svc-deploy", "<AccessKeyMetadata><member><UserName>svc-deploy</UserName>"
                + "<AccessKeyId>AKIAOLD123456EXAMPLE</AccessKeyId><Status>Active</Status><CreateDate>2021-06-01T12:00:00Z</CreateDate>"
                + "</member></AccessKeyMetadata><IsTruncated>false</IsTruncated>");
        iamFor("GetAccessKeyLastUsed", "AccessKeyId=AKIAALICE1EXAMPLE001", "<UserName>alice</UserName><AccessKeyLastUsed>"
                + "<LastUsedDate>2026-10-30T10:00:00Z</LastUsedDate><ServiceName>s3</ServiceName><Region>us-east-1</Region></AccessKeyLastUsed>");
        iamFor("GetAccessKeyLastUsed", "AccessKeyId=AKIAOLD123456EXAMPLE", "<UserName>svc-deploy</UserName><AccessKeyLastUsed>"
                + "<ServiceName>N/A</ServiceName><Region>N/A</Region></AccessKeyLastUsed>");
        iamFor("ListMFADevices", "UserName=alice", "<MFADevices><member><UserName>alice</UserName>"
                + "<SerialNumber>arn:aws:iam::123456789012:mfa/alice</SerialNumber><EnableDate>2023-03-15T00:00:00Z</EnableDate>"
                + "</member></MFADevices><IsTruncated>false</IsTruncated>");
        iamFor("ListVirtualMFADevices", "AssignmentStatus=Assigned", "<VirtualMFADevices><member>"
                + "<SerialNumber>arn:aws:iam::123456789012:mfa/alice</SerialNumber><User><Path>/</Path><UserName>alice</UserName>"
                + "<UserId>AIDAALICEEXAMPLE</UserId><Arn>arn:aws:iam::123456789012:user/alice</Arn>"
                + "<CreateDate>2023-03-14T09:26:53Z</CreateDate></User><EnableDate>2023-03-15T00:00:00Z</EnableDate></member>"
                + "</VirtualMFADevices><IsTruncated>false</IsTruncated>");
        iamFor("GetLoginProfile", "UserName=alice", "<LoginProfile><UserName>alice</UserName>"
                + "<CreateDate>2023-03-14T09:30:00Z</CreateDate><PasswordResetRequired>false</PasswordResetRequired></LoginProfile>");
        iam("ListRoles", "<Roles><member><Path>/</Path><RoleName>cross-account-deploy</RoleName><RoleId>AROAEXAMPLECROSSDEPL</RoleId>"
                + "<Arn>arn:aws:iam::123456789012:role/cross-account-deploy</Arn><CreateDate>2024-02-01T10:00:00Z</CreateDate>"
                + "<AssumeRolePolicyDocument>" + enc(TRUST) + "</AssumeRolePolicyDocument><Description>deploys from CI</Description>"
                + "<MaxSessionDuration>7200</MaxSessionDuration></member></Roles><IsTruncated>false</IsTruncated>");
        iam("ListAccountAliases", "<AccountAliases><member>example-prod</member></AccountAliases><IsTruncated>false</IsTruncated>");
        String oidc = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
        iam("ListOpenIDConnectProviders", "<OpenIDConnectProviderList><member><Arn>" + oidc + "</Arn></member></OpenIDConnectProviderList>");
        iam("GetOpenIDConnectProvider", "<ThumbprintList><member>9e99a48a9960b14926bb7f3b02e22da2b0ab7280</member></ThumbprintList>"
                + "<CreateDate>2024-05-01T00:00:00Z</CreateDate><ClientIDList><member>sts.amazonaws.com</member></ClientIDList>"
                + "<Url>oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE</Url>");
        iam("ListSAMLProviders", "<SAMLProviderList/>");
    }

    private void stubDeniedOptionalParts() {
        server.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                        + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>EXAMPLEHOSTID</HostId></Error>")));
        jsonTarget("AWSOrganizationsV20161128.DescribeOrganization", 400,
                "{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access this resource.\"}");
    }

    private int requests(String action) {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"))).size();
    }

    /** Records progress events, as a notebook's progress bar would receive them. */
    private static final class Recorder implements ProgressListener {
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void started(String phase, int total) {
            events.add("start " + phase + " " + total);
        }

        @Override
        public void advanced(String phase, int done) {
            events.add(phase + " " + done);
        }

        @Override
        public void finished(String summary) {
            events.add("finished " + summary);
        }
    }

    // ---- tests ----------------------------------------------------------------------------------------------

    @Test
    void live_whenPagedThrottledAndPartlyDenied_thenReadsEverythingAllowedAndWarnsAboutTheRest() {
        stubAuthorizationDetails(true);
        stubCredentialReport();
        stubIdentityAndCredentials();
        stubDeniedOptionalParts();
        Recorder progress = new Recorder();

        Account acct = Iam.live(options().progress(progress).skip(LivePart.ACCESS_ANALYZER, LivePart.CLOUDTRAIL).build());

        assertEquals("123456789012", acct.accountId());
        assertEquals(AS_OF, acct.asOf());
        assertEquals("example-prod", acct.alias());
        assertEquals(List.of("alice", "svc-deploy"), acct.snapshot().users().stream().map(User::name).toList());
        assertEquals(List.of("alice"), acct.membersOf("admins").stream().map(User::name).toList());
        assertEquals("prod-deploy-2024", acct.role("cross-account-deploy").trustPolicy().statements().get(0)
                .conditions().get(0).values().get(0));
        assertEquals(Duration.ofHours(2), acct.role("cross-account-deploy").maxSessionDuration());
        assertEquals("deploys from CI", acct.role("cross-account-deploy").description());
        assertTrue(acct.policy("AdministratorAccess").isAwsManaged());

        assertEquals(4, requests("GetAccountAuthorizationDetails"), "three pages, one throttled and retried");
        assertEquals(2, requests("GenerateCredentialReport"), "STARTED, then COMPLETE");
        assertEquals(3, acct.snapshot().credentialReport().orElseThrow().rows().size());
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), acct.snapshot().credentialReport().orElseThrow().generated().orElseThrow());

        User alice = acct.user("alice");
        assertEquals("s3", alice.accessKeys().get(0).lastUsed().orElseThrow().service());
        assertTrue(alice.hasMfa());
        assertTrue(alice.hasConsoleAccess());
        User svc = acct.user("svc-deploy");
        AccessKey old = svc.accessKeys().get(0);
        assertTrue(old.lastUsed().isEmpty(), "ServiceName N/A without a date: never used");
        assertEquals("arn:aws:iam::123456789012:mfa/alice", alice.mfaDevices().get(0).serialNumber());
        assertEquals(Instant.parse("2023-03-14T09:30:00Z"), alice.loginProfile().orElseThrow().created(),
                "password_last_changed of the report");
        assertTrue(svc.loginProfile().isEmpty(), "password_enabled false");
        assertEquals(0, requests("ListMFADevices"), "alice's device is virtual (listed once); svc-deploy has no MFA");
        assertEquals(0, requests("GetLoginProfile"), "the report says who has a password and when it changed");
        assertEquals(0, requests("GetAccessKeyLastUsed"), "the report's key slots carry the last use");
        assertEquals(2, requests("ListAccessKeys"), "both users have a key in the report: their ids are needed");

        assertEquals(List.of("sts.amazonaws.com"), acct.snapshot().oidcProviders().get(0).clientIds());
        assertTrue(acct.snapshot().buckets().isEmpty());
        assertTrue(acct.organization().isEmpty());
        assertEquals(2, acct.warnings().size(), acct.warnings().toString());
        assertTrue(acct.warnings().get(0).startsWith("S3 buckets skipped: s3:ListBuckets was refused (AccessDenied"),
                acct.warnings().toString());
        assertTrue(acct.warnings().get(1).startsWith("organization skipped: organizations:* was refused (AccessDeniedException"),
                acct.warnings().toString());
        assertTrue(acct.provenance().source().startsWith("live explicit credentials (us-east-1) via http://127.0.0.1:"),
                acct.provenance().source());

        assertTrue(progress.events.contains("start authorization details 0"), progress.events.toString());
        assertTrue(progress.events.contains("authorization details 3"), progress.events.toString());
        assertTrue(progress.events.contains("start users 2"), progress.events.toString());
        assertTrue(progress.events.contains("users 2"), progress.events.toString());
        assertTrue(progress.events.get(progress.events.size() - 1).startsWith("finished 2 users, 1 roles, 1 groups, 1 policies; 2 warning(s)"),
                progress.events.toString());
    }

    @Test
    void live_whenSavedAndReadBack_thenEqualAccount(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        stubAuthorizationDetails(false);
        stubCredentialReport();
        stubIdentityAndCredentials();
        stubDeniedOptionalParts();
        Account live = Iam.live(options().skip(LivePart.ACCESS_ANALYZER, LivePart.CLOUDTRAIL).build());
        assertEquals(live.snapshot(), Iam.fromSnapshot(live.save(tmp.resolve("snap"))).snapshot());
    }

    @Test
    void live_whenAnalyzerAndCloudTrailAnswer_thenFindingsAndEventsAreRead() {
        stubAuthorizationDetails(false);
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                + "<Account>123456789012</Account>");
        server.stubFor(get(urlPathEqualTo("/analyzer")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"analyzers\":[{\"arn\":"
                        + "\"arn:aws:access-analyzer:us-east-1:123456789012:analyzer/account-analyzer\",\"name\":\"account-analyzer\","
                        + "\"type\":\"ACCOUNT\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"status\":\"ACTIVE\"}]}")));
        server.stubFor(post(urlPathEqualTo("/finding")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"findings\":[{\"id\":\"f-1\",\"principal\":"
                        + "{\"AWS\":\"444455556666\"},\"action\":[\"sts:AssumeRole\"],\"resource\":"
                        + "\"arn:aws:iam::123456789012:role/partner-readonly\",\"isPublic\":false,\"resourceType\":\"AWS::IAM::Role\","
                        + "\"condition\":{},\"createdAt\":\"2026-10-01T00:00:00Z\",\"analyzedAt\":\"2026-10-31T00:00:00Z\","
                        + "\"updatedAt\":\"2026-10-31T00:00:00Z\",\"status\":\"ACTIVE\",\"resourceOwnerAccount\":\"123456789012\"}]}")));
        String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":"
                + "\"arn:aws:sts::123456789012:assumed-role/app-role/i-0abc\"},\"eventTime\":\"2026-10-31T23:10:00Z\","
                + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"PutObject\",\"errorCode\":\"AccessDenied\","
                + "\"errorMessage\":\"Access Denied\",\"requestParameters\":{\"bucketName\":\"prod-data\",\"key\":\"uploads/x\"}}";
        jsonTarget("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", 200,
                "{\"Events\":[{\"EventId\":\"e-1\",\"EventName\":\"PutObject\",\"ReadOnly\":\"false\",\"EventTime\":1761952200,"
                        + "\"EventSource\":\"s3.amazonaws.com\",\"Username\":\"app-role\",\"Resources\":[],\"CloudTrailEvent\":"
                        + com.fasterxml.jackson.databind.node.TextNode.valueOf(record) + "}]}");

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.ACCESS_ANALYZER, LivePart.CLOUDTRAIL)).build());

        var finding = acct.snapshot().analyzerFindings().get(0);
        assertEquals("444455556666", finding.principal().get("AWS"));
        assertEquals(List.of("sts:AssumeRole"), finding.actions());
        var event = acct.snapshot().cloudTrailEvents().get(0);
        assertEquals("AccessDenied", event.errorCode());
        assertEquals("arn:aws:sts::123456789012:assumed-role/app-role/i-0abc", event.userIdentityArn());
        assertTrue(acct.warnings().isEmpty(), acct.warnings().toString());
    }

    @Test
    void live_whenCloudTrailReturnsCredentials_thenNoSecretIsKeptRenderedOrSaved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        stubAuthorizationDetails(false);
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                + "<Account>123456789012</Account>");
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYLIVE0SECRET";
        String token = "FwoGZXIvYXdzELIVEtoken" + "A".repeat(90) + "9b";
        String password = "Live-Planted-Passw0rd";
        StringBuilder events = new StringBuilder();
        for (String name : List.of("AssumeRole", "GetSessionToken", "GetFederationToken", "CreateLoginProfile")) {
            String record = "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"arn\":\"arn:aws:iam::123456789012:user/alice\"},"
                    + "\"eventTime\":\"2026-10-31T23:10:00Z\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"" + name + "\","
                    + "\"requestParameters\":{\"userName\":\"alice\",\"password\":\"" + password + "\"},"
                    + "\"responseElements\":{\"credentials\":{\"accessKeyId\":\"ASIAEXAMPLELIVE00001\",\"secretAccessKey\":\""
                    + secret + "\",\"sessionToken\":\"" + token + "\"}}}";
            events.append(events.length() == 0 ? "" : ",").append("{\"EventId\":\"e-").append(name)
                    .append("\",\"EventName\":\"").append(name).append("\",\"EventTime\":1761952200,\"CloudTrailEvent\":")
                    .append(com.fasterxml.jackson.databind.node.TextNode.valueOf(record)).append("}");
        }
        jsonTarget("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents", 200, "{\"Events\":[" + events + "]}");

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.CLOUDTRAIL)).build());

        assertEquals(4, acct.snapshot().cloudTrailEvents().size());
        java.nio.file.Path saved = acct.save(tmp.resolve("snap"));
        StringBuilder outputs = new StringBuilder(acct.snapshot().toString()).append(acct.toMimeBundle())
                .append(acct.users().printAll()).append(acct.roles().printAll()).append(acct.audit().all().table().printAll());
        try (var files = java.nio.file.Files.walk(saved)) {
            for (var f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                outputs.append(java.nio.file.Files.readString(f));
            }
        }
        for (String planted : List.of(secret, token, password, "LIVE0SECRET", "LIVEtoken")) {
            assertFalse(outputs.toString().contains(planted), "an output leaks " + planted);
        }
        assertTrue(acct.snapshot().cloudTrailEvents().get(0).rawJson().contains(iamnb.model.Sanitiser.MARKER));
    }

    private void orgCall(String operation, String bodyContains, String answer) {
        server.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128." + operation))
                .withRequestBody(containing(bodyContains))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(answer)));
    }

    @Test
    void live_whenOrganizationIsReadable_thenScpLevelsFollowTheOuPath() {
        stubAuthorizationDetails(false);
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::999999999999:user/org-auditor</Arn><UserId>AIDAEXAMPLEORGAUDIT1</UserId>"
                + "<Account>123456789012</Account>");
        String full = "{\"Id\":\"p-FullAWSAccess\",\"Arn\":\"arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess\","
                + "\"Name\":\"FullAWSAccess\",\"Description\":\"Allows access to every operation\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"AwsManaged\":true}";
        String guard = "{\"Id\":\"p-guard0001\",\"Arn\":\"arn:aws:organizations::999999999999:policy/o-exampleorgid/service_control_policy/p-guard0001\","
                + "\"Name\":\"prod-guardrails\",\"Description\":\"\",\"Type\":\"SERVICE_CONTROL_POLICY\",\"AwsManaged\":false}";
        orgCall("DescribeOrganization", "", "{\"Organization\":{\"Id\":\"o-exampleorgid\",\"Arn\":"
                + "\"arn:aws:organizations::999999999999:organization/o-exampleorgid\",\"FeatureSet\":\"ALL\","
                + "\"MasterAccountId\":\"999999999999\",\"MasterAccountEmail\":\"org@example.com\"}}");
        orgCall("ListPolicies", "SERVICE_CONTROL_POLICY", "{\"Policies\":[" + full + "," + guard + "]}");
        orgCall("ListPolicies", "RESOURCE_CONTROL_POLICY", "{\"Policies\":[]}");
        orgCall("DescribePolicy", "p-FullAWSAccess", "{\"Policy\":{\"PolicySummary\":" + full + ",\"Content\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(ADMIN) + "}}");
        orgCall("DescribePolicy", "p-guard0001", "{\"Policy\":{\"PolicySummary\":" + guard + ",\"Content\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                        + "\"Action\":\"organizations:LeaveOrganization\",\"Resource\":\"*\"}]}") + "}}");
        orgCall("ListTargetsForPolicy", "p-FullAWSAccess", "{\"Targets\":[{\"TargetId\":\"r-exam\",\"Name\":\"Root\",\"Type\":\"ROOT\"},"
                + "{\"TargetId\":\"ou-exam-prod1111\",\"Name\":\"Production\",\"Type\":\"ORGANIZATIONAL_UNIT\"},"
                + "{\"TargetId\":\"123456789012\",\"Name\":\"prod\",\"Type\":\"ACCOUNT\"}]}");
        orgCall("ListTargetsForPolicy", "p-guard0001",
                "{\"Targets\":[{\"TargetId\":\"ou-exam-prod1111\",\"Name\":\"Production\",\"Type\":\"ORGANIZATIONAL_UNIT\"}]}");
        orgCall("ListRoots", "", "{\"Roots\":[{\"Id\":\"r-exam\",\"Arn\":\"arn:aws:organizations::999999999999:root/o-exampleorgid/r-exam\","
                + "\"Name\":\"Root\",\"PolicyTypes\":[{\"Type\":\"SERVICE_CONTROL_POLICY\",\"Status\":\"ENABLED\"}]}]}");
        orgCall("ListOrganizationalUnitsForParent", "r-exam", "{\"OrganizationalUnits\":[{\"Id\":\"ou-exam-prod1111\","
                + "\"Arn\":\"arn:aws:organizations::999999999999:ou/o-exampleorgid/ou-exam-prod1111\",\"Name\":\"Production\"}]}");
        orgCall("ListOrganizationalUnitsForParent", "ou-exam-prod1111", "{\"OrganizationalUnits\":[]}");
        orgCall("ListAccountsForParent", "r-exam", "{\"Accounts\":[]}");
        orgCall("ListAccountsForParent", "ou-exam-prod1111", "{\"Accounts\":[{\"Id\":\"123456789012\",\"Arn\":"
                + "\"arn:aws:organizations::999999999999:account/o-exampleorgid/123456789012\",\"Email\":\"prod@example.com\","
                + "\"Name\":\"prod\",\"Status\":\"ACTIVE\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1577836800}]}");

        Account acct = Iam.live(options().parts(EnumSet.of(LivePart.ORGANIZATION)).build());

        var levels = acct.scpLevelsFor("123456789012");
        assertEquals(List.of(List.of("FullAWSAccess"), List.of("FullAWSAccess", "prod-guardrails"), List.of("FullAWSAccess")),
                levels.stream().map(l -> l.stream().map(iamnb.model.OrgPolicy::name).toList()).toList());
        assertEquals("Deny", levels.get(1).get(1).document().statements().get(0).effect().json());
        assertEquals("999999999999", acct.organization().orElseThrow().managementAccountId());
        assertTrue(acct.warnings().isEmpty(), acct.warnings().toString());
    }

    /** IAM's URL-encoded documents go through the same parser, and so the same limits, as a snapshot's. */
    @Test
    void live_whenIamReturnsADocumentNestedTooDeepOrTooLarge_thenInvalidInputNamesTheRoleAndTheLimit() {
        String deep = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":"
                + "{\"a\":".repeat(200) + "1" + "}".repeat(200) + "}]}";
        String large = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\""
                + "arn:aws:s3:::b/x\",\"".repeat(20_000) + "*\"]}]}";
        for (String document : List.of(deep, large)) {
            server.resetAll();
            iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                    + "<Account>123456789012</Account>");
            iam("GetAccountAuthorizationDetails", "<IsTruncated>false</IsTruncated><UserDetailList/><GroupDetailList/>"
                    + "<RoleDetailList><member><Path>/</Path><RoleName>odd</RoleName><RoleId>AROAEXAMPLEODDROLE01</RoleId>"
                    + "<Arn>arn:aws:iam::123456789012:role/odd</Arn><CreateDate>2024-02-01T10:00:00Z</CreateDate>"
                    + "<AssumeRolePolicyDocument>" + enc(document) + "</AssumeRolePolicyDocument><InstanceProfileList/>"
                    + "<RolePolicyList/><AttachedManagedPolicies/><Tags/><RoleLastUsed/></member></RoleDetailList><Policies/>");
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Iam.live(options().parts(EnumSet.noneOf(LivePart.class)).build()));
            assertTrue(e.getMessage().startsWith("iam:GetAccountAuthorizationDetails role odd trust policy: "), e.getMessage());
            assertTrue(e.getMessage().contains(document == deep ? "nesting depth (33) exceeds the maximum allowed (32)"
                    : "URL-encoded characters, more than the limit of 393,216"), e.getMessage());
        }
    }

    @Test
    void whoami_whenStsAnswers_thenAccountArnAndUserId() {
        iam("GetCallerIdentity", "<Arn>arn:aws:sts::123456789012:assumed-role/app-role/i-0abc</Arn>"
                + "<UserId>AROAEXAMPLEAPPROLE01:i-0abc</UserId><Account>123456789012</Account>");
        CallerIdentity me = Iam.whoami(o -> o.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret-not-real"))));
        assertEquals(new CallerIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/app-role/i-0abc",
                "AROAEXAMPLEAPPROLE01:i-0abc"), me);
        assertTrue(me.isAssumedRole());
    }

    @Test
    void live_whenAuthorizationDetailsAreDenied_thenSourceUnavailableSaysWhichPermissionIsMissing() {
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/intern</Arn><UserId>AIDAEXAMPLEINTERN01</UserId>"
                + "<Account>123456789012</Account>");
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
                .willReturn(aResponse().withStatus(403).withBody(iamError("AccessDenied",
                        "User: arn:aws:iam::123456789012:user/intern is not authorized to perform: iam:GetAccountAuthorizationDetails"))));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class, () -> Iam.live(options().build()));
        assertTrue(e.getMessage().startsWith("cannot read users, groups, roles and policies: "
                + "iam:GetAccountAuthorizationDetails was refused (AccessDenied: User: arn:aws:iam::123456789012:user/intern"),
                e.getMessage());
        assertTrue(e.getMessage().contains("SecurityAudit"), e.getMessage());
    }

    @Test
    void live_whenThrottlingOutlastsTheAttemptBound_thenGivesUpWithThrottlingNamed() {
        iam("GetCallerIdentity", "<Arn>arn:aws:iam::123456789012:user/auditor</Arn><UserId>AIDAEXAMPLEAUDITOR01</UserId>"
                + "<Account>123456789012</Account>");
        server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetAccountAuthorizationDetails&"))
                .willReturn(aResponse().withStatus(400).withBody(iamError("Throttling", "Rate exceeded"))));
        SourceUnavailableException e = assertThrows(SourceUnavailableException.class,
                () -> Iam.live(options().maxAttempts(2).build()));
        assertTrue(e.getMessage().contains("(Throttling: Rate exceeded)"), e.getMessage());
        assertEquals(2, requests("GetAccountAuthorizationDetails"), "bounded by maxAttempts");
    }
}
