package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.model.AccessKey;
import iamnb.Account;
import iamnb.model.CredentialReport;
import iamnb.model.CredentialReportRow;
import iamnb.model.LoginProfile;
import iamnb.model.RoleLastUsed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialAuditTest {
    private static Audit demo;
    private static final Set<String> CLEAN = Set.of("alice", "bob", "carol", "dave.auditor", "jordan.admin", "temp-admin",
            "app-role", "app-web", "cross-account-deploy", "ci-pipeline", "dev-alice-lambda", "dev-bob-etl", "my-app-role",
            "aisha.khan", "zoe.martin", "lambda-orders");

    @BeforeAll
    static void load() {
        demo = Iam.demo().audit();
    }

    private static Instant daysAgo(long d) {
        return AS_OF.minus(Duration.ofDays(d));
    }

    private static CredentialReportRow row(String user, Map<String, String> values) {
        var m = new java.util.HashMap<>(values);
        m.put("user", user);
        m.put("arn", user.equals(CredentialReportRow.ROOT) ? A + "root" : A + "user/" + user);
        return CredentialReportRow.of(m);
    }

    @Test
    void unused_onDemo_findsNeverUsedAndIdleUsersAndRoles() {
        Findings f = demo.unused();
        assertEquals(1, f.forPrincipal("former-contractor").check("UNUSED-USER-NEVER").size());
        assertEquals(1, f.forPrincipal("intern-2025").check("UNUSED-USER-NEVER").size());
        assertTrue(f.forPrincipal("intern-2025").list().get(0).evidence().contains("no_information"));
        assertEquals(1, f.forPrincipal("old-jenkins").check("UNUSED-USER").size());
        assertEquals(1, f.forPrincipal("app-legacy-batch").check("UNUSED-ROLE").size());
        assertEquals(1, f.forPrincipal("app-reports-old").check("UNUSED-ROLE-NEVER").size());
        assertEquals(Set.of("unused-legacy-ftp"), Set.copyOf(f.check("UNUSED-POLICY").principals()));
        // never assumed, but its break-glass checklist passes: recorded, not flagged
        Finding glass = f.forPrincipal("break-glass-admin").list().get(0);
        assertEquals(List.of("UNUSED-ROLE-BREAK-GLASS", "INFO"), List.of(glass.check(), glass.severity().name()));
        f.principals().forEach(p -> assertFalse(CLEAN.contains(p), p));
    }

    @Test
    void keys_onDemo_findsOldNeverUsedAndDoubleKeys() {
        Findings f = demo.keys();
        assertEquals(1, f.forPrincipal("svc-deploy").check("KEY-AGE").size());
        assertTrue(f.forPrincipal("svc-deploy").list().get(0).finding().contains("AKIAOLD123456EXAMPLE"));
        assertEquals(1, f.forPrincipal("svc-reporting").check("KEY-NEVER-USED").size());
        assertEquals(1, f.forPrincipal("legacy-etl").check("KEY-TWO-ACTIVE").size());
        assertEquals(1, f.forPrincipal("old-jenkins").check("KEY-UNUSED").size());
        assertTrue(f.check("KEY-ROOT").isEmpty());
        f.principals().forEach(p -> assertFalse(CLEAN.contains(p), p));
    }

    @Test
    void mfa_onDemo_findsConsoleUsersWithoutMfaAndAcceptsRootMfa() {
        Findings f = demo.mfa();
        assertEquals(Set.of("pat.analyst", "former-contractor", "intern-2025"), Set.copyOf(f.principals()));
        assertTrue(f.check("MFA-ROOT").isEmpty());
    }

    @Test
    void unused_readsCredentialReportSpecialValues() {
        var report = new CredentialReport(Optional.of(AS_OF), List.of(
                row("never", Map.of("password_enabled", "true", "password_last_used", "no_information")),
                row("idle", Map.of("password_enabled", "true", "password_last_used", "2026-01-01T00:00:00+00:00")),
                row("keysonly", Map.of("password_enabled", "false", "password_last_used", "N/A",
                        "access_key_1_active", "true", "access_key_1_last_rotated", "2025-01-01T00:00:00+00:00",
                        "access_key_1_last_used_date", "2026-10-30T00:00:00+00:00"))));
        Account acct = account(snapshot().credentialReport(report)
                .addUser(user("never").created(daysAgo(400)).loginProfile(new LoginProfile(daysAgo(400), false)).build())
                .addUser(user("idle").created(daysAgo(400)).loginProfile(new LoginProfile(daysAgo(400), false)).build())
                .addUser(user("keysonly").created(daysAgo(400)).build()));
        Findings f = acct.audit().unused();
        assertTrue(f.forPrincipal("never").list().get(0).evidence().contains("never used (credential report: no_information)"));
        assertEquals("UNUSED-USER-NEVER", f.forPrincipal("never").list().get(0).check());
        assertEquals("UNUSED-USER", f.forPrincipal("idle").list().get(0).check());
        assertTrue(f.forPrincipal("keysonly").isEmpty(), f.toString());
    }

    @Test
    void unused_withShorterThreshold_andYoungPrincipalsAreTooNewToJudge() {
        Account acct = account(snapshot()
                .addRole(role("monthly", serviceTrust("lambda.amazonaws.com")).created(daysAgo(300))
                        .lastUsed(new RoleLastUsed(daysAgo(40), "us-east-1")).build())
                .addRole(role("fresh", serviceTrust("lambda.amazonaws.com")).created(daysAgo(3)).build()));
        assertTrue(acct.audit().unused().forPrincipal("monthly").isEmpty());
        assertEquals("UNUSED-ROLE", acct.audit().unused(Duration.ofDays(30)).forPrincipal("monthly").list().get(0).check());
        Finding fresh = acct.audit().unused().forPrincipal("fresh").list().get(0);
        assertEquals("UNUSED-ROLE-NEW", fresh.check());
        assertEquals(Severity.INFO, fresh.severity());
    }

    @Test
    void keysAndMfa_whenRootHasKeysAndNoMfa_areCritical() {
        var report = new CredentialReport(Optional.of(AS_OF), List.of(row(CredentialReportRow.ROOT, Map.of(
                "password_enabled", "not_supported", "mfa_active", "false", "access_key_1_active", "true",
                "access_key_1_last_rotated", "2020-01-01T00:00:00+00:00"))));
        Account acct = account(snapshot().credentialReport(report));
        assertEquals(Severity.CRITICAL, acct.audit().keys().check("KEY-ROOT").list().get(0).severity());
        assertEquals(Severity.CRITICAL, acct.audit().mfa().check("MFA-ROOT").list().get(0).severity());
    }

    @Test
    void mfa_withoutCredentialReport_saysRootNotChecked_andAdminWithoutMfaIsCritical() {
        Account acct = account(snapshot().addUser(user("boss").addAttachedPolicy(attach(ADMIN))
                .loginProfile(new LoginProfile(daysAgo(10), false)).build())
                .addUser(user("careful").loginProfile(new LoginProfile(daysAgo(10), false))
                        .mfaDevices(List.of(new iamnb.model.MfaDevice("careful", A + "mfa/careful", daysAgo(9)))).build()));
        Findings f = acct.audit().mfa();
        assertTrue(f.check("MFA-ROOT").isEmpty(), f.toString());
        assertEquals(List.of("MFA-ROOT"), f.notChecked().stream().map(NotChecked::check).toList());
        assertTrue(f.notChecked().get(0).reason().contains("add credential-report.csv"), f.caption());
        assertTrue(f.caption().contains("not checked: MFA-ROOT"), f.caption());
        assertEquals(Severity.CRITICAL, f.forPrincipal("boss").list().get(0).severity());
        assertTrue(f.forPrincipal("careful").isEmpty());
    }

    @Test
    void mfa_whenTheReportHasNoRootRow_saysSoInsteadOfBlamingAMissingReport() {
        var report = new CredentialReport(Optional.of(AS_OF), List.of(row("u", Map.of("password_enabled", "false"))));
        Findings f = account(snapshot().credentialReport(report).addUser(user("u").build())).audit().mfa();
        assertTrue(f.isEmpty(), f.toString());
        NotChecked root = f.notChecked().get(0);
        assertEquals("MFA-ROOT", root.check());
        assertTrue(root.reason().contains("no <root_account> row"), root.reason());
    }

    @Test
    void mfa_withoutReportOrDeviceList_flagsNoConsoleUserButSaysWhoWasNotChecked() {
        Account acct = account(snapshot().addUser(user("console").loginProfile(new LoginProfile(daysAgo(10), false)).build()));
        Findings f = acct.audit().mfa();
        assertTrue(f.isEmpty(), f.toString());
        assertEquals("user console", f.notChecked().stream().filter(n -> n.check().equals("MFA-CONSOLE")).findFirst()
                .orElseThrow().subject());
    }

    @Test
    void unused_withoutCredentialReport_judgesNoUserButSaysWhichWereNotChecked() {
        Account acct = account(snapshot().addUser(user("someone").created(daysAgo(400)).build())
                .addRole(role("idle", serviceTrust("lambda.amazonaws.com")).created(daysAgo(400)).build()));
        Findings f = acct.audit().unused();
        assertTrue(f.forPrincipal("someone").isEmpty(), f.toString());
        assertEquals("UNUSED-ROLE-NEVER", f.forPrincipal("idle").list().get(0).check());   // RoleLastUsed is in gaad.json
        assertEquals(List.of("UNUSED-USER"), f.notChecked().stream().map(NotChecked::check).toList());
    }

    @Test
    void keys_withoutCredentialReportOrKeyMetadata_areNotCheckedRatherThanClean() {
        Findings f = account(snapshot().addUser(user("someone").build())).audit().keys();
        assertTrue(f.isEmpty());
        assertEquals(List.of("KEY", "KEY-ROOT"), f.notChecked().stream().map(NotChecked::check).toList());
    }

    @Test
    void keys_inactiveKeysAreNotFlagged() {
        Account acct = account(snapshot().addUser(user("u").addAccessKey(new AccessKey("u", "AKIAOLDINACTIVE", AccessKey.Status.INACTIVE,
                daysAgo(900), Optional.empty())).build()));
        assertTrue(acct.audit().keys().isEmpty());
    }

    private static final String ROOT_TRUST_WITH_MFA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + A + "root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":"
            + "{\"aws:MultiFactorAuthPresent\":\"true\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}]}";
    private static final String ROOT_TRUST_WITHOUT_MFA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + A + "root\"},\"Action\":\"sts:AssumeRole\"}]}";

    @Test
    void unused_breakGlassNamedRoleFailingItsChecklist_isReportedLikeAnyIdleAdminRole() {
        Account acct = account(snapshot().addRole(role("break-glass-admin", ROOT_TRUST_WITHOUT_MFA).created(daysAgo(400))
                .addAttachedPolicy(attach(ADMIN)).build()));
        Finding f = acct.audit().unused().forPrincipal("break-glass-admin").list().get(0);
        assertEquals("UNUSED-ROLE-NEVER", f.check());
        assertEquals(Severity.HIGH, f.severity());
    }

    @Test
    void unused_idleAdminRolePassingTheBreakGlassChecklist_isUnusedByDesignWhateverItsName() {
        Account acct = account(snapshot().addRole(role("emergency-access", ROOT_TRUST_WITH_MFA).created(daysAgo(400))
                .addAttachedPolicy(attach(ADMIN)).build()));
        Finding f = acct.audit().unused().forPrincipal("emergency-access").list().get(0);
        assertEquals("UNUSED-ROLE-BREAK-GLASS", f.check());
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.finding().contains("unused by design"), f.finding());
    }
}
