package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.model.ManagedPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLintAuditTest {

    @Test
    void policyLint_findsAMisspelledActionInAnInlinePolicyAndAWrongResourceInACustomerPolicy() {
        ManagedPolicy deploy = customer("deploy", stmts(
                "\"Sid\":\"Tables\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"arn:aws:s3:::reports/q3.csv\""));
        var acct = account(snapshot().policies(List.of(ADMIN, deploy)).addUser(userWithInline("alice", stmts(
                "\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObjct\",\"Resource\":\"arn:aws:s3:::reports/*\"")).build()));

        Findings lint = acct.audit().policyLint();

        Finding misspelled = lint.list().stream().filter(f -> f.principal().equals("alice")).findFirst().orElseThrow();
        assertEquals("POLICY-LINT-UNKNOWN-ACTION", misspelled.check());
        assertTrue(misspelled.finding().contains("did you mean \"GetObject\""), misspelled.finding());
        assertTrue(misspelled.evidence().contains("inline policy inline-alice of user alice"), misspelled.evidence());
        assertTrue(misspelled.evidence().contains("Read"), misspelled.evidence());

        Finding wrongResource = lint.list().stream().filter(f -> f.principal().equals("deploy")).findFirst()
                .orElseThrow(() -> new AssertionError(lint.list().toString()));
        assertTrue(wrongResource.check().startsWith("POLICY-LINT-RESOURCE"), wrongResource.check());
        assertEquals(Check.POLICY_LINT, Check.of(wrongResource.check()).orElseThrow());
    }

    @Test
    void policyLint_leavesAwsManagedPoliciesToAws() {
        var acct = account(snapshot());   // AdministratorAccess only: AWS's to fix, never linted
        assertEquals(0, acct.audit().policyLint().size());
    }

    @Test
    void policyLint_onTheDemo_findsThePlantedBucketArnMistakeOfAppRoleRead() {
        Findings lint = Iam.demo().audit().policyLint();
        assertTrue(lint.list().stream().anyMatch(f -> f.principal().equals("my-bucket")
                        && f.evidence().contains("AppRoleRead") && f.check().startsWith("POLICY-LINT-RESOURCE")),
                lint.list().toString());
    }
}
