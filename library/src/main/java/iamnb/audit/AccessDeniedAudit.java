package iamnb.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import iamnb.model.AccountView;
import iamnb.model.CloudTrailEvent;
import iamnb.model.Role;
import iamnb.model.VpcEndpoint;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.LayerKind;
import iamnb.policy.Layers;
import iamnb.policy.PolicyCache;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.PrincipalType;
import iamnb.policy.Request;
import iamnb.policy.RequestPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Builds {@link AccessDeniedReport}s from a request, a CloudTrail event or a decoded authorization message. */
final class AccessDeniedAudit {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccountView acct;
    private final AccountSimulator sim;

    AccessDeniedAudit(AccountView acct, AccountSimulator sim) {
        this.acct = acct;
        this.sim = sim;
    }

    AccessDeniedReport explain(Request request, Optional<Map<String, String>> decoded) {
        Decision d = sim.simulate(request);
        RequestPrincipal p = d.request().principal();
        return new AccessDeniedReport(p.label() + " (" + p.arn() + ")", hints(p, d), d, decoded, trail(d.request()),
                endpoints(d.request()));
    }

    /** Step 1: why the caller might not be who the analyst thinks. */
    private List<String> hints(RequestPrincipal p, Decision d) {
        List<String> out = new ArrayList<>();
        if (!p.account().isEmpty() && !p.account().equals(acct.accountId())) {
            out.add("the caller belongs to account " + p.account() + ", not " + acct.accountId()
                    + ": wrong profile or wrong account? (aws sts get-caller-identity)");
        }
        if (p.type() == PrincipalType.ROLE || p.type() == PrincipalType.ASSUMED_ROLE) {
            Optional<Role> role = acct.findRole(p.roleArn());
            if (role.isEmpty() && p.account().equals(acct.accountId())) {
                out.add("role " + p.roleArn() + " is not in the snapshot: a typo, or a role deleted since?");
            }
            role.ifPresent(r -> {
                boolean ec2 = r.trustPolicy().statements().stream().anyMatch(s -> s.principal()
                        .map(pr -> pr.service().contains("ec2.amazonaws.com")).orElse(false));
                boolean node = r.name().toLowerCase(Locale.ROOT).contains("node") || !r.instanceProfiles().isEmpty();
                if (ec2 && node) {
                    out.add(r.name() + " is an EC2/EKS node (instance profile) role: if the call came from a pod or a "
                            + "container, it ran with the node's credentials instead of its own (IRSA) role — check the "
                            + "service account annotation and the SDK (audit().irsa(...))");
                }
            });
            if (p.type() == PrincipalType.ASSUMED_ROLE && p.name().matches("i-[0-9a-f]{8,17}")) {
                out.add("the session name " + p.name() + " is an EC2 instance id: instance-profile credentials");
            }
        }
        if (p.type() == PrincipalType.USER && !d.allowed()) {
            out.add("long-term credentials of user " + p.name() + ": the default profile instead of the assumed role? a stale key?");
        }
        if (!d.allowed()) {
            List<String> allowed = sim.whoCanDecisions(d.request().action(), d.request().resource()).stream()
                    .filter(Decision::allowed).map(x -> x.request().principal().label()).distinct().limit(6).toList();
            if (!allowed.isEmpty()) {
                out.add("the engine allows this request for: " + String.join(", ", allowed) + " — is the caller meant to be one of them?");
            }
        }
        return out;
    }

    /** Step 4: denials in the account's CloudTrail for the same action, by this caller first. */
    private Table trail(Request r) {
        String service = r.service();
        String name = r.action().substring(r.action().indexOf(':') + 1);
        String roleMark = r.principal().roleArn().isEmpty() ? null
                : ":assumed-role/" + r.principal().roleArn().substring(r.principal().roleArn().lastIndexOf('/') + 1) + "/";
        StringColumn time = StringColumn.create("time");
        StringColumn event = StringColumn.create("event");
        StringColumn caller = StringColumn.create("caller");
        StringColumn same = StringColumn.create("same_caller");
        StringColumn code = StringColumn.create("error_code");
        StringColumn message = StringColumn.create("error_message");
        StringColumn params = StringColumn.create("request_parameters");
        for (CloudTrailEvent e : acct.snapshot().cloudTrailEvents()) {
            if (!e.isAccessDenied() || !e.eventName().equalsIgnoreCase(name)
                    || !e.eventSource().toLowerCase(Locale.ROOT).startsWith(service + ".")) {
                continue;
            }
            boolean mine = e.userIdentityArn().equals(r.principal().arn())
                    || (roleMark != null && e.userIdentityArn().contains(roleMark));
            time.append(e.eventTime().toString());
            event.append(e.eventSource() + " " + e.eventName() + " " + e.eventId());
            caller.append(e.userIdentityArn());
            same.append(mine ? "yes" : "no");
            code.append(e.errorCode());
            message.append(e.errorMessage());
            params.append(e.requestParameters());
        }
        return Table.create("CloudTrail denials of " + r.action(), time, event, caller, same, code, message, params)
                .sortDescendingOn("same_caller", "time");
    }

