package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.model.AccessKey;
import iamnb.Account;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.model.CredentialReportRow;
import iamnb.model.ManagedPolicy;
import iamnb.model.OrgPolicy;
import iamnb.model.Role;
import iamnb.model.User;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReaderTest {
    private static final String ACCOUNT_JSON = """
            {"accountId": "123456789012", "alias": "example-prod", "asOf": "2026-11-01T00:00:00+00:00"}
            """;

    @TempDir
    Path tmp;

    static String resource(String name) {
        try (InputStream in = SnapshotReaderTest.class.getResourceAsStream("/iamnb/source/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new AssertionError("test resource " + name + " is missing", e);
        }
    }

    private Path folder(String name, String gaadResource) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("account.json"), ACCOUNT_JSON);
        Files.writeString(dir.resolve("gaad.json"), resource(gaadResource));
        return dir;
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void fromSnapshot_whenGaadIsRawApiFormWithUrlEncodedDocuments_thenEqualsCliForm() throws IOException {
        AccountSnapshot cli = Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json")).snapshot();
        AccountSnapshot raw = Iam.fromSnapshot(folder("raw", "gaad/gaad-raw.json")).snapshot();
        assertEquals(cli, raw);
        assertEquals(2, cli.users().size());
        assertEquals(2, cli.roles().size());
    }

    @Test
    void fromSnapshot_whenGaadDocumentsArePlainJsonStrings_thenEqualsCliForm() throws IOException {
        // Some tools (and hand edits) keep documents as JSON text rather than objects or URL-encoded text.
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var tree = mapper.readTree(resource("gaad/gaad-cli.json"));
        stringify(tree);
        Path dir = folder("strings", "gaad/gaad-cli.json");
        Files.writeString(dir.resolve("gaad.json"), mapper.writeValueAsString(tree));
        assertTrue(Files.readString(dir.resolve("gaad.json")).contains("\"AssumeRolePolicyDocument\":\"{"));
        assertEquals(Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json")).snapshot(), Iam.fromSnapshot(dir).snapshot());
    }

    private static void stringify(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            for (String f : List.of("PolicyDocument", "AssumeRolePolicyDocument", "Document")) {
                if (o.has(f) && o.get(f).isObject()) {
                    o.put(f, o.get(f).toString());
                }
            }
            o.elements().forEachRemaining(SnapshotReaderTest::stringify);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(SnapshotReaderTest::stringify);
        }
    }

    @Test
    void fromSnapshot_whenGaadEmbedsPolicies_thenEveryPolicyLayerIsParsed() throws IOException {
        Account acct = Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json"));
        User alice = acct.user("alice");
        assertEquals(List.of("admins"), alice.groups());
        assertEquals(List.of("home/${aws:username}/*"),
                alice.inlinePolicy("read-reports").orElseThrow().document().statements().get(0).conditions().get(0).values());
        assertEquals("arn:aws:iam::123456789012:policy/dev-sandbox-boundary", alice.permissionsBoundaryArn().orElseThrow());
        assertEquals("platform", alice.tags().get("team"));
        assertEquals("/service/", acct.user("svc-deploy").path());

        Role cross = acct.role("cross-account-deploy");
        assertEquals("prod-deploy-2024", cross.trustPolicy().statements().get(0).conditions().get(0).values().get(0));
        assertEquals(Instant.parse("2026-10-30T17:04:11Z"), cross.lastUsed().orElseThrow().date());
        Role web = acct.role("web-server");
        assertTrue(web.lastUsed().isEmpty(), "RoleLastUsed {} means never used");
        assertEquals("web-server", web.instanceProfiles().get(0).name());
        assertEquals(Role.DEFAULT_MAX_SESSION, web.maxSessionDuration());

        ManagedPolicy boundary = acct.policy("dev-sandbox-boundary");
        assertEquals("v2", boundary.defaultVersion().versionId());
        assertEquals(2, boundary.document().statements().size());
        assertEquals(1, boundary.version("v1").orElseThrow().document().statements().size());
        assertTrue(acct.policy("AdministratorAccess").isAwsManaged());
        assertEquals("NoLeave", acct.group("admins").inlinePolicies().get(0).document().statements().get(0).sid());
    }

    @Test
    void fromSnapshot_whenGaadIsAListOfRawApiPages_thenPagesAreMerged() throws IOException {
        Path dir = folder("pages", "gaad/gaad-raw.json");
        String raw = resource("gaad/gaad-raw.json");
        String emptyPage = "{\"UserDetailList\":[],\"GroupDetailList\":[],\"RoleDetailList\":[],\"Policies\":[],\"IsTruncated\":true,\"Marker\":\"abc\"}";
        Files.writeString(dir.resolve("gaad.json"), "[" + emptyPage + "," + raw + "]");
        assertEquals(Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json")).snapshot(), Iam.fromSnapshot(dir).snapshot());
    }

    @Test
    void fromSnapshot_whenCredentialReportHasEverySpecialValue_thenCellsAreKeptVerbatim() throws IOException {
        Path dir = folder("report", "gaad/gaad-cli.json");
        write(dir, "credential-report.csv", resource("credential-report.csv"));
        var report = Iam.fromSnapshot(dir).snapshot().credentialReport().orElseThrow();
        assertEquals(4, report.rows().size());
        CredentialReportRow root = report.rows().get(0);
        assertTrue(root.isRoot());
        assertEquals("not_supported", root.get("password_enabled"));
        assertEquals("no_information", report.row("never-logged-in").orElseThrow().get("password_last_used"));
        assertEquals("N/A", report.row("svc-deploy").orElseThrow().get("access_key_2_last_rotated"));
    }

    @Test
    void fromSnapshot_whenCliOutputsForEveryExtraPart_thenAllPartsLoad() throws IOException {
        Path dir = folder("extras", "gaad/gaad-cli.json");
        // aws iam list-access-keys, for two users, concatenated into one AccessKeyMetadata list
        write(dir, "access-keys.json", """
                {"AccessKeyMetadata": [
                  {"UserName": "svc-deploy", "AccessKeyId": "AKIAOLD123456EXAMPLE", "Status": "Active", "CreateDate": "2021-06-01T12:00:00+00:00"},
                  {"UserName": "alice", "AccessKeyId": "AKIAALICE1EXAMPLE001", "Status": "Inactive", "CreateDate": "2026-08-01T00:00:00+00:00"}]}
                """);
        // aws iam get-access-key-last-used --access-key-id AKIAOLD123456EXAMPLE
        write(dir, "access-key-last-used/AKIAOLD123456EXAMPLE.json", """
                {"UserName": "svc-deploy", "AccessKeyLastUsed": {"LastUsedDate": "2026-10-01T03:00:00+00:00", "ServiceName": "ecr", "Region": "us-west-2"}}
                """);
        write(dir, "access-key-last-used/AKIAALICE1EXAMPLE001.json", """
                {"UserName": "alice", "AccessKeyLastUsed": {"ServiceName": "N/A", "Region": "N/A"}}
                """);
        // aws iam list-virtual-mfa-devices (one unassigned device)
        write(dir, "mfa-devices.json", """
                {"VirtualMFADevices": [
                  {"SerialNumber": "arn:aws:iam::123456789012:mfa/alice", "User": {"UserName": "alice", "Arn": "arn:aws:iam::123456789012:user/alice"}, "EnableDate": "2023-03-15T00:00:00+00:00"},
                  {"SerialNumber": "arn:aws:iam::123456789012:mfa/spare"}]}
                """);
        // aws iam get-login-profile --user-name alice
        write(dir, "login-profiles/alice.json", """
                {"LoginProfile": {"UserName": "alice", "CreateDate": "2023-03-14T09:30:00+00:00", "PasswordResetRequired": false}}
                """);
        // aws iam get-role --role-name web-server
        write(dir, "roles/web-server.json", """
                {"Role": {"Path": "/", "RoleName": "web-server", "RoleId": "AROAEXAMPLEWEBSERVER",
                  "Arn": "arn:aws:iam::123456789012:role/web-server", "CreateDate": "2020-05-05T05:05:05+00:00",
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "Description": "web tier", "MaxSessionDuration": 7200,
                  "RoleLastUsed": {"LastUsedDate": "2026-10-31T23:00:00+00:00", "Region": "eu-west-1"}}}
                """);
        write(dir, "oidc-providers.json", """
                {"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE":
                  {"Url": "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
                   "ClientIDList": ["sts.amazonaws.com"], "ThumbprintList": ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],
                   "CreateDate": "2024-05-01T00:00:00+00:00", "Tags": []}}
                """);
        write(dir, "buckets.json", """
                {"Buckets": [{"Name": "prod-data", "CreationDate": "2022-02-02T00:00:00+00:00"}],
                 "Owner": {"DisplayName": "ops", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}}
                """);
        write(dir, "buckets/prod-data/policy.json", """
                {"Policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Sid\\":\\"DenyInsecure\\",\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":[\\"arn:aws:s3:::prod-data\\",\\"arn:aws:s3:::prod-data/*\\"],\\"Condition\\":{\\"Bool\\":{\\"aws:SecureTransport\\":\\"false\\"}}}]}"}
                """);
        write(dir, "buckets/prod-data/acl.json", """
                {"Owner": {"DisplayName": "ops", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"},
                 "Grants": [{"Grantee": {"DisplayName": "ops", "ID": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be", "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"},
                            {"Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"}, "Permission": "READ"}]}
                """);
        write(dir, "buckets/prod-data/public-access-block.json", """
                {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true}}
                """);
        write(dir, "buckets/prod-data/ownership-controls.json", """
                {"OwnershipControls": {"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]}}
                """);
        write(dir, "buckets/prod-data/location.json", "{\"LocationConstraint\": \"eu-west-1\"}\n");
        write(dir, "vpc-endpoints.json", """
                {"VpcEndpoints": [{"VpcEndpointId": "vpce-0a1b2c3d4e5f67890", "VpcEndpointType": "Gateway", "VpcId": "vpc-0123456789abcdef0",
                  "ServiceName": "com.amazonaws.us-east-1.s3", "State": "available",
                  "PolicyDocument": "{\\"Version\\":\\"2008-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"*\\",\\"Resource\\":\\"*\\"}]}",
                  "RouteTableIds": ["rtb-0123456789abcdef0"], "CreationTimestamp": "2023-01-01T00:00:00+00:00"}]}
                """);
        write(dir, "organization/describe-organization.json", """
                {"Organization": {"Id": "o-exampleorgid", "Arn": "arn:aws:organizations::999999999999:organization/o-exampleorgid",
                  "FeatureSet": "ALL", "MasterAccountArn": "arn:aws:organizations::999999999999:account/o-exampleorgid/999999999999",
                  "MasterAccountId": "999999999999", "MasterAccountEmail": "org@example.com"}}
                """);
        write(dir, "organization/list-roots.json", """
                {"Roots": [{"Id": "r-examplerootid", "Arn": "arn:aws:organizations::999999999999:root/o-exampleorgid/r-examplerootid", "Name": "Root",
                  "PolicyTypes": [{"Type": "SERVICE_CONTROL_POLICY", "Status": "ENABLED"}]}]}
                """);
        write(dir, "organization/ous/r-examplerootid.json", """
                {"OrganizationalUnits": [{"Id": "ou-exam-prod1111", "Arn": "arn:aws:organizations::999999999999:ou/o-exampleorgid/ou-exam-prod1111", "Name": "Production"}]}
                """);
        write(dir, "organization/accounts/ou-exam-prod1111.json", """
                {"Accounts": [{"Id": "123456789012", "Arn": "arn:aws:organizations::999999999999:account/o-exampleorgid/123456789012",
                  "Email": "prod@example.com", "Name": "prod", "Status": "ACTIVE", "JoinedMethod": "CREATED", "JoinedTimestamp": "2020-01-01T00:00:00+00:00"}]}
                """);
        write(dir, "organization/policies/p-FullAWSAccess.json", """
                {"Policy": {"PolicySummary": {"Id": "p-FullAWSAccess", "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess",
                  "Name": "FullAWSAccess", "Description": "Allows access to every operation", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true},
                  "Content": "{\\n  \\"Version\\": \\"2012-10-17\\",\\n  \\"Statement\\": [\\n    {\\n      \\"Effect\\": \\"Allow\\",\\n      \\"Action\\": \\"*\\",\\n      \\"Resource\\": \\"*\\"\\n    }\\n  ]\\n}"}}
                """);
        write(dir, "organization/policies/p-denyregions.json", """
                {"Policy": {"PolicySummary": {"Id": "p-denyregions", "Arn": "arn:aws:organizations::999999999999:policy/o-exampleorgid/service_control_policy/p-denyregions",
                  "Name": "deny-other-regions", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": false},
                  "Content": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"NotAction\\":[\\"iam:*\\",\\"sts:*\\"],\\"Resource\\":\\"*\\",\\"Condition\\":{\\"StringNotEquals\\":{\\"aws:RequestedRegion\\":[\\"us-east-1\\"]}}}]}"}}
                """);
        write(dir, "organization/targets/r-examplerootid.json", """
                {"Policies": [{"Id": "p-FullAWSAccess", "Arn": "arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess", "Name": "FullAWSAccess", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true}]}
                """);
        write(dir, "organization/targets/ou-exam-prod1111.SERVICE_CONTROL_POLICY.json", """
                {"Policies": [{"Id": "p-denyregions", "Arn": "", "Name": "deny-other-regions", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": false}]}
                """);
        write(dir, "organization/targets/123456789012.json", """
                {"Policies": [{"Id": "p-FullAWSAccess", "Arn": "", "Name": "FullAWSAccess", "Description": "", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true}]}
                """);
        write(dir, "access-analyzer-findings.json", """
                {"findings": [{"id": "f-1", "principal": {"AWS": "*"}, "action": ["s3:GetObject"], "resource": "arn:aws:s3:::prod-data",
                  "isPublic": true, "resourceType": "AWS::S3::Bucket", "condition": {}, "createdAt": "2026-10-01T00:00:00.123000+00:00",
                  "analyzedAt": "2026-10-01T00:00:00+00:00", "updatedAt": "2026-10-01T00:00:00+00:00", "status": "ACTIVE",
                  "resourceOwnerAccount": "123456789012"}]}
                """);
        write(dir, "cloudtrail-events.json", """
                {"Events": [{"EventId": "e-1", "EventName": "PutObject", "ReadOnly": "false", "EventTime": "2026-10-31T23:10:00+00:00",
                  "EventSource": "s3.amazonaws.com", "Username": "app-role", "Resources": [],
                  "CloudTrailEvent": "{\\"eventVersion\\":\\"1.08\\",\\"userIdentity\\":{\\"type\\":\\"AssumedRole\\",\\"arn\\":\\"arn:aws:sts::123456789012:assumed-role/app-role/i-0abc\\"},\\"eventTime\\":\\"2026-10-31T23:10:00Z\\",\\"eventSource\\":\\"s3.amazonaws.com\\",\\"eventName\\":\\"PutObject\\",\\"errorCode\\":\\"AccessDenied\\",\\"errorMessage\\":\\"Access Denied\\",\\"requestParameters\\":{\\"bucketName\\":\\"prod-data\\",\\"key\\":\\"uploads/x\\"}}"}]}
                """);

        Account acct = Iam.fromSnapshot(dir);
        User svc = acct.user("svc-deploy");
        AccessKey old = svc.accessKeys().get(0);
        assertEquals("AKIAOLD123456EXAMPLE", old.accessKeyId());
        assertEquals("ecr", old.lastUsed().orElseThrow().service());
        User alice = acct.user("alice");
        assertTrue(alice.accessKeys().get(0).lastUsed().isEmpty(), "N/A last use means never used");
        assertEquals(AccessKey.Status.INACTIVE, alice.accessKeys().get(0).status());
        assertEquals(1, alice.mfaDevices().size(), "the unassigned virtual device belongs to no one");
        assertTrue(alice.hasConsoleAccess());
        assertFalse(svc.hasConsoleAccess());

        Role web = acct.role("web-server");
        assertEquals(Duration.ofHours(2), web.maxSessionDuration());
        assertEquals("web tier", web.description());
        assertEquals("eu-west-1", web.lastUsed().orElseThrow().region());

        assertEquals(List.of("sts.amazonaws.com"),
                acct.findOidcProvider("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE").orElseThrow().clientIds());
        Bucket prod = acct.bucket("prod-data");
        assertEquals("eu-west-1", prod.region());
        assertEquals("DenyInsecure", prod.policy().orElseThrow().statements().get(0).sid());
        assertTrue(prod.acl().orElseThrow().grants().get(1).isPublic());
        assertTrue(prod.publicAccessBlock().orElseThrow().blocksEverything());
        assertTrue(prod.aclsDisabled());
        assertEquals("2008-10-17", acct.snapshot().vpcEndpoints().get(0).policy().orElseThrow().version());

        List<List<OrgPolicy>> levels = acct.scpLevelsFor("123456789012");
        assertEquals(3, levels.size(), "root, Production OU, account");
        assertEquals("FullAWSAccess", levels.get(0).get(0).name());
        assertEquals("deny-other-regions", levels.get(1).get(0).name());
        assertEquals(List.of(List.of(), List.of(), List.of()), acct.rcpLevelsFor("123456789012"));

        assertTrue(acct.snapshot().analyzerFindings().get(0).isPublic().orElseThrow());
        var event = acct.snapshot().cloudTrailEvents().get(0);
        assertEquals("AccessDenied", event.errorCode());
        assertEquals("arn:aws:sts::123456789012:assumed-role/app-role/i-0abc", event.userIdentityArn());
        assertEquals("{\"bucketName\":\"prod-data\",\"key\":\"uploads/x\"}", event.requestParameters());

        // and everything survives a save and a reload
        Path saved = acct.save(tmp.resolve("saved"));
        assertEquals(acct.snapshot(), Iam.fromSnapshot(saved).snapshot());
    }

    @Test
    void save_whenInputCarriedASecretAccessKey_thenNoSavedFileContainsIt() throws IOException {
        Path dir = folder("secret", "gaad/gaad-cli.json");
        // someone saved `aws iam create-access-key` output, which carries the secret
        write(dir, "access-keys.json", """
                {"AccessKeyMetadata": [{"UserName": "alice", "AccessKeyId": "AKIAALICE1EXAMPLE001", "Status": "Active",
                  "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", "CreateDate": "2026-08-01T00:00:00+00:00"}]}
                """);
        Path saved = Iam.fromSnapshot(dir).save(tmp.resolve("saved"));
        try (Stream<Path> files = Files.walk(saved)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("wJalrXUtnFEMI"), f + " leaks the secret");
                assertFalse(text.contains("SecretAccessKey"), f + " names a secret field");
            }
        }
    }

    @Test
    void fromSnapshot_whenGaadIsNotJson_thenErrorNamesFileAndLine() throws IOException {
        Path dir = folder("bad", "gaad/gaad-cli.json");
        Files.writeString(dir.resolve("gaad.json"), "{\n  \"UserDetailList\": [\n    {\"UserName\": \"a\",,}\n]}");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir));
        assertTrue(e.getMessage().startsWith("gaad.json: not valid JSON at line 3"), e.getMessage());
    }

    @Test
    void fromSnapshot_whenATimestampIsMalformed_thenErrorNamesLineAndJsonPath() throws IOException {
        Path dir = folder("bad", "gaad/gaad-cli.json");
        String gaad = resource("gaad/gaad-cli.json").replace("\"2021-06-01T12:00:00+00:00\"", "\"last tuesday\"");
        Files.writeString(dir.resolve("gaad.json"), gaad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir));
        assertTrue(e.getMessage().matches("gaad\\.json line \\d+: \\$\\.UserDetailList\\[1\\]\\.CreateDate: \"last tuesday\" is not a timestamp.*"),
                e.getMessage());
    }

    @Test
    void fromSnapshot_whenAnEmbeddedPolicyIsInvalid_thenErrorNamesPathInsideDocument() throws IOException {
        Path dir = folder("bad", "gaad/gaad-cli.json");
        String gaad = resource("gaad/gaad-cli.json").replace("\"Effect\": \"Deny\", \"Action\": \"organizations", "\"Effect\": \"deny\", \"Action\": \"organizations");
        Files.writeString(dir.resolve("gaad.json"), gaad);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir));
        assertTrue(e.getMessage().contains("$.GroupDetailList[0].GroupPolicyList[0].PolicyDocument"), e.getMessage());
        assertTrue(e.getMessage().contains("$.Statement[0].Effect is \"deny\""), e.getMessage());
    }

    @Test
    void fromSnapshot_whenCredentialReportHasABadTime_thenErrorNamesLineAndColumn() throws IOException {
        Path dir = folder("bad", "gaad/gaad-cli.json");
        write(dir, "credential-report.csv", resource("credential-report.csv").replace("2026-10-01T03:00:00+00:00", "yesterday"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir));
        assertTrue(e.getMessage().startsWith("credential-report.csv line 4: column access_key_1_last_used_date is \"yesterday\""),
                e.getMessage());
    }

    @Test
    void fromSnapshot_whenGaadIsMissing_thenErrorSaysWhichCommandMakesIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(tmp));
        assertTrue(e.getMessage().contains("aws iam get-account-authorization-details"), e.getMessage());
    }

    @Test
    void fromSnapshot_whenNoAccountJson_thenIdFromArnsAndAsOfFromLatestDataWithWarning() throws IOException {
        Path dir = folder("bare", "gaad/gaad-cli.json");
        Files.delete(dir.resolve("account.json"));
        Account acct = Iam.fromSnapshot(dir);
        assertEquals("123456789012", acct.accountId());
        assertEquals(Instant.parse("2026-10-30T17:04:11Z"), acct.asOf());
        assertTrue(acct.warnings().get(0).contains("asOf"), acct.warnings().toString());
    }

    @Test
    void user_whenNameIsMisspelled_thenErrorSuggestsCloseNames() throws IOException {
        Account acct = Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> acct.user("alcie"));
        assertEquals("account 123456789012 has no user \"alcie\"; did you mean \"alice\"?", e.getMessage());
        assertTrue(acct.findUser("alcie").isEmpty());
    }

    @Test
    void provenance_whenSameDataFromDifferentFileShapes_thenSameDigest() throws IOException {
        Account cli = Iam.fromSnapshot(folder("cli", "gaad/gaad-cli.json"));
        Account raw = Iam.fromSnapshot(folder("raw", "gaad/gaad-raw.json"));
        assertEquals(cli.provenance().sha256(), raw.provenance().sha256());
        assertTrue(cli.provenance().source().startsWith("snapshot "));
        assertEquals(64, cli.provenance().sha256().length());
    }
}
