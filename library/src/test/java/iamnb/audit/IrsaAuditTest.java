package iamnb.audit;

import static iamnb.audit.TestAccounts.*;
import static org.junit.jupiter.api.Assertions.*;

import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Account;
import iamnb.model.OidcProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IrsaAuditTest {
    static final String URL = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    static final String PROVIDER = A + "oidc-provider/" + URL;
    static final String ROLE = A + "role/my-app-role";

    static String jwt(String payload) {
        Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
        return e.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + e.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    static String saJson(String name, String roleArn) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\""
                + (roleArn == null ? "" : ",\"annotations\":{\"eks.amazonaws.com/role-arn\":\"" + roleArn + "\"}") + "}}";
    }

    static Account irsaAccount(String op, String subValue) {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER
                + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":" + (op.equals("StringEquals")
                ? "{\"StringEquals\":{\"" + URL + ":sub\":\"" + subValue + "\",\"" + URL + ":aud\":\"sts.amazonaws.com\"}}"
                : "{\"" + op + "\":{\"" + URL + ":sub\":\"" + subValue + "\"},\"StringEquals\":{\"" + URL + ":aud\":\"sts.amazonaws.com\"}}")
                + "}]}";
        return account(snapshot()
                .addOidcProvider(new OidcProvider(PROVIDER, URL, List.of("sts.amazonaws.com"), List.of(), Optional.empty(), Map.of()))
                .addRole(role("my-app-role", trust).addAttachedPolicy(attach(ADMIN)).build()));
    }

    @Test
    void irsa_onDemo_correctRolePasses_andWrongServiceAccountFailsSubAndEngine() {
        Audit a = Iam.demo().audit();
        Checklist ok = a.irsa("my-app-role", "default", "my-app-sa");
        assertTrue(ok.passed(), ok.toString());
        assertEquals(CheckStatus.PASS, ok.status("IRSA-ENGINE"));
        assertEquals(CheckStatus.NOT_CHECKED, ok.status("IRSA-SA-ANNOTATION"));
        assertEquals(CheckStatus.MANUAL, ok.status("IRSA-SDK"));
        Checklist bad = a.irsa("my-app-role-v2", "default", "my-app-sa");
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-SUB"));
        assertTrue(bad.item("IRSA-SUB").get().evidence().contains("system:serviceaccount:default:wrong-sa"));
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-ENGINE"));
    }

    @Test
    void irsa_withStringLikeWildcard_warns() {
        Checklist c = irsaAccount("StringLike", "system:serviceaccount:default:*").audit().irsa("my-app-role", "default", "my-app-sa");
        assertEquals(CheckStatus.WARN, c.status("IRSA-SUB"));
        assertEquals(CheckStatus.PASS, c.status("IRSA-ENGINE"));
        assertEquals("IRSA-WILDCARD-SUB", irsaAccount("StringLike", "system:serviceaccount:default:*").audit().irsaTrust().list().get(0).check());
    }

    @Test
    void irsa_withPastedClusterData_checksAnnotationTokenPodAndIssuer() {
        Account acct = irsaAccount("StringEquals", "system:serviceaccount:default:my-app-sa");
        String good = jwt("{\"iss\":\"https://" + URL + "\",\"sub\":\"system:serviceaccount:default:my-app-sa\",\"aud\":[\"sts.amazonaws.com\"],\"exp\":1793491200}");
        String pod = "{\"spec\":{\"serviceAccountName\":\"my-app-sa\",\"containers\":[{\"name\":\"app\",\"env\":[{\"name\":\"AWS_ROLE_ARN\",\"value\":\"" + ROLE + "\"}]}]}}";
        Checklist c = acct.audit().irsa(IrsaInput.of("my-app-role", "default", "my-app-sa")
                .withServiceAccountJson(saJson("my-app-sa", ROLE)).withToken(good).withPodJson(pod)
                .withClusterIssuer("https://" + URL));
        for (String id : List.of("IRSA-SUB", "IRSA-AUD", "IRSA-SA-ANNOTATION", "IRSA-TOKEN", "IRSA-POD-SA", "IRSA-ISSUER", "IRSA-ENGINE")) {
            assertEquals(CheckStatus.PASS, c.status(id), id + "\n" + c);
        }
        assertTrue(c.item("IRSA-TOKEN").get().evidence().contains("exp=2026-11-01T00:00:00Z"), c.item("IRSA-TOKEN").get().evidence());

        String otherSa = jwt("{\"iss\":\"https://" + URL + "\",\"sub\":\"system:serviceaccount:default:other\",\"aud\":\"sts.amazonaws.com\"}");
        Checklist bad = acct.audit().irsa(IrsaInput.of("my-app-role", "default", "my-app-sa")
                .withServiceAccountJson(saJson("my-app-sa", null)).withToken(otherSa)
                .withClusterIssuer("https://oidc.eks.eu-west-1.amazonaws.com/id/OTHER"));
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-SA-ANNOTATION"));
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-TOKEN"));
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-ENGINE"), bad.toString());
        assertEquals(CheckStatus.FAIL, bad.status("IRSA-ISSUER"));
    }

    @Test
    void irsa_whenProviderMissingOrNoPolicies_fails() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER
                + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        Account acct = account(snapshot().addRole(role("bare", trust).build()).addOidcProvider(OTHER_CLUSTER));
        Checklist c = acct.audit().irsa("bare", "default", "my-app-sa");
        assertEquals(CheckStatus.FAIL, c.status("IRSA-OIDC-PROVIDER"));
        assertEquals(CheckStatus.FAIL, c.status("IRSA-PERMISSIONS"));
        assertEquals(CheckStatus.FAIL, c.status("IRSA-SUB"));
        Findings lint = acct.audit().irsaTrust();
        assertEquals(1, lint.check("IRSA-NO-SUB").size());
        assertEquals(1, lint.check("IRSA-PROVIDER-MISSING").size());
    }

    @Test
    void irsa_badTokenIsAClearError() {
        Account acct = irsaAccount("StringEquals", "system:serviceaccount:default:my-app-sa");
        var e = assertThrows(InvalidInputException.class, () -> acct.audit().irsa(IrsaInput.of("my-app-role", "default", "x").withToken("nonsense")));
        assertTrue(e.getMessage().contains("JWT"), e.getMessage());
    }

    private static final iamnb.model.OidcProvider OTHER_CLUSTER = new iamnb.model.OidcProvider(
            A + "oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/OTHERCLUSTER", "oidc.eks.us-west-2.amazonaws.com/id/OTHERCLUSTER",
            java.util.List.of("sts.amazonaws.com"), java.util.List.of(), java.util.Optional.empty(), java.util.Map.of());

    @Test
    void irsa_withoutAnyOidcProviderInTheSnapshot_saysProviderUnknownNotMissing() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER
                + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        Account acct = account(snapshot().addRole(role("bare", trust).build()));
        Checklist c = acct.audit().irsa("bare", "default", "my-app-sa");
        assertEquals(CheckStatus.NOT_CHECKED, c.status("IRSA-OIDC-PROVIDER"), c.toString());
        assertTrue(c.item("IRSA-OIDC-PROVIDER").orElseThrow().evidence().contains("add oidc-providers.json"));
        Findings lint = acct.audit().irsaTrust();
        assertTrue(lint.check("IRSA-PROVIDER-MISSING").isEmpty(), lint.toString());
        assertEquals(1, lint.check("IRSA-NO-SUB").size());   // what the trust policy itself shows is still judged
        assertEquals("IRSA-PROVIDER-MISSING", lint.notChecked().get(0).check());
        assertTrue(lint.caption().contains("add oidc-providers.json"), lint.caption());
    }
}
