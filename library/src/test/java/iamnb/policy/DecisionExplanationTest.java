package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.model.PolicyDocument;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of a decision: they name the deciding layer, the policy and the statement, and say what to fix. */
class DecisionExplanationTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/app-role";
    private static final String OBJECT = "arn:aws:s3:::prod-data/uploads/x";

    private static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json.replace('\'', '"'));
    }

    private static Request putObject() {
        return Request.builder().principal(RequestPrincipal.assumedRole(ROLE, "s1")).action("s3:PutObject")
                .resource(OBJECT).resourceAccount("123456789012").build();
    }

    @Test
    void explain_whenIdentitySilentAndBoundaryWouldAllow_namesIdentityLayerAndBoundaryAndFix() {
        Layers layers = Layers.builder()
                .identity("app-read", doc("{'Version':'2012-10-17','Statement':[{'Sid':'Read','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}"))
                .boundary("dev-sandbox-boundary", doc("{'Version':'2012-10-17','Statement':[{'Sid':'AllowedServices','Effect':'Allow','Action':'s3:*','Resource':'*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        assertEquals(Verdict.IMPLICIT_DENY, d.verdict());
        assertEquals(LayerKind.IDENTITY, d.decidingLayer());
        assertEquals("Denied: no identity policy allows s3:PutObject on " + OBJECT + ".", d.summary());
        assertTrue(d.notes().contains("The permissions boundary dev-sandbox-boundary would allow it (statement AllowedServices)."), d.notes()::toString);
        assertTrue(d.fix().startsWith("Fix: Add to a new inline policy of role app-role the statement "
                + "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"" + OBJECT + "\"}"), d.fix());
        assertTrue(d.fix().contains("verified: with this change the engine gives ALLOW"), d.fix());
    }

    @Test
    void explain_whenBoundaryCaps_namesBoundaryPolicyAndTheIdentityStatement() {
        Layers layers = Layers.builder()
                .identity("AdministratorAccess", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))
                .boundary("dev-sandbox-boundary", doc("{'Version':'2012-10-17','Statement':[{'Sid':'AllowedServices','Effect':'Allow','Action':'dynamodb:*','Resource':'*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        assertEquals(LayerKind.PERMISSIONS_BOUNDARY, d.decidingLayer());
        assertTrue(d.summary().contains("statement #0 of identity policy AdministratorAccess allows s3:PutObject"), d.summary());
        assertTrue(d.summary().contains("the permissions boundary dev-sandbox-boundary does not"), d.summary());
        assertTrue(d.fix().contains("Add to the permissions boundary dev-sandbox-boundary the statement"), d.fix());
    }

    @Test
    void explain_whenExplicitDeny_namesLayerPolicyAndSid() {
        Layers layers = Layers.builder()
                .identity("AdministratorAccess", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))
                .scpLevel("Root", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}"))
                .scp("ou-prod", "deny-uploads", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'},{'Sid':'NoUploads','Effect':'Deny','Action':'s3:PutObject','Resource':'arn:aws:s3:::prod-data/uploads/*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        assertEquals(Verdict.EXPLICIT_DENY, d.verdict());
        assertEquals(LayerKind.SCP, d.decidingLayer());
        assertEquals("SCPs at ou-prod", d.decidingLayerResult().name());
        assertEquals("NoUploads", d.decidingStatement().orElseThrow().label());
        assertTrue(d.summary().startsWith("Explicitly denied: statement NoUploads of SCP deny-uploads (SCPs at ou-prod)"), d.summary());
        assertEquals("deny-uploads NoUploads", d.decidingStatementLabel());
    }

    @Test
    void explain_whenConditionFails_saysWhichKeyAndWhy() {
        Layers layers = Layers.builder()
                .identity("mfa-policy", doc("{'Version':'2012-10-17','Statement':[{'Sid':'AllowWriteOnlyWithMFA','Effect':'Allow','Action':'s3:PutObject','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        String text = d.explain();
        assertTrue(text.contains("aws:MultiFactorAuthPresent is missing from the request, so Bool fails"), text);
        assertTrue(text.contains("AllowWriteOnlyWithMFA"), text);
        assertTrue(d.fix().startsWith("Fix: Send the request with aws:MultiFactorAuthPresent = \"true\""), d.fix());
    }

    @Test
    void explain_whenSilentSCPAtIntermediateOu_namesTheLevel() {
        PolicyDocument all = doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}");
        Layers layers = Layers.builder().identity("admin", all).scpLevel("Root", all)
                .scpLevel("ou-sandbox", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ec2:*','Resource':'*'}]}"))
                .scpLevel("account", all).build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        assertEquals(LayerKind.SCP, d.decidingLayer());
        assertTrue(d.summary().contains("no SCP at ou-sandbox allows s3:PutObject"), d.summary());
        assertTrue(d.fix().contains("at ou-sandbox"), d.fix());
    }

    @Test
    void explain_whenTrustPolicyNamesSomeoneElse_saysTrustPolicyMustAllow() {
        Request assume = Request.builder().principal(RequestPrincipal.user("arn:aws:iam::123456789012:user/alice"))
                .action("sts:AssumeRole").resource("arn:aws:iam::123456789012:role/admin").build();
        Layers layers = Layers.builder()
                .identity("assume-anything", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'*'}]}"))
                .trustPolicy("trust policy of admin", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::123456789012:role/ci'},'Action':'sts:AssumeRole'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(assume, layers);
        assertEquals(LayerKind.RESOURCE_POLICY, d.decidingLayer());
        assertTrue(d.summary().contains("the trust policy of admin does not allow the user alice"), d.summary());
        assertFalse(d.explain().contains("trust policy trust policy"), d.explain());
        assertTrue(d.explain().contains("its Principal does not name the requesting principal"), d.explain());
    }

    @Test
    void explain_whenAllowed_namesTheGrantingStatement() {
        Layers layers = Layers.builder()
                .identity("app-s3", doc("{'Version':'2012-10-17','Statement':[{'Sid':'Uploads','Effect':'Allow','Action':'s3:PutObject','Resource':'arn:aws:s3:::prod-data/uploads/*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        assertTrue(d.allowed());
        assertEquals("Allowed by statement Uploads of identity policy app-s3.", d.summary());
        assertEquals("", d.fix());
    }

    @Test
    void toMimeBundle_hasPlainMarkdownAndHtml_withValuesEscaped() {
        Layers layers = Layers.builder()
                .identity("<script>alert(1)</script>", doc("{'Version':'2012-10-17','Statement':[{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}"))
                .build();
        Decision d = PolicyEvaluator.evaluate(putObject(), layers);
        Map<String, Object> bundle = d.toMimeBundle();
        assertEquals(java.util.List.of("text/plain", "text/markdown", "text/html"), java.util.List.copyOf(bundle.keySet()));
        String html = (String) bundle.get("text/html");
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("IMPLICIT DENY"));
        String md = (String) bundle.get("text/markdown");
        assertFalse(md.contains("<script>"), md);
        assertTrue(md.contains("| Layer | Outcome | Statements |"), md);
        assertTrue(((String) bundle.get("text/plain")).startsWith("IMPLICIT DENY  arn:aws:sts::123456789012:assumed-role/app-role/s1 → s3:PutObject"));
    }

    @Test
    void explain_whenCrossAccountWithoutResourcePolicy_saysBothSidesMustAllow() {
        Request r = Request.builder().principal(RequestPrincipal.user("arn:aws:iam::444455556666:user/carol"))
                .action("s3:GetObject").resource("arn:aws:s3:::prod-data/x").resourceAccount("123456789012").build();
        Decision d = PolicyEvaluator.evaluate(r, Layers.builder()
                .identity("read", doc("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'}]}")).build());
        assertTrue(d.summary().contains("crosses accounts (444455556666 → 123456789012)"), d.summary());
        assertTrue(d.fix().contains("\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:user/carol\"}"), d.fix());
    }
}
