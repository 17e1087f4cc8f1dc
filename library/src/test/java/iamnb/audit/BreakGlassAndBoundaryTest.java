package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.Account;
import iamnb.model.ManagedPolicy;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BreakGlassAndBoundaryTest {
    private static final String GOOD_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{"
            + "\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"},\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}]}";

    private static Account breakGlass(String trust, Duration session) {
        return account(snapshot().addRole(role("break-glass-admin", trust).maxSessionDuration(session)
                .addAttachedPolicy(attach(ADMIN)).build()));
    }

    @Test
    void breakGlass_onDemo_passesEveryCheckableRequirementAndListsManualOnes() {
        Checklist c = Iam.demo().audit().breakGlass();
        assertTrue(c.passed(), c.toString());
        for (String id : new String[] {"BG-MFA", "BG-MFA-AGE", "BG-SESSION", "BG-TRUST", "BG-ADMIN"}) {
            assertEquals(CheckStatus.PASS, c.status(id), id);
        }
        assertEquals(CheckStatus.MANUAL, c.status("BG-ALERT"));
        assertEquals(CheckStatus.MANUAL, c.status("BG-RUNBOOK"));
        assertTrue(c.item("BG-MFA").get().decision().isPresent());
        assertTrue(c.item("BG-MFA").get().evidence().contains("without MFA IMPLICIT_DENY"), c.item("BG-MFA").get().evidence());
    }

    @Test
    void breakGlass_whenTrustLacksMfaAgeAndSessionIsLong_fails() {
        String noAge = GOOD_TRUST.replace(",\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}", "");
        Checklist c = breakGlass(noAge, Duration.ofHours(12)).audit().breakGlass();
        assertEquals(CheckStatus.PASS, c.status("BG-MFA"));
        assertEquals(CheckStatus.FAIL, c.status("BG-MFA-AGE"));
        assertEquals(CheckStatus.FAIL, c.status("BG-SESSION"));
        assertFalse(c.passed());
        assertEquals(2, c.asFindings("BREAK-GLASS", Severity.HIGH).size());
    }

    @Test
    void breakGlass_whenNoMfaOrIfExistsOrExtraPrincipal_failsOrWarns() {
        String noMfa = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"arn:aws:iam::123456789012:root\",\"arn:aws:iam::444455556666:root\"]},\"Action\":\"sts:AssumeRole\"}]}";
        Checklist c = breakGlass(noMfa, Duration.ofHours(1)).audit().breakGlass();
        assertEquals(CheckStatus.FAIL, c.status("BG-MFA"));
        assertEquals(CheckStatus.FAIL, c.status("BG-TRUST"));
        assertTrue(c.item("BG-TRUST").get().evidence().contains("444455556666"));
        Checklist ifExists = breakGlass(GOOD_TRUST.replace("\"Bool\"", "\"BoolIfExists\""), Duration.ofHours(1)).audit().breakGlass();
        assertEquals(CheckStatus.WARN, ifExists.status("BG-MFA"), ifExists.toString());
    }

    @Test
    void breakGlass_whenTrustNamesAnotherPrincipalWithMfa_passesMfaAndFailsOnlyTheTrustCheck() {
        // MFA is required; the only fault is who is trusted, and that is reported once, by BG-TRUST
        Checklist c = breakGlass(GOOD_TRUST.replace("arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/ops"),
                Duration.ofHours(1)).audit().breakGlass();
        assertEquals(CheckStatus.PASS, c.status("BG-MFA"), c.toString());
        assertTrue(c.item("BG-MFA").get().evidence().contains("by arn:aws:iam::123456789012:role/ops: with MFA ALLOW"),
                c.item("BG-MFA").get().evidence());
        assertEquals(CheckStatus.PASS, c.status("BG-MFA-AGE"));
        assertEquals(CheckStatus.FAIL, c.status("BG-TRUST"));
        assertEquals(1, c.failed().size(), c.toString());
    }

    @Test
    void breakGlass_whenRoleMissing_failsAndStillListsManualItems() {
        Checklist c = account(snapshot()).audit().breakGlass("nope");
        assertEquals(CheckStatus.FAIL, c.status("BG-EXISTS"));
        assertEquals(CheckStatus.MANUAL, c.status("BG-ALERT"));
    }

    @Test
    void boundaries_onDemo_findsOnlyTheDevRoleWithoutBoundary() {
        Findings f = Iam.demo().audit().boundaries();
        assertEquals(Set.of("dev-carol-test"), Set.copyOf(f.principals()), f.toString());
        assertEquals(Severity.CRITICAL, f.list().get(0).severity());
    }

    @Test
    void verifyBoundary_onDemo_capsAdministratorAccess() {
        Checklist c = Iam.demo().audit().verifyBoundary();
        assertTrue(c.passed(), c.toString());
        assertEquals(9, c.items().size());
        assertTrue(c.item("BV-IAM-CREATEUSER").get().evidence().contains("DenyDangerousActions"));
        assertTrue(c.item("BV-S3-READ").get().decision().get().allowed());
    }

    @Test
    void verifyBoundary_whenBoundaryHasNoDenies_failsTheDeniedExpectations() {
        ManagedPolicy loose = customer("loose", stmts("\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"dynamodb:*\",\"iam:*\"],\"Resource\":\"*\""));
        Checklist c = account(snapshot().addPolicy(loose)).audit().verifyBoundary("loose");
        assertEquals(CheckStatus.FAIL, c.status("BV-IAM-CREATEUSER"));
        assertEquals(CheckStatus.FAIL, c.status("BV-PROD-TAGGED"));
        assertEquals(CheckStatus.PASS, c.status("BV-S3-READ"));
    }

    @Test
    void boundaries_flagsRoleWritesWithoutBoundaryConditionAndPassRoleWithoutService() {
        ManagedPolicy sloppy = customer("dev-sloppy", stmts(
                "\"Sid\":\"Roles\",\"Effect\":\"Allow\",\"Action\":[\"iam:CreateRole\",\"iam:AttachRolePolicy\"],\"Resource\":\"" + A + "role/dev-*\"",
                "\"Sid\":\"Pass\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\""));
        ManagedPolicy good = customer("dev-good", stmts(
                "\"Effect\":\"Allow\",\"Action\":\"iam:CreateRole\",\"Resource\":\"" + A + "role/dev-*\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PermissionsBoundary\":\"" + A + "policy/dev-sandbox-boundary\"}}",
                "\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + A + "role/dev-*\",\"Condition\":{\"StringEquals\":"
                        + "{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}"));
        Account acct = account(snapshot().addPolicy(sloppy).addPolicy(good)
                .addPolicy(customer("dev-sandbox-boundary", stmts("\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"")))
                .addUser(user("dev").addAttachedPolicy(attach(sloppy)).build()));
        Findings f = acct.audit().boundaries();
        Finding roles = f.check("BOUNDARY-UNCONDITIONED").list().get(0);
        assertEquals("dev-sloppy", roles.principal());
        assertTrue(roles.evidence().contains("statement Roles") && roles.evidence().contains("attached to user dev"), roles.evidence());
        Finding pass = f.check("PASSROLE-NO-SERVICE").list().get(0);
        assertEquals(Severity.HIGH, pass.severity());
        assertTrue(f.forPrincipal("dev-good").isEmpty(), f.toString());
    }
}
