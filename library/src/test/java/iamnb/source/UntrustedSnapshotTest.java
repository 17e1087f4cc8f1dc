package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.Bucket;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.PolicyDocument;
import iamnb.model.Sanitiser;
import iamnb.table.CredentialReportTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot folder is someone else's input (issue 15): secrets planted in every file must reach no output, and
 * names planted to climb out of the folder must make nothing be read or written outside it.
 */
class UntrustedSnapshotTest {
    /** Shaped like AWS's documented example secret key, but not it. */
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYPLANTED9KE";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEPLANTEDtokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1B2c3";
    private static final String PASSWORD = "Planted-Passw0rd!";
    private static final String[] PLANTED = {SECRET, TOKEN, PASSWORD, "PLANTED9KE", "PLANTEDtoken"};

    @TempDir
    Path tmp;

    private static void write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String event(String name, String requestParameters, String responseElements) {
        String record = """
                {"eventVersion":"1.08","eventTime":"2026-10-30T10:00:00Z","eventSource":"sts.amazonaws.com",
                 "eventName":"%s","userIdentity":{"arn":"arn:aws:iam::123456789012:user/alice"},
                 "requestParameters":%s,"responseElements":%s}""".formatted(name, requestParameters, responseElements);
        return "{\"EventId\":\"id-" + name + "\",\"EventName\":\"" + name + "\",\"Username\":\"alice\","
                + "\"CloudTrailEvent\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(record) + "}";
    }

    private static String credentials() {
        return "{\"credentials\":{\"accessKeyId\":\"ASIAPLANTEDEXAMPLE01\",\"secretAccessKey\":\"" + SECRET
                + "\",\"sessionToken\":\"" + TOKEN + "\",\"expiration\":\"Oct 30, 2026 11:00:00 AM\"}}";
    }

    /** A folder with a secret in every file that can carry one. */
    private Path plantedFolder() throws IOException {
        Path dir = tmp.resolve("planted");
        write(dir, "account.json", "{\"accountId\": \"123456789012\", \"asOf\": \"2026-11-01T00:00:00Z\"}");
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
        write(dir, "gaad.json", """
                {"UserDetailList": [{"Path": "/", "UserName": "alice", "UserId": "AIDAALICE", "Arn": "arn:aws:iam::123456789012:user/alice",
                   "CreateDate": "2024-01-01T00:00:00Z", "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": [],
                   "Tags": [{"Key": "deploy-creds", "Value": "aws_secret_access_key=%1$s"}]}],
                 "GroupDetailList": [],
                 "RoleDetailList": [{"Path": "/", "RoleName": "app", "RoleId": "AROAAPP", "Arn": "arn:aws:iam::123456789012:role/app",
                   "CreateDate": "2024-01-01T00:00:00Z", "Description": "token %2$s",
                   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                   "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [], "RoleLastUsed": {},
                   "Tags": [{"Key": "k", "Value": "%1$s"}]}],
                 "Policies": [{"PolicyName": "p", "PolicyId": "ANPAP", "Arn": "arn:aws:iam::123456789012:policy/p", "Path": "/",
                   "DefaultVersionId": "v1", "AttachmentCount": 0, "IsAttachable": true, "Description": "key %1$s",
                   "CreateDate": "2024-01-01T00:00:00Z", "UpdateDate": "2024-01-01T00:00:00Z",
                   "PolicyVersionList": [{"Document": %3$s, "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": "2024-01-01T00:00:00Z"}]}]}
                """.formatted(SECRET, TOKEN, doc));
        write(dir, "list-roles.json", "{\"Roles\": [{\"RoleName\": \"app\", \"Description\": \"again " + SECRET
                + "\", \"MaxSessionDuration\": 3600}]}");
        // create-access-key output saved by mistake, in the list the reader expects
        write(dir, "access-keys.json", "{\"AccessKeyMetadata\": [{\"UserName\": \"alice\", \"AccessKeyId\": \"AKIAPLANTEDEXAMPLE1\","
                + " \"Status\": \"Active\", \"SecretAccessKey\": \"" + SECRET + "\", \"CreateDate\": \"2024-01-01T00:00:00Z\"}]}");
        write(dir, "login-profiles.json", "[{\"LoginProfile\": {\"UserName\": \"alice\", \"Password\": \"" + PASSWORD
                + "\", \"CreateDate\": \"2024-01-01T00:00:00Z\", \"PasswordResetRequired\": false}}]");
        write(dir, "oidc-providers.json", "{\"arn:aws:iam::123456789012:oidc-provider/example.com\": {\"Url\": \"example.com\","
                + " \"ClientIDList\": [\"sts.amazonaws.com\"], \"ThumbprintList\": [\"9e99a48a9960b14926bb7f3b02e22da2b0ab7280\"],"
                + " \"Tags\": [{\"Key\": \"secret\", \"Value\": \"" + SECRET + "\"}]}}");
        write(dir, "cloudtrail-events.json", "{\"Events\": [" + String.join(",",
                event("AssumeRole", "{\"roleArn\":\"arn:aws:iam::123456789012:role/app\"}", credentials()),
                event("GetSessionToken", "null", credentials()),
                event("GetFederationToken", "{\"name\":\"bob\"}", credentials()),
                event("CreateLoginProfile", "{\"userName\":\"alice\",\"password\":\"" + PASSWORD + "\"}", "null"))
                + "]}");
        write(dir, "organization/describe-organization.json", "{\"Organization\": {\"Id\": \"o-exampleorgid\", \"MasterAccountId\": \"999999999999\"}}");
        write(dir, "organization/list-roots.json", "{\"Roots\": [{\"Id\": \"r-exam\", \"Name\": \"Root\"}]}");
        write(dir, "organization/policies/p-guard0001.json", "{\"Policy\": {\"PolicySummary\": {\"Id\": \"p-guard0001\", \"Name\": \"guard\","
                + " \"Description\": \"" + SECRET + "\", \"Type\": \"SERVICE_CONTROL_POLICY\"}, \"Content\": "
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(doc) + "}}");
        write(dir, "organization/targets/r-exam.json", "{\"Policies\": [{\"Id\": \"p-guard0001\"}]}");
        return dir;
    }

    private static void assertClean(String what, String text) {
        for (String s : PLANTED) {
            assertFalse(text.contains(s), what + " leaks " + s);
        }
    }

    @Test
    void fromSnapshot_whenSecretsArePlantedInEveryFile_thenNoOutputCarriesThem() throws IOException {
        var acct = Iam.fromSnapshot(plantedFolder());
        AccountSnapshot s = acct.snapshot();
        assertClean("snapshot.toString()", s.toString());
        for (var table : List.of(acct.users(), acct.roles(), acct.groups(), acct.policies(), acct.accessKeys(),
                acct.attachments(), CredentialReportTable.of(s.credentialReport(), s.asOf()))) {
            assertClean("table " + table.name(), table.printAll());
        }
        assertClean("account toMimeBundle()", acct.toMimeBundle().toString());
        assertClean("audit().all()", acct.audit().all().toMimeBundle().toString() + acct.audit().all().table().printAll());
        Path saved = tmp.resolve("saved");
        acct.save(saved);
        try (Stream<Path> files = Files.walk(saved)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertClean(saved.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        // the removal is visible where it happened
        assertTrue(s.cloudTrailEvents().get(0).rawJson().contains(Sanitiser.MARKER));
        assertTrue(s.users().get(0).tags().get("deploy-creds").contains(Sanitiser.MARKER));
        assertTrue(acct.roles().printAll().contains(Sanitiser.MARKER), "the roles table shows the marker");
    }

    @Test
    void secretsInMetadata_whenSecretsWereStored_thenEachPlaceIsNamedAndNoValueShown() throws IOException {
        var acct = Iam.fromSnapshot(plantedFolder());
        var findings = acct.audit().secretsInMetadata();
        String table = findings.table().printAll();
        assertClean("SECRET-IN-METADATA findings", table);
        List<String> evidence = findings.list().stream().map(f -> f.principalType() + " " + f.principal() + ": " + f.finding()).toList();
        for (String expected : List.of("user alice: a secret-shaped value is stored in tag \"deploy-creds\"",
                "role app: a secret-shaped value is stored in the description",
                "role app: a secret-shaped value is stored in tag \"k\"",
                "policy p: a secret-shaped value is stored in the description",
                "oidc provider arn:aws:iam::123456789012:oidc-provider/example.com: a secret-shaped value is stored in tag \"secret\"")) {
            assertTrue(evidence.contains(expected), expected + " not in " + evidence);
        }
        assertTrue(evidence.stream().anyMatch(e -> e.startsWith("event CreateLoginProfile") && e.contains("requestParameters.password")),
                evidence.toString());
        assertFalse(evidence.stream().anyMatch(e -> e.startsWith("event AssumeRole")),
                "credentials AWS returns are dropped, but they are not a secret someone stored: " + evidence);
        assertTrue(acct.audit().all().list().stream().anyMatch(f -> f.check().equals("SECRET-IN-METADATA")));
    }

    @Test
    void demo_whenAudited_thenNoSecretInMetadataAndDigestUnchangedBySanitiser() {
        var demo = Iam.demo();
        assertEquals(0, demo.audit().secretsInMetadata().list().size());
    }

    // ---- traversal --------------------------------------------------------------------------------------------

    /** A snapshot folder two levels below a sentinel parent, so "../../" lands in the sentinel. */
    private Path nested() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("sentinel/a/snap"));
        write(dir, "account.json", "{\"accountId\": \"123456789012\", \"asOf\": \"2026-11-01T00:00:00Z\"}");
        write(dir, "gaad.json", "{\"UserDetailList\": [], \"GroupDetailList\": [], \"RoleDetailList\": [], \"Policies\": []}");
        return dir;
    }

    private List<Path> outside(Path snapshot) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(tmp)) {
            all.filter(p -> !p.startsWith(snapshot) && p.getFileName().toString().contains("ESCAPED")).forEach(out::add);
        }
        return out;
    }

    @Test
    void fromSnapshot_whenAPathFormingNameClimbsOut_thenRefusedNamingFileAndValue() throws IOException {
        record Case(String file, String content, String expectedFile) {}
        List<Case> cases = List.of(
                new Case("buckets.json", "{\"Buckets\": [{\"Name\": \"../../../ESCAPED-bucket\"}]}", "buckets.json"),
                new Case("organization/targets/r-exam.json", "{\"Policies\": [{\"Id\": \"../../../../../ESCAPED-policy\"}]}",
                        "organization/targets/r-exam.json"),
                new Case("organization/list-roots.json", "{\"Roots\": [{\"Id\": \"../../../ESCAPED-root\"}]}",
                        "organization/list-roots.json"),
                new Case("organization/ous/r-exam.json", "{\"OrganizationalUnits\": [{\"Id\": \"../../ESCAPED-ou\"}]}",
                        "organization/ous/r-exam.json"),
                new Case("organization/accounts/r-exam.json", "{\"Accounts\": [{\"Id\": \"../ESCAPED-acct\"}]}",
                        "organization/accounts/r-exam.json"),
                new Case("organization/policies/p-guard0001.json",
                        "{\"Policy\": {\"PolicySummary\": {\"Id\": \"../ESCAPED\", \"Name\": \"x\", \"Type\": \"SERVICE_CONTROL_POLICY\"}, \"Content\": \"{}\"}}",
                        "organization/policies/p-guard0001.json"));
        for (Case c : cases) {
            Path dir = nested();
            if (c.file().startsWith("organization/")) {
                write(dir, "organization/describe-organization.json", "{\"Organization\": {\"Id\": \"o-exampleorgid\"}}");
                write(dir, "organization/list-roots.json", "{\"Roots\": [{\"Id\": \"r-exam\"}]}");
            }
            write(dir, c.file(), c.content());
            // what a successful traversal would have read
            write(tmp.resolve("sentinel"), "ESCAPED-policy.json", "{\"Policy\": {}}");
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir), c.file());
            assertTrue(e.getMessage().startsWith(c.expectedFile()), e.getMessage());
            assertTrue(e.getMessage().contains("ESCAPED"), "names the value: " + e.getMessage());
            Files.delete(tmp.resolve("sentinel/ESCAPED-policy.json"));
            deleteTree(tmp.resolve("sentinel"));
        }
    }

    @Test
    void fromSnapshot_whenABucketFolderIsALinkOutOfTheFolder_thenRefused() throws IOException {
        Path dir = nested();
        Path secretDir = Files.createDirectories(tmp.resolve("sentinel/ESCAPED-target"));
        Files.writeString(secretDir.resolve("policy.json"), "{\"Policy\": \"{}\"}");
        Files.createDirectories(dir.resolve("buckets"));
        Files.createSymbolicLink(dir.resolve("buckets/linked-bucket"), secretDir);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromSnapshot(dir));
        assertTrue(e.getMessage().contains("leads outside the snapshot folder"), e.getMessage());
    }

    @Test
    void save_whenTheModelHoldsPathFormingNamesThatClimbOut_thenNothingIsWrittenOutside() throws IOException {
        PolicyDocument doc = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "test");
        AccountSnapshot base = Iam.demo().snapshot();
        List<AccountSnapshot> hostile = List.of(
                base.toBuilder().buckets(List.of(new Bucket("../../../ESCAPED-bucket", "us-east-1", Optional.empty(),
                        Optional.of(doc), Optional.empty(), Optional.empty(), Optional.empty()))).build(),
                base.toBuilder().organization(new Organization("o-x", "", "999999999999", "ALL",
                        List.of(new OrgUnit("r-exam", "", "Root", "", List.of("../../../../../ESCAPED-policy"))),
                        List.of(new OrgAccount("123456789012", "", "a", "", "ACTIVE", "r-exam", List.of())),
                        List.of(new OrgPolicy("../../../../../ESCAPED-policy", "", "x", "", "SERVICE_CONTROL_POLICY",
                                false, doc)))).build(),
                base.toBuilder().organization(new Organization("o-x", "", "999999999999", "ALL",
                        List.of(new OrgUnit("r-exam", "", "Root", "", List.of()),
                                new OrgUnit("../../ESCAPED-ou", "", "OU", "r-exam", List.of())),
                        List.of(new OrgAccount("123456789012", "", "a", "", "ACTIVE", "../../ESCAPED-ou", List.of())),
                        List.of())).build());
        for (AccountSnapshot s : hostile) {
            Path dir = tmp.resolve("sentinel/a/out");
            assertThrows(InvalidInputException.class, () -> new SnapshotWriter().write(s, dir));
            assertEquals(List.of(), outside(dir));
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
