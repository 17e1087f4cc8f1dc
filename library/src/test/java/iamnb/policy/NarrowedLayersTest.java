package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layers cut to one action ({@link Layers#narrowedTo}, {@link Layers.Builder#buildNarrowedTo}) decide that action as
 * the whole layers do, compile only what they keep, and join with a resource's side
 * ({@link CrossAccountSimulator#evaluate}) into the same decision a builder holding both sides gives.
 */
class NarrowedLayersTest {
    private static final String ASSUME = "sts:AssumeRole";
    private static final String ROLE = "arn:aws:iam::222222222222:role/deploy";

    private static PolicyDocument doc(String statements) {
        return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", "test");
    }

    /** Identity policies mixing AssumeRole with other actions, a Deny by NotAction, a boundary and two SCP levels. */
    private static Layers.Builder principalSide(PolicyCache cache) {
        return Layers.builder(cache)
                .identity("mixed", doc("{\"Sid\":\"S3\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
                        + "{\"Sid\":\"Assume\",\"Effect\":\"Allow\",\"Action\":[\"sts:Assume*\",\"ec2:Describe*\"],"
                        + "\"Resource\":\"arn:aws:iam::*:role/deploy\"}"))
                .identity("deny-all-but-s3", doc("{\"Sid\":\"OnlyS3\",\"Effect\":\"Deny\",\"NotAction\":[\"s3:*\",\"sts:*\"],"
                        + "\"Resource\":\"*\"}"))
                .identity("ec2-only", doc("{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}"))
                .boundary("boundary", doc("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}"))
                .scp("Root", "FullAWSAccess", doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
                .scp("ou-prod", "no-assume-admin", doc("{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"arn:aws:iam::*:role/admin\"},{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"));
    }

    private static Layers trustSide(String principal) {
        return Layers.builder().trustPolicy("trust of deploy", doc("{\"Sid\":\"Trust\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + principal + "\"},\"Action\":\"sts:AssumeRole\"}")).build();
    }

    private static Request assume(String role) {
        return Request.builder().principal(RequestPrincipal.user("arn:aws:iam::111111111111:user/alice"))
                .action(ASSUME).resource(role).resourceAccount("222222222222").build();
    }

    @Test
    void narrowedLayers_decideTheirActionAsTheWholeLayersDo() {
        Layers whole = principalSide(PolicyCache.create()).build();
        Layers cut = whole.narrowedTo(ASSUME);
        Layers cutFirst = principalSide(PolicyCache.create()).buildNarrowedTo(ASSUME, PolicyCache.create());
        for (String role : List.of(ROLE, "arn:aws:iam::222222222222:role/admin", "arn:aws:iam::222222222222:role/other")) {
            for (String trusted : List.of("111111111111", "arn:aws:iam::111111111111:user/bob")) {
                Request r = assume(role);
                Verdict expected = CrossAccountSimulator.evaluate(r, whole, trustSide(trusted)).verdict();
                assertEquals(expected, CrossAccountSimulator.evaluate(r, cut, trustSide(trusted)).verdict(), role);
                assertEquals(expected, CrossAccountSimulator.evaluate(r, cutFirst, trustSide(trusted)).verdict(), role);
            }
        }
        assertTrue(CrossAccountSimulator.evaluate(assume(ROLE), cutFirst, trustSide("111111111111")).allowed());
    }

    @Test
    void buildNarrowedTo_compilesOnlyTheCutDocuments_intoTheKeepCache() {
        PolicyCache account = PolicyCache.create();
        PolicyCache keep = PolicyCache.create();
        Layers.Builder b = principalSide(account);
        List<NamedPolicy> identity = b.identityNarrowedTo(ASSUME);
        Layers cut = b.buildNarrowedTo(ASSUME, keep);

        assertEquals(0, account.size(), "nothing compiled in the account's cache");
        assertEquals(6, keep.size(), "each of the six documents compiled once, cut, in the keep cache");
        assertEquals(List.of("Assume"), cut.identityPolicies().get(0).document().statements().stream()
                .map(s -> s.sid()).toList());
        assertEquals(0, cut.identityPolicies().get(2).document().statements().size(), "ec2-only keeps no statement");
        assertEquals(identity, cut.identityPolicies(), "identityNarrowedTo cuts as buildNarrowedTo does");
        assertEquals(1, cut.boundary().orElseThrow().document().statements().size(), "a NotAction boundary stays");
    }

    @Test
    void evaluate_ofKeptSides_isTheDecisionOfOneBuilderHoldingBothSides() {
        Layers principal = principalSide(PolicyCache.create()).note("principal note").build();
        Layers resource = Layers.builder().rcp("Root", "RCPFullAWSAccess", doc("{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\",\"Principal\":\"*\"}"))
                .trustPolicy("trust of deploy", doc("{\"Sid\":\"Trust\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"111111111111\"},\"Action\":\"sts:AssumeRole\"}"))
                .resourceInManagementAccount(true).note("resource note").build();
        Layers.Builder both = principal.toBuilder();
        resource.rcpLevels().forEach(l -> both.rcpLevel(l.name(), l.policies().toArray(NamedPolicy[]::new)));
        resource.resourcePolicy().ifPresent(p -> both.resourcePolicy(p.name(), p.document(), resource.resourcePolicyKind()));
        both.resourceInManagementAccount(true).note("resource note");

        Decision joined = CrossAccountSimulator.evaluate(assume(ROLE), principal, resource);
        Decision built = PolicyEvaluator.evaluate(assume(ROLE), both.build());
        assertTrue(joined.allowed());
        assertEquals(built.explain(), joined.explain());
        assertEquals(built.notes(), joined.notes());
        assertEquals(List.of("principal note", "resource note"), joined.layers().notes());
    }
}