    private List<String> endpoints(Request r) {
        List<String> out = new ArrayList<>();
        for (VpcEndpoint e : acct.snapshot().vpcEndpoints()) {
            if (e.policy().isEmpty() || !e.serviceName().endsWith("." + r.service())) {
                continue;
            }
            Layers layers = Layers.builder(PolicyCache.create()).resourcePolicy("VPC endpoint policy of " + e.id(), e.policy().get()).build();
            Decision d = PolicyEvaluator.evaluate(r, layers);
            out.add("VPC endpoint " + e.id() + " (" + e.serviceName() + ") policy "
                    + switch (d.outcome(LayerKind.RESOURCE_POLICY)) {
                        case ALLOW -> "allows the request";
                        case DENY -> "DENIES the request (" + d.decidingStatementLabel() + ")";
                        default -> "does not allow the request: it fails when sent through this endpoint";
                    });
        }
        return out;
    }

    /** A request from a CloudTrail record: caller ARN, service:EventName, the resource read from requestParameters. */
    Request fromEvent(CloudTrailEvent e) {
        if (e.userIdentityArn().isEmpty()) {
            throw new InvalidInputException("CloudTrail event " + e.eventId() + " has no userIdentity.arn to simulate");
        }
        String service = e.eventSource().contains(".") ? e.eventSource().substring(0, e.eventSource().indexOf('.')) : e.eventSource();
        JsonNode params = readJson(e.requestParameters(), "requestParameters of " + e.eventId());
        String resource = "*";
        Request.Builder b = Request.builder().principal(sim.principal(e.userIdentityArn())).action(service + ":" + e.eventName());
        if (params != null && params.isObject()) {
            if (params.has("bucketName")) {
                resource = "arn:aws:s3:::" + params.get("bucketName").asText() + (params.has("key") ? "/" + params.get("key").asText() : "");
            } else if (params.has("roleArn")) {
                resource = params.get("roleArn").asText();
            } else if (params.has("roleName")) {
                resource = "arn:aws:iam::" + acct.accountId() + ":role/" + params.get("roleName").asText();
            } else if (params.has("userName")) {
                resource = "arn:aws:iam::" + acct.accountId() + ":user/" + params.get("userName").asText();
            }
            params.fields().forEachRemaining(f -> {
                if (f.getKey().startsWith("x-amz-")) {
                    b.context("s3:" + f.getKey(), f.getValue().asText());
                }
            });
            if (params.has("externalId")) {
                b.context("sts:ExternalId", params.get("externalId").asText());
            }
        }
        return b.resource(resource).at(e.eventTime()).build();
    }

    /**
     * The decoded authorization message ({@code aws sts decode-authorization-message} output, or its
     * DecodedMessage JSON): the request it describes and its parts for step 3.
     */
    Map.Entry<Request, Map<String, String>> fromMessage(String json) {
        JsonNode root = readJson(json, "decoded authorization message");
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the decoded authorization message must be a JSON object");
        }
        if (root.has("DecodedMessage")) {
            root = readJson(root.get("DecodedMessage").asText(), "DecodedMessage");
        }
        JsonNode ctx = root.path("context");
        String arn = ctx.path("principal").path("arn").asText("");
        String action = ctx.path("action").asText("");
        String resource = ctx.path("resource").asText("*");
        if (arn.isEmpty() || action.isEmpty()) {
            throw new InvalidInputException("the decoded authorization message has no context.principal.arn or context.action; "
                    + "paste the JSON from: aws sts decode-authorization-message --encoded-message ... | jq '.DecodedMessage | fromjson'");
        }
        Request.Builder b = Request.builder().principal(sim.principal(arn)).action(action).resource(resource.isEmpty() ? "*" : resource);
        List<String> conditions = new ArrayList<>();
        for (JsonNode c : ctx.path("conditions").path("items")) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : c.path("values").path("items")) {
                values.add(v.path("value").asText());
            }
            String key = c.path("key").asText();
            if (!key.isEmpty()) {
                b.context(key, values);
                conditions.add(key + "=" + (values.size() == 1 ? values.get(0) : values));
            }
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("allowed", root.path("allowed").asText());
        parts.put("explicitDeny", root.path("explicitDeny").asText());
        List<String> matched = new ArrayList<>();
        for (JsonNode m : root.path("matchedStatements").path("items")) {
            matched.add(m.path("statementId").asText("") + " " + m.path("effect").asText("") + " in "
                    + m.path("source").path("policyId").asText(m.path("source").path("type").asText("")));
        }
        parts.put("matchedStatements", matched.isEmpty() ? "none (an implicit deny: nothing allowed it)" : matched.toString());
        parts.put("principal", arn);
        parts.put("action", action);
        parts.put("resource", resource);
        parts.put("conditions", conditions.toString());
        return Map.entry(b.build(), parts);
    }

    private static JsonNode readJson(String text, String what) {
        if (text == null || text.isBlank() || text.equals("null")) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(what + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
