package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.Account;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustAuditTest {
    private static Account withTrust(String name, String statement) {
        return account(snapshot().addRole(role(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{" + statement + "}]}").build()));
    }

    @Test
    void wideTrust_onDemo_findsPublicAndPartnerRolesOnly() {
        Findings f = Iam.demo().audit().wideTrust();
        Finding pub = f.forPrincipal("public-debug-role").check("TRUST-WILDCARD").list().get(0);
        assertEquals(Severity.CRITICAL, pub.severity());
        assertTrue(pub.evidence().contains("trust policy of public-debug-role statement #0"), pub.evidence());
        assertTrue(pub.evidence().contains("is ALLOW"), pub.evidence());
        assertEquals(Severity.HIGH, f.forPrincipal("partner-readonly").check("TRUST-ACCOUNT-ROOT").list().get(0).severity());
        assertEquals(1, f.forPrincipal("partner-readonly").check("TRUST-UNKNOWN-ACCOUNT").size());
        assertEquals(Set.of("public-debug-role", "partner-readonly"), Set.copyOf(f.principals()), f.toString());
    }

    @Test
    void wideTrust_withKnownAccounts_flagsTrustsOutsideTheList() {
        Findings f = Iam.demo().audit().wideTrust(Set.of("444455556666"));
        assertEquals(1, f.forPrincipal("cross-account-deploy").check("TRUST-UNKNOWN-ACCOUNT").size(), f.toString());
        assertTrue(f.forPrincipal("partner-readonly").check("TRUST-UNKNOWN-ACCOUNT").isEmpty());
    }

    @Test
    void wideTrust_whenConditionsScopeTheTrust_reportsNothing() {
        String[] safe = {
            "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x-123\"}}",
            "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"}}",
            "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:user/ops\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}",
            "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"",
            "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"",
        };
        for (String s : safe) {
            assertTrue(withTrust("r", s).audit().wideTrust().isEmpty(), s);
        }
    }

    @Test
    void wideTrust_whenWildcardOnlyHasExternalId_isHighNotCritical() {
        Findings f = withTrust("vendor", "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"x\"}}").audit().wideTrust();
        assertEquals(Severity.HIGH, f.list().get(0).severity());
    }

    @Test
    void wideTrust_whenSpecificCrossAccountRoleWithoutConditions_isMedium() {
        Findings f = withTrust("ci", "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111111111111:role/ci\"},"
                + "\"Action\":\"sts:AssumeRole\"").audit().wideTrust();
        Finding x = f.check("TRUST-NO-EXTERNALID").list().get(0);
        assertEquals(Severity.MEDIUM, x.severity());
        assertTrue(x.evidence().contains("is ALLOW"), x.evidence());
    }
}
