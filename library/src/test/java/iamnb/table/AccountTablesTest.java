package iamnb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.Account;
import iamnb.model.CredentialReportRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AccountTablesTest {
    private static final Account DEMO = Iam.demo();

    @TempDir
    Path tmp;

    private static String resource(String name) throws IOException {
        try (InputStream in = AccountTablesTest.class.getResourceAsStream("/iamnb/source/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fixture account (gaad + credential report with every special value) as of a given instant. */
    private Account fixture(String asOf) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("snap-" + asOf.replace(':', '-')));
        Files.writeString(dir.resolve("account.json"), "{\"accountId\":\"123456789012\",\"asOf\":\"" + asOf + "\"}");
        Files.writeString(dir.resolve("gaad.json"), resource("gaad/gaad-cli.json"));
        Files.writeString(dir.resolve("credential-report.csv"), resource("credential-report.csv"));
        return Iam.fromSnapshot(dir);
    }

    private static Row row(Table t, String column, String value) {
        for (Row r : t) {
            if (r.getString(column).equals(value)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + column + " = " + value + " in " + t.name());
    }

    @Test
    void credentialReport_whenBuilt_thenCsvColumnsKeepTheirNamesWithTypes() throws IOException {
        Table t = fixture("2026-11-01T00:00:00Z").credentialReport();
        for (String c : CredentialReportRow.COLUMNS) {
            assertTrue(t.containsColumn(c), c);
        }
        assertEquals(ColumnType.INSTANT, t.column("password_last_used").type());
        assertEquals(ColumnType.INSTANT, t.column("access_key_1_last_used_date").type());
        assertEquals(ColumnType.BOOLEAN, t.column("mfa_active").type());
        assertEquals(ColumnType.BOOLEAN, t.column("password_enabled").type());
        assertEquals(ColumnType.STRING, t.column("access_key_1_last_used_region").type());
        assertEquals(ColumnType.INTEGER, t.column("key_1_age_days").type());
        assertEquals(4, t.rowCount());
    }

    @Test
    void credentialReport_whenCellsHoldSpecialValues_thenMissingWithTheReasonInTheNote() throws IOException {
        Table t = fixture("2026-11-01T00:00:00Z").credentialReport();
        int root = 0;
        assertTrue(t.booleanColumn("is_root").get(root));
        assertTrue(t.booleanColumn("password_enabled").isMissing(root));
        assertEquals("not_supported", t.stringColumn("password_enabled_note").get(root));
        assertFalse(t.booleanColumn("is_root").get(1));

        int never = 3;
        assertEquals("never-logged-in", t.stringColumn("user").get(never));
        assertTrue(t.instantColumn("password_last_used").isMissing(never));
        assertEquals("no_information", t.stringColumn("password_last_used_note").get(never));
        assertTrue(t.instantColumn("access_key_1_last_used_date").isMissing(never));
        assertEquals("N/A", t.stringColumn("access_key_1_last_used_date_note").get(never));
        assertTrue(t.stringColumn("access_key_1_last_used_region").isMissing(never));
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), t.instantColumn("password_next_rotation").get(never));
        assertEquals("", t.stringColumn("password_next_rotation_note").get(never));
    }

    @Test
    void credentialReport_whenAgesDerived_thenCountedFromTheAccountInstantNotTheWallClock() throws IOException {
        Table nov = fixture("2026-11-01T00:00:00Z").credentialReport();
        Table dec = fixture("2026-12-01T00:00:00Z").credentialReport();
        int alice = 1;
        assertEquals(92, nov.intColumn("key_1_age_days").get(alice), "2026-08-01 → 2026-11-01");
        assertEquals(122, dec.intColumn("key_1_age_days").get(alice));
        assertEquals(61, nov.intColumn("key_2_age_days").get(alice));
        assertEquals(1, nov.intColumn("key_1_days_since_use").get(alice), "used 2026-10-30T10:00");
        assertTrue(nov.intColumn("key_2_days_since_use").isMissing(alice), "key 2 never used");
        assertEquals(0, nov.intColumn("password_days_since_use").get(alice), "signed in 16 hours before");
        assertTrue(nov.intColumn("password_days_since_use").isMissing(3), "no_information");
    }

    @Test
    void credentialReport_whenJoinedWithUsersAndGroupAttachments_thenOneRowPerUserWithEveryColumn() {
        Table report = DEMO.credentialReport();
        Table users = DEMO.users();
        Table joined = report.joinOn("user").inner(users);
        assertEquals(DEMO.snapshot().users().size(), joined.rowCount(), "every user, the root row has no match");
        assertTrue(joined.containsColumn("mfa_active") && joined.containsColumn("groups")
                && joined.containsColumn("key_1_age_days"));

        // Who is admin through a group, and do they have MFA? credential report ⋈ group-inherited attachments.
        Table viaGroups = DEMO.attachments().where(DEMO.attachments().stringColumn("via").startsWith("group:"));
        Table admins = viaGroups.where(viaGroups.stringColumn("policy_name").isEqualTo("AdministratorAccess"));
        admins.column("principal").setName("user");
        Table adminCreds = report.joinOn("user").inner(admins.selectColumns("user", "via"));
        assertEquals(1, adminCreds.rowCount());
        assertEquals("jordan.admin", adminCreds.stringColumn("user").get(0));
        assertEquals("group:admins", adminCreds.stringColumn("via").get(0));
        assertTrue(adminCreds.booleanColumn("mfa_active").get(0));

        // And the groups table joins on the group name: members of analysts without MFA.
        Table groups = DEMO.groups();
        assertEquals(List.of("admins", "developers", "analysts", "auditors"), groups.stringColumn("group").asList());
        Table noMfa = joined.where(joined.booleanColumn("mfa_active").isFalse()
                .and(joined.booleanColumn("password_enabled").isTrue())
                .and(joined.stringColumn("groups").containsString("analysts")));
        assertEquals(List.of("intern-2025", "pat.analyst"), noMfa.stringColumn("user").asList().stream().sorted().toList());
    }

    @Test
    void accessKeys_whenListed_thenMetadataAndUseButNoSecretColumn() {
        Table keys = DEMO.accessKeys();
        assertEquals(List.of("user", "access_key_id", "status", "active", "created", "age_days", "last_used",
                "last_used_service", "last_used_region", "days_since_use"), keys.columnNames());
        Row old = row(keys, "access_key_id", "AKIAOLD123456EXAMPLE");
        assertEquals("svc-deploy", old.getString("user"));
        assertEquals(903, old.getInt("age_days"));
        assertEquals("ecr", old.getString("last_used_service"));
        assertEquals(0, old.getInt("days_since_use"));
        int neverUsed = keys.stringColumn("user").indexOf("svc-reporting");
        assertTrue(keys.instantColumn("last_used").isMissing(neverUsed));
        assertTrue(keys.intColumn("days_since_use").isMissing(neverUsed));
        assertTrue(keys.columnNames().stream().noneMatch(c -> c.toLowerCase().contains("secret")));
    }

    @Test
    void attachments_whenUserGetsPoliciesDirectlyInlineAndThroughGroups_thenViaSaysWhich() {
        Table a = DEMO.attachments();
        Table temp = a.where(a.stringColumn("principal").isEqualTo("temp-admin"));
        assertEquals(1, temp.rowCount());
        assertEquals("inline", temp.stringColumn("via").get(0));
        assertEquals("", temp.stringColumn("policy_arn").get(0));
        Table alice = a.where(a.stringColumn("principal").isEqualTo("alice"));
        assertEquals(List.of("group:developers"), alice.stringColumn("via").unique().asList());
        assertEquals(3, alice.rowCount(), "dev-self-service, ReadOnlyAccess, IAMUserChangePassword");
        Table roleRows = a.where(a.stringColumn("principal_type").isEqualTo("role")
                .and(a.stringColumn("principal").isEqualTo("ci-pipeline")));
        assertEquals("assume-target-account", roleRows.stringColumn("policy_name").get(0));
    }

    @Test
    void policies_whenJoinedWithAttachmentsOnPolicyArn_thenCountsAgree() {
        Table policies = DEMO.policies();
        Table a = DEMO.attachments();
        Table directManaged = a.where(a.stringColumn("via").isEqualTo("direct"));
        Table joined = directManaged.joinOn("policy_arn").inner(policies.rejectColumns("policy_name"));
        Table admin = joined.where(joined.stringColumn("policy_name").isEqualTo("AdministratorAccess"));
        assertEquals(4, admin.rowCount(), "admins group, break-glass-admin, dev-carol-test, dev-dana-admin-test");
        assertEquals(4, admin.intColumn("attachment_count").get(0));
        Row boundary = row(policies, "policy_name", "dev-sandbox-boundary");
        assertEquals("v2", boundary.getString("default_version"));
        assertFalse(boundary.getBoolean("aws_managed"));
        assertTrue(boundary.getInt("boundary_usage_count") > 3);
    }

    @Test
    void roles_whenListed_thenTrustSummaryAndDaysSinceUseAsOfTheSnapshot() {
        Table roles = DEMO.roles();
        assertEquals("AWS:*", row(roles, "role", "public-debug-role").getString("trusted_principals"));
        assertEquals("AWS:arn:aws:iam::111111111111:role/ci-pipeline",
                row(roles, "role", "cross-account-deploy").getString("trusted_principals"));
        int glass = roles.stringColumn("role").indexOf("break-glass-admin");
        assertTrue(roles.intColumn("days_since_use").isMissing(glass));
        assertEquals(3600, roles.intColumn("max_session_seconds").get(glass));
        assertEquals(455, row(roles, "role", "app-legacy-batch").getInt("days_since_use"));
        assertTrue(row(roles, "role", "AWSServiceRoleForSupport").getBoolean("service_linked"));
    }

    @Test
    void toMimeBundle_whenRendered_thenTextAndHtmlNameProvenanceAndCounts() {
        Map<String, Object> bundle = DEMO.toMimeBundle();
        String text = (String) bundle.get("text/plain");
        String html = (String) bundle.get("text/html");
        assertTrue(text.startsWith("Account 123456789012 (example-prod) · demo · as of 2026-11-01T00:00:00Z · sha256 "), text);
        assertTrue(text.contains(DEMO.snapshot().users().size() + " users"), text);
        assertTrue(html.contains("<div align=\"left\">roles</div>"), html);
        assertTrue(html.contains(DEMO.provenance().sha256().substring(0, 12)), html);
    }

    @Test
    void credentialReport_whenSnapshotHasNone_thenEmptyTableWithTheSameColumns() {
        var noReport = new Account(DEMO.snapshot().toBuilder().credentialReport(null).build(), "test");
        Table t = noReport.credentialReport();
        assertEquals(0, t.rowCount());
        assertEquals(DEMO.credentialReport().columnNames(), t.columnNames());
        assertTrue(t.column("user") instanceof StringColumn && t.column("is_root") instanceof BooleanColumn
                && t.column("user_creation_time") instanceof InstantColumn && t.column("key_1_age_days") instanceof IntColumn);
    }
}
