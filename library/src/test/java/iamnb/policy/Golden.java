package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import iamnb.model.PolicyDocument;

/**
 * A golden case: a request, the layers, the decision AWS documents for it, and where AWS documents it.
 * Policies are written with single quotes for readability ({@link #policy}); {@link #raw} takes JSON as is.
 */
final class Golden {
    static final String ACCT = "111122223333";
    static final String OTHER = "444455556666";

    final String name;
    String cite = "";
    private final Request.Builder request = Request.builder();
    private final Layers.Builder layers = Layers.builder();
    private int identityCount;
    Verdict expected;
    LayerKind expectedLayer;

    private Golden(String name) {
        this.name = name;
        request.principal(RequestPrincipal.user(arnUser("alice"))).action("s3:GetObject")
                .resource("arn:aws:s3:::bucket/key").resourceAccount(ACCT);
    }

    static Golden c(String name) {
        return new Golden(name);
    }

    static String arnUser(String name) {
        return "arn:aws:iam::" + ACCT + ":user/" + name;
    }

    static String arnRole(String name) {
        return "arn:aws:iam::" + ACCT + ":role/" + name;
    }

    /** A 2012-10-17 policy from statements written with single quotes. */
    static PolicyDocument policy(String... statements) {
        return raw("{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements).replace('\'', '"') + "]}");
    }

    /** A policy with the given Version ("" for none), statements in single quotes. */
    static PolicyDocument versioned(String version, String... statements) {
        String v = version.isEmpty() ? "" : "\"Version\":\"" + version + "\",";
        return raw("{" + v + "\"Statement\":[" + String.join(",", statements).replace('\'', '"') + "]}");
    }

    static PolicyDocument raw(String json) {
        return PolicyDocument.parse(json);
    }

    static String allow(String action, String resource) {
        return "{'Effect':'Allow','Action':'" + action + "','Resource':'" + resource + "'}";
    }

    static String deny(String action, String resource) {
        return "{'Effect':'Deny','Action':'" + action + "','Resource':'" + resource + "'}";
    }

    static PolicyDocument allowAll() {
        return policy(allow("*", "*"));
    }

    Golden cite(String citation) {
        this.cite = citation;
        return this;
    }

    Golden principal(RequestPrincipal p) {
        request.principal(p);
        return this;
    }

    Golden user(String name) {
        return principal(RequestPrincipal.user(arnUser(name)));
    }

    Golden role(String name) {
        return principal(RequestPrincipal.role(arnRole(name)));
    }

    Golden session(String role, String session) {
        return principal(RequestPrincipal.assumedRole(arnRole(role), session));
    }

    Golden action(String a) {
        request.action(a);
        return this;
    }

    Golden resource(String r) {
        request.resource(r);
        return this;
    }

    Golden resourceAccount(String a) {
        request.resourceAccount(a);
        return this;
    }

    Golden ctx(String key, String... values) {
        request.context(key, values);
        return this;
    }

    Golden at(java.time.Instant t) {
        request.at(t);
        return this;
    }

    Golden resourceTag(String k, String v) {
        request.resourceTag(k, v);
        return this;
    }

    Golden identity(PolicyDocument d) {
        layers.identity("identity-" + (++identityCount), d);
        return this;
    }

    Golden identity(String name, PolicyDocument d) {
        layers.identity(name, d);
        return this;
    }

    Golden boundary(PolicyDocument d) {
        layers.boundary("boundary", d);
        return this;
    }

    Golden scp(String level, PolicyDocument d) {
        layers.scpLevel(level, d);
        return this;
    }

    Golden rcp(String level, PolicyDocument d) {
        layers.rcpLevel(level, d);
        return this;
    }

    Golden resourcePolicy(PolicyDocument d) {
        layers.resourcePolicy("bucket-policy", d);
        return this;
    }

    Golden trust(PolicyDocument d) {
        layers.trustPolicy("trust-policy", d);
        return this;
    }

    Golden keyPolicy(PolicyDocument d) {
        layers.keyPolicy("key-policy", d);
        return this;
    }

    Golden endpoint(PolicyDocument d) {
        layers.vpcEndpointPolicy("endpoint-policy", d);
        return this;
    }

    Golden sessionPolicy(PolicyDocument d) {
        layers.sessionPolicy("session-policy", d);
        return this;
    }

    Golden management() {
        layers.managementAccount(true);
        return this;
    }

    Golden resourceInManagement() {
        layers.resourceInManagementAccount(true);
        return this;
    }

    Golden expect(Verdict v) {
        this.expected = v;
        return this;
    }

    Golden expect(Verdict v, LayerKind layer) {
        this.expected = v;
        this.expectedLayer = layer;
        return this;
    }

    Decision evaluate() {
        return PolicyEvaluator.evaluate(request.build(), layers.build());
    }

    Request request() {
        return request.build();
    }

    Layers layers() {
        return layers.build();
    }

    void check() {
        Decision d = evaluate();
        assertEquals(expected, d.verdict(), () -> name + " [" + cite + "]\n" + d.explain());
        if (expectedLayer != null) {
            assertEquals(expectedLayer, d.decidingLayer(), () -> name + " [" + cite + "]\n" + d.explain());
        }
        assertFalse(d.summary().isBlank());
    }

    @Override
    public String toString() {
        return name;
    }
}
