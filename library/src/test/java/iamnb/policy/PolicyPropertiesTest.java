package iamnb.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.model.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random scenarios checking two laws of the evaluation logic: an explicit deny overrides every allow
 * (so adding a Deny statement anywhere never produces ALLOW), and an Allow added to a silent layer never
 * undoes an explicit deny.
 */
class PolicyPropertiesTest {
    private static final int SCENARIOS = 3000;
    private static final String ACCT = "111122223333";
    private static final String OTHER = "444455556666";

    private static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:ListBucket", "iam:CreateUser",
        "ec2:RunInstances", "sts:AssumeRole", "kms:Decrypt"};
    private static final String[] ACTION_PATTERNS = {"*", "s3:*", "s3:Get*", "s3:PutObject", "s3:ListBucket", "iam:*",
        "ec2:Run*", "sts:AssumeRole", "kms:*", "S3:getobject"};
    private static final String[] RESOURCES = {"arn:aws:s3:::bucket/key", "arn:aws:s3:::bucket",
        "arn:aws:iam::" + ACCT + ":role/admin", "arn:aws:iam::" + ACCT + ":user/bob", "*"};
    private static final String[] RESOURCE_PATTERNS = {"*", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket",
        "arn:aws:iam::" + ACCT + ":role/*", "arn:aws:iam::*", "arn:aws:s3:::other/*"};
    private static final String[] CONDITIONS = {"",
        ",'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'}}",
        ",'Condition':{'BoolIfExists':{'aws:MultiFactorAuthPresent':'true'}}",
        ",'Condition':{'StringEquals':{'aws:PrincipalTag/team':'blue'}}",
        ",'Condition':{'StringNotEquals':{'aws:RequestedRegion':'eu-west-1'}}",
        ",'Condition':{'IpAddress':{'aws:SourceIp':'203.0.113.0/24'}}",
        ",'Condition':{'ForAllValues:StringEquals':{'aws:TagKeys':['a','b']}}",
        ",'Condition':{'ForAnyValue:StringEquals':{'aws:TagKeys':['a']}}",
        ",'Condition':{'Null':{'aws:TokenIssueTime':'true'}}"};
    private static final String[] PRINCIPALS = {"'*'", "{'AWS':'arn:aws:iam::" + ACCT + ":root'}",
        "{'AWS':'arn:aws:iam::" + ACCT + ":user/alice'}", "{'AWS':'arn:aws:iam::" + ACCT + ":role/app'}",
        "{'AWS':'arn:aws:sts::" + ACCT + ":assumed-role/app/s1'}", "{'AWS':'" + OTHER + "'}"};

    /** A scenario as statement lists per layer, so that statements can be added before building. */
    private static final class Scenario {
        final Map<String, List<String>> identity = new LinkedHashMap<>();
        List<String> boundary;
        final Map<String, List<String>> scp = new LinkedHashMap<>();
        final Map<String, List<String>> rcp = new LinkedHashMap<>();
        List<String> resource;
        ResourcePolicyKind kind = ResourcePolicyKind.GENERIC;
        List<String> session;
        Request request;

        Scenario copy() {
            Scenario s = new Scenario();
            identity.forEach((k, v) -> s.identity.put(k, new ArrayList<>(v)));
            s.boundary = boundary == null ? null : new ArrayList<>(boundary);
            scp.forEach((k, v) -> s.scp.put(k, new ArrayList<>(v)));
            rcp.forEach((k, v) -> s.rcp.put(k, new ArrayList<>(v)));
            s.resource = resource == null ? null : new ArrayList<>(resource);
            s.kind = kind;
            s.session = session == null ? null : new ArrayList<>(session);
            s.request = request;
            return s;
        }

        Decision evaluate() {
            Layers.Builder b = Layers.builder();
            identity.forEach((k, v) -> b.identity(k, doc(v)));
            if (boundary != null) {
                b.boundary("boundary", doc(boundary));
            }
            scp.forEach((k, v) -> b.scpLevel(k, doc(v)));
            rcp.forEach((k, v) -> b.rcpLevel(k, doc(v)));
            if (resource != null) {
                b.resourcePolicy("resource", doc(resource), kind);
            }
            if (session != null) {
                b.sessionPolicy("session", doc(session));
            }
            return PolicyEvaluator.evaluate(request, b.build());
        }

        /** The statement lists of every layer, to pick one to add to. */
        List<List<String>> lists() {
            List<List<String>> out = new ArrayList<>(identity.values());
            if (boundary != null) {
                out.add(boundary);
            }
            out.addAll(scp.values());
            out.addAll(rcp.values());
            if (resource != null) {
                out.add(resource);
            }
            if (session != null) {
                out.add(session);
            }
            return out;
        }

        @Override
        public String toString() {
            return request + "\nidentity=" + identity + "\nboundary=" + boundary + "\nscp=" + scp + "\nrcp=" + rcp
                    + "\nresource(" + kind + ")=" + resource + "\nsession=" + session;
        }
    }

    static PolicyDocument doc(List<String> statements) {
        if (statements.isEmpty()) {
            statements = List.of("{'Effect':'Deny','Action':'none:None','Resource':'*'}");
        }
        return PolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")
                .replace('\'', '"'));
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    static String statement(Random r, String effect, boolean withPrincipal) {
        String principal = withPrincipal ? "'Principal':" + pick(r, PRINCIPALS) + "," : "";
        String action = r.nextInt(8) == 0 ? "'NotAction':'" + pick(r, ACTION_PATTERNS) + "'"
                : "'Action':'" + pick(r, ACTION_PATTERNS) + "'";
        String resource = r.nextInt(8) == 0 ? "'NotResource':'" + pick(r, RESOURCE_PATTERNS) + "'"
                : "'Resource':'" + pick(r, RESOURCE_PATTERNS) + "'";
        String condition = r.nextInt(3) == 0 ? pick(r, CONDITIONS) : "";
        return "{'Effect':'" + effect + "'," + principal + action + "," + resource + condition + "}";
    }

    static List<String> policy(Random r, boolean withPrincipal) {
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(statement(r, r.nextInt(4) == 0 ? "Deny" : "Allow", withPrincipal));
        }
        return out;
    }

    static Scenario scenario(Random r) {
        Scenario s = new Scenario();
        RequestPrincipal p = switch (r.nextInt(5)) {
            case 0 -> RequestPrincipal.user("arn:aws:iam::" + ACCT + ":user/alice").withTags(Map.of("team", "blue"));
            case 1 -> RequestPrincipal.assumedRole("arn:aws:iam::" + ACCT + ":role/app", "s1");
            case 2 -> RequestPrincipal.user("arn:aws:iam::" + OTHER + ":user/carol");
            case 3 -> RequestPrincipal.anonymous();
            default -> RequestPrincipal.root(ACCT);
        };
        Request.Builder rb = Request.builder().principal(p).action(pick(r, ACTIONS)).resource(pick(r, RESOURCES))
                .resourceAccount(ACCT);
        if (r.nextBoolean()) {
            rb.context("aws:MultiFactorAuthPresent", r.nextBoolean() ? "true" : "false");
        }
        if (r.nextBoolean()) {
            rb.context("aws:SourceIp", r.nextBoolean() ? "203.0.113.5" : "198.51.100.1");
        }
        if (r.nextBoolean()) {
            rb.context("aws:TagKeys", r.nextBoolean() ? List.of("a") : List.of("a", "c"));
        }
        s.request = rb.build();
        int identities = r.nextInt(4);
        for (int i = 0; i < identities; i++) {
            s.identity.put("identity-" + i, policy(r, false));
        }
        if (r.nextInt(3) == 0) {
            s.boundary = policy(r, false);
        }
        int scpLevels = r.nextInt(3);
        for (int i = 0; i < scpLevels; i++) {
            s.scp.put("level-" + i, policy(r, false));
        }
        if (r.nextInt(4) == 0) {
            s.rcp.put("root", policy(r, true));
        }
        if (r.nextBoolean()) {
            s.resource = policy(r, true);
            s.kind = ResourcePolicyKind.values()[r.nextInt(3)];
        }
        if (r.nextInt(3) == 0) {
            s.session = policy(r, false);
        }
        return s;
    }

    @Test
    void addingDenyAnywhere_neverTurnsADecisionIntoAllow() {
        Random r = new Random(20240611L);
        int checked = 0;
        int deniedBefore = 0;
        for (int i = 0; i < SCENARIOS; i++) {
            Scenario s = scenario(r);
            Decision before = s.evaluate();
            Scenario t = s.copy();
            List<List<String>> lists = t.lists();
            String deny = statement(r, "Deny", true);
            if (lists.isEmpty() || r.nextInt(4) == 0) {
                t.boundary = t.boundary == null ? new ArrayList<>() : t.boundary;
                t.boundary.add(deny.replaceAll("'Principal':[^,]*(\\{[^}]*\\})?,", ""));
            } else {
                List<String> target = lists.get(r.nextInt(lists.size()));
                target.add(target == t.resource || t.rcp.containsValue(target) ? deny
                        : deny.replaceFirst("'Principal':('\\*'|\\{[^}]*\\}),", ""));
            }
            Decision after = t.evaluate();
            if (before.verdict() != Verdict.ALLOW) {
                deniedBefore++;
                assertNotEquals(Verdict.ALLOW, after.verdict(), () -> "a Deny made it ALLOW:\n" + t + "\n" + after.explain());
            }
            if (before.verdict() == Verdict.EXPLICIT_DENY) {
                assertEquals(Verdict.EXPLICIT_DENY, after.verdict(), () -> "a Deny undid an explicit deny:\n" + t);
            }
            checked++;
        }
        assertEquals(SCENARIOS, checked);
        assertTrue(deniedBefore > SCENARIOS / 5, "too few denied scenarios to mean anything: " + deniedBefore);
    }

    @Test
    void addingAllowToASilentLayer_neverUndoesAnExplicitDeny() {
        Random r = new Random(7L);
        int explicit = 0;
        for (int i = 0; i < SCENARIOS; i++) {
            Scenario s = scenario(r);
            Decision before = s.evaluate();
            if (before.verdict() != Verdict.EXPLICIT_DENY) {
                continue;
            }
            explicit++;
            for (LayerResult l : before.layerResults()) {
                if (l.outcome() != LayerOutcome.SILENT) {
                    continue;
                }
                Scenario t = s.copy();
                String allowAll = "{'Effect':'Allow'," + (l.kind() == LayerKind.RESOURCE_POLICY || l.kind() == LayerKind.RCP
                        ? "'Principal':'*'," : "") + "'Action':'*','Resource':'*'}";
                target(t, l).add(allowAll);
                Decision after = t.evaluate();
                assertEquals(Verdict.EXPLICIT_DENY, after.verdict(),
                        () -> "an Allow in silent layer " + l.name() + " undid an explicit deny:\n" + t + "\n" + after.explain());
            }
        }
        assertTrue(explicit > SCENARIOS / 20, "too few explicit denies to mean anything: " + explicit);
    }

    private static List<String> target(Scenario t, LayerResult l) {
        return switch (l.kind()) {
            case IDENTITY -> t.identity.computeIfAbsent("identity-added", k -> new ArrayList<>());
            case PERMISSIONS_BOUNDARY -> t.boundary;
            case SESSION_POLICY -> t.session;
            case RESOURCE_POLICY -> t.resource;
            case SCP -> t.scp.get(l.name().substring("SCPs at ".length()));
            case RCP -> t.rcp.get(l.name().substring("RCPs at ".length()));
            case VPC_ENDPOINT_POLICY -> throw new IllegalStateException("the scenarios have no VPC endpoint policy");
        };
    }
}
