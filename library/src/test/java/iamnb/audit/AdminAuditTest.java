package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.Account;
import iamnb.model.Group;
import iamnb.model.ManagedPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminAuditTest {
    private static Findings demo;

    @BeforeAll
    static void runOnDemo() {
        demo = Iam.demo().audit().admins();
    }

    private static Finding one(Findings f, String principal, String check) {
        List<Finding> hits = f.forPrincipal(principal).check(check).list();
        assertEquals(1, hits.size(), () -> "expected one " + check + " for " + principal + " in\n" + f);
        return hits.get(0);
    }

    @Test
    void admins_onDemo_findsInlineStarUserAsCriticalNamingPolicyAndStatement() {
        Finding f = one(demo, "temp-admin", "ADMIN-EFFECTIVE");
        assertEquals(Severity.CRITICAL, f.severity());
        assertTrue(f.finding().contains("inline"), f.finding());
        assertTrue(f.evidence().contains("policy break-fix-2025 (inline) statement #0"), f.evidence());
    }

    @Test
    void admins_onDemo_findsGroupAdminAndAdminRolesThroughTheirPolicies() {
        Finding jordan = one(demo, "jordan.admin", "ADMIN-EFFECTIVE");
        assertTrue(jordan.finding().contains("through a group"));
        assertTrue(jordan.evidence().contains("AdministratorAccess (AWS managed, via group admins) statement #0"), jordan.evidence());
        Finding carol = one(demo, "dev-carol-test", "ADMIN-EFFECTIVE");
        assertEquals("role", carol.principalType());
        assertTrue(carol.evidence().contains("policy AdministratorAccess"), carol.evidence());
        assertEquals(Severity.HIGH, one(demo, "admins", "ADMIN-GROUP").severity());
        assertEquals(Severity.INFO, one(demo, "break-glass-admin", "ADMIN-BREAK-GLASS").severity());
    }

    @Test
    void admins_onDemo_flagsNoCleanPrincipal() {
        Set<String> expected = Set.of("temp-admin", "jordan.admin", "dev-carol-test", "break-glass-admin", "admins",
                "dev-dana-admin-test", "ci-bot");
        assertEquals(expected, Set.copyOf(demo.principals()), demo.toString());
        for (Finding f : demo.list()) {
            if (f.check().startsWith("PRIVESC-")) {   // each step: "ACTION on RESOURCE ALLOWED by POLICY SID"
                assertTrue(f.evidence().matches(".* ALLOWED by \\S+ \\S+"), f.evidence());
            } else {
                assertTrue(f.evidence().contains("policy ") && f.evidence().contains("statement "), f.evidence());
            }
        }
    }

    @Test
    void admins_onDemo_reportsTheBoundaryCappedDevRoleAsCappedNotAdmin() {
        Finding dana = one(demo, "dev-dana-admin-test", "ADMIN-CAPPED");
        assertEquals(Severity.LOW, dana.severity());
        assertEquals("admin policy attached but capped by boundary dev-sandbox-boundary", dana.finding());
        assertTrue(dana.evidence().contains("iam:CreateUser EXPLICIT_DENY"), dana.evidence());
        assertEquals(1, demo.forPrincipal("dev-dana-admin-test").size(), "capped, never ADMIN-EFFECTIVE: " + demo);
    }

    @Test
    void privilegeEscalation_onDemo_findsOnlyCiBotRewritingItsOwnPolicy() {
        Findings f = Iam.demo().audit().privilegeEscalation();
        assertEquals(1, f.size(), f.toString());
        Finding bot = one(f, "ci-bot", "PRIVESC-POLICY-VERSION");
        assertEquals(Severity.HIGH, bot.severity());
        assertEquals("user", bot.principalType());
        assertEquals("can make itself admin: create a new default version of its own policy ci-bot-deploy", bot.finding());
        assertEquals("iam:CreatePolicyVersion on arn:aws:iam::123456789012:policy/ci-bot-deploy ALLOWED by "
                + "ci-bot-deploy MaintainOwnPolicy", bot.evidence());
    }

    @Test
    void admins_whenBoundaryCapsAdminPolicy_reportsCappedWithLowSeverity() {
        ManagedPolicy boundary = customer("dev-sandbox-boundary", stmts(
                "\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"lambda:*\"],\"Resource\":\"*\""));
        Account acct = account(snapshot().addPolicy(boundary)
                .addUser(user("dev").addAttachedPolicy(attach(ADMIN)).permissionsBoundaryArn(boundary.arn()).build()));
        Finding f = one(acct.audit().admins(), "dev", "ADMIN-CAPPED");
        assertEquals(Severity.LOW, f.severity());
        assertTrue(f.finding().contains("capped by boundary dev-sandbox-boundary"), f.finding());
        assertTrue(acct.audit().admins().check("ADMIN-EFFECTIVE").isEmpty());
    }

    @Test
    void admins_whenScpCapsAdminPolicy_namesTheScp() {
        Account acct = account(snapshot()
                .organization(orgWithScp(stmts("\"Sid\":\"NoIam\",\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"")))
                .addRole(role("ops", serviceTrust("ec2.amazonaws.com")).addAttachedPolicy(attach(ADMIN)).build()));
        Finding f = one(acct.audit().admins(), "ops", "ADMIN-CAPPED");
        assertTrue(f.finding().contains("Production"), f.finding());
        assertTrue(f.evidence().contains("NoIam"), f.evidence());
    }

    @Test
    void admins_whenNotActionExcludesLittle_isAdmin_butExcludingIamIsOnlyBroad() {
        Account acct = account(snapshot()
                .addUser(userWithInline("almost", stmts("\"Effect\":\"Allow\",\"NotAction\":[\"cloudtrail:StopLogging\"],\"Resource\":\"*\"")).build())
                .addUser(userWithInline("power", stmts("\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"")).build()));
        Findings f = acct.audit().admins();
        assertEquals(Severity.CRITICAL, one(f, "almost", "ADMIN-EFFECTIVE").severity());
        Finding power = one(f, "power", "ADMIN-BROAD");
        assertEquals(Severity.MEDIUM, power.severity());
        assertTrue(power.evidence().contains("NotAction"), power.evidence());
    }

    @Test
    void admins_whenConditionOnStarStatement_engineDecides() {
        Account acct = account(snapshot().addUser(userWithInline("mfa-admin", stmts(
                "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")).build()));
        // Without MFA in the request the engine does not allow the probes: not admin-equivalent, and not admin-shaped.
        assertTrue(acct.audit().admins().forPrincipal("mfa-admin").check("ADMIN-EFFECTIVE").isEmpty());
    }

    @Test
    void admins_whenIamWildcard_flagsItAndTheSelfGrantPath() {
        Account acct = account(snapshot().addUser(userWithInline("iam-ops",
                stmts("\"Sid\":\"AllIam\",\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"")).build()));
        Findings f = acct.audit().admins();
        assertEquals(Severity.HIGH, one(f, "iam-ops", "ADMIN-IAM-WILDCARD").severity());
        assertTrue(f.forPrincipal("iam-ops").check("PRIVESC-SELF-POLICY").list().stream()
                .anyMatch(x -> x.evidence().contains("iam:AttachUserPolicy") && x.evidence().contains("AllIam")), f.toString());
    }

    @Test
    void privesc_whenCreatePolicyVersionOnOwnPolicy_reportsPathWithStatement() {
        ManagedPolicy own = customer("self-service", stmts(
                "\"Sid\":\"Versions\",\"Effect\":\"Allow\",\"Action\":\"iam:CreatePolicyVersion\",\"Resource\":\"" + A + "policy/self-service\""));
        Account acct = account(snapshot().addPolicy(own).addUser(user("eve").addAttachedPolicy(attach(own)).build()));
        Finding f = one(acct.audit().privilegeEscalation(), "eve", "PRIVESC-POLICY-VERSION");
        assertTrue(f.evidence().contains("self-service Versions"), f.evidence());
    }

    @Test
    void privesc_passRoleNeedsEveryStepAndAServiceTheAdminRoleTrusts() {
        String pass = "\"Sid\":\"Pass\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"";
        String lambda = "\"Sid\":\"Fn\",\"Effect\":\"Allow\",\"Action\":[\"lambda:CreateFunction\",\"lambda:InvokeFunction\"],\"Resource\":\"*\"";
        String createOnly = "\"Effect\":\"Allow\",\"Action\":\"lambda:CreateFunction\",\"Resource\":\"*\"";
        Account acct = account(snapshot()
                .addRole(role("admin-fn", serviceTrust("lambda.amazonaws.com")).addAttachedPolicy(attach(ADMIN)).build())
                .addUser(userWithInline("dev1", stmts(pass, lambda)).build())
                .addUser(userWithInline("dev2", stmts(pass, createOnly)).build()));
        Findings f = acct.audit().privilegeEscalation();
        Finding dev1 = one(f, "dev1", "PRIVESC-PASSROLE");
        assertTrue(dev1.evidence().contains("iam:PassRole") && dev1.evidence().contains("Fn"), dev1.evidence());
        assertTrue(f.forPrincipal("dev2").isEmpty(), f.toString());
    }

    @Test
    void privesc_addUserToAdminGroupAndCredentialsOfAdminUser() {
        Group admins = new Group("admins", "AGPA1", A + "group/admins", "/", AS_OF, List.of(), List.of(attach(ADMIN)));
        Account acct = account(snapshot().groups(List.of(admins))
                .addUser(user("boss").groups(List.of("admins")).build())
                .addUser(userWithInline("helpdesk", stmts(
                        "\"Sid\":\"Groups\",\"Effect\":\"Allow\",\"Action\":\"iam:AddUserToGroup\",\"Resource\":\"" + A + "group/*\"",
                        "\"Sid\":\"Keys\",\"Effect\":\"Allow\",\"Action\":\"iam:CreateAccessKey\",\"Resource\":\"" + A + "user/boss\"")).build()));
        Findings f = acct.audit().privilegeEscalation();
        assertTrue(one(f, "helpdesk", "PRIVESC-ADD-TO-GROUP").evidence().contains("Groups"));
        assertTrue(one(f, "helpdesk", "PRIVESC-CREDENTIALS").finding().contains("boss"));
    }

    @Test
    void findings_renderCaptionFirstAndEscapeHtml() {
        Account acct = account(snapshot().addUser(userWithInline("<script>", stmts(
                "\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"")).build()));
        Map<String, Object> b = acct.audit().admins().toMimeBundle();
        assertTrue(((String) b.get("text/plain")).startsWith("1 finding (1 critical) — admins, as of 2026-11-01T00:00:00Z"),
                (String) b.get("text/plain"));
        String html = (String) b.get("text/html");
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }
}
