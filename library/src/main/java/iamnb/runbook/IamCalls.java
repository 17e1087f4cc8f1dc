package iamnb.runbook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;

/**
 * Turns an executable {@link Step} into the AWS SDK call with exactly the step's parameters. The table of
 * supported calls is also what {@link Plan} checks a plan against when it is built, so a plan can only hold
 * executable steps this class knows how to make, with parameters it sends and nothing hidden.
 */
final class IamCalls {

    /** The parameters and expectations an executable call accepts. */
    record Spec(Set<String> required, Set<String> optional, Set<String> expect) {}

    static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("iam:CreateRole", new Spec(Set.of("RoleName", "AssumeRolePolicyDocument"),
                    Set.of("Path", "Description", "MaxSessionDuration", "PermissionsBoundary"), Set.of())),
            Map.entry("iam:AttachRolePolicy", new Spec(Set.of("RoleName", "PolicyArn"), Set.of(), Set.of())),
            Map.entry("iam:PutRolePolicy", new Spec(Set.of("RoleName", "PolicyName", "PolicyDocument"), Set.of(), Set.of())),
            Map.entry("iam:PutUserPolicy", new Spec(Set.of("UserName", "PolicyName", "PolicyDocument"), Set.of(), Set.of())),
            Map.entry("iam:CreatePolicy", new Spec(Set.of("PolicyName", "PolicyDocument"), Set.of("Path", "Description"), Set.of())),
            Map.entry("iam:AttachGroupPolicy", new Spec(Set.of("GroupName", "PolicyArn"), Set.of(), Set.of())),
            Map.entry("iam:AttachUserPolicy", new Spec(Set.of("UserName", "PolicyArn"), Set.of(), Set.of())),
            Map.entry("iam:CreateAccessKey", new Spec(Set.of("UserName"), Set.of(), Set.of())),
            Map.entry("iam:UpdateAccessKey", new Spec(Set.of("UserName", "AccessKeyId", "Status"), Set.of(), Set.of())),
            Map.entry("iam:DeleteAccessKey", new Spec(Set.of("UserName", "AccessKeyId"), Set.of(), Set.of())),
            Map.entry("iam:ListAccessKeys", new Spec(Set.of("UserName"), Set.of(),
                    Set.of("AccessKeyIds", "AccessKeyId", "Status"))),
            Map.entry("iam:GetAccessKeyLastUsed", new Spec(Set.of("AccessKeyId"), Set.of(), Set.of("NotUsedWithin"))));

    /** A check step's expectation did not hold. */
    static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }

    /** What a call returned: outputs to show, and the new access key when one was created. */
    record Outcome(Map<String, String> outputs, Optional<NewAccessKey> newKey) {
        static Outcome of(Map<String, String> outputs) {
            return new Outcome(outputs, Optional.empty());
        }
    }

    private IamCalls() {}

    /** Throws {@link IllegalArgumentException} naming the problem when an executable step cannot be made. */
    static void checkSupported(int number, Step step) {
        Spec spec = SPECS.get(step.action());
        if (spec == null) {
            throw new IllegalArgumentException("step " + number + ": apply() cannot make " + step.action()
                    + "; it makes " + new TreeSet<>(SPECS.keySet()) + ". Mark the step MANUAL or FOLLOW_UP.");
        }
        for (String p : spec.required()) {
            if (!step.parameters().containsKey(p)) {
                throw new IllegalArgumentException("step " + number + ": " + step.action() + " needs parameter " + p);
            }
        }
        for (String p : step.parameters().keySet()) {
            if (!spec.required().contains(p) && !spec.optional().contains(p)) {
                throw new IllegalArgumentException("step " + number + ": " + step.action() + " has no parameter " + p
                        + "; it takes " + new TreeSet<>(union(spec.required(), spec.optional())));
            }
        }
        for (String e : step.expect().keySet()) {
            if (!spec.expect().contains(e)) {
                throw new IllegalArgumentException("step " + number + ": " + step.action() + " cannot check " + e
                        + (spec.expect().isEmpty() ? "" : "; it checks " + new TreeSet<>(spec.expect())));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new TreeSet<>(a);
        s.addAll(b);
        return s;
    }

    /** Makes the call. AWS errors propagate as the SDK's exceptions; failed checks as {@link CheckFailed}. */
    static Outcome run(IamClient iam, Step step, Clock clock) {
        Map<String, String> p = step.parameters();
        switch (step.action()) {
            case "iam:CreateRole" -> {
                CreateRoleResponse r = iam.createRole(b -> {
                    b.roleName(p.get("RoleName")).assumeRolePolicyDocument(p.get("AssumeRolePolicyDocument"));
                    ifPresent(p, "Path", b::path);
                    ifPresent(p, "Description", b::description);
                    ifPresent(p, "MaxSessionDuration", v -> b.maxSessionDuration(Integer.valueOf(v)));
                    ifPresent(p, "PermissionsBoundary", b::permissionsBoundary);
                });
                return Outcome.of(outputs("Arn", r.role().arn(), "RoleId", r.role().roleId()));
            }
            case "iam:AttachRolePolicy" -> {
                iam.attachRolePolicy(b -> b.roleName(p.get("RoleName")).policyArn(p.get("PolicyArn")));
                return Outcome.of(Map.of());
            }
            case "iam:PutRolePolicy" -> {
                iam.putRolePolicy(b -> b.roleName(p.get("RoleName")).policyName(p.get("PolicyName"))
                        .policyDocument(p.get("PolicyDocument")));
                return Outcome.of(Map.of());
            }
            case "iam:PutUserPolicy" -> {
                iam.putUserPolicy(b -> b.userName(p.get("UserName")).policyName(p.get("PolicyName"))
                        .policyDocument(p.get("PolicyDocument")));
                return Outcome.of(Map.of());
            }
            case "iam:CreatePolicy" -> {
                CreatePolicyResponse r = iam.createPolicy(b -> {
                    b.policyName(p.get("PolicyName")).policyDocument(p.get("PolicyDocument"));
                    ifPresent(p, "Path", b::path);
                    ifPresent(p, "Description", b::description);
                });
                return Outcome.of(outputs("Arn", r.policy().arn()));
            }
            case "iam:AttachGroupPolicy" -> {
                iam.attachGroupPolicy(b -> b.groupName(p.get("GroupName")).policyArn(p.get("PolicyArn")));
                return Outcome.of(Map.of());
            }
            case "iam:AttachUserPolicy" -> {
                iam.attachUserPolicy(b -> b.userName(p.get("UserName")).policyArn(p.get("PolicyArn")));
                return Outcome.of(Map.of());
            }
            case "iam:CreateAccessKey" -> {
                CreateAccessKeyResponse r = iam.createAccessKey(b -> b.userName(p.get("UserName")));
                var key = r.accessKey();
                Instant created = key.createDate() == null ? clock.instant() : key.createDate();
                NewAccessKey newKey = new NewAccessKey(key.userName() == null ? p.get("UserName") : key.userName(),
                        key.accessKeyId(), created, key.secretAccessKey());
                return new Outcome(outputs("AccessKeyId", key.accessKeyId(), "Status", key.statusAsString()),
                        Optional.of(newKey));
            }
            case "iam:UpdateAccessKey" -> {
                iam.updateAccessKey(b -> b.userName(p.get("UserName")).accessKeyId(p.get("AccessKeyId"))
                        .status(p.get("Status")));
                return Outcome.of(Map.of());
            }
            case "iam:DeleteAccessKey" -> {
                iam.deleteAccessKey(b -> b.userName(p.get("UserName")).accessKeyId(p.get("AccessKeyId")));
                return Outcome.of(Map.of());
            }
            case "iam:ListAccessKeys" -> {
                List<AccessKeyMetadata> keys = new ArrayList<>();
                iam.listAccessKeysPaginator(b -> b.userName(p.get("UserName"))).accessKeyMetadata().forEach(keys::add);
                checkKeys(p.get("UserName"), keys, step.expect());
                return Outcome.of(outputs("AccessKeys", describe(keys)));
            }
            case "iam:GetAccessKeyLastUsed" -> {
                AccessKeyLastUsed last = iam.getAccessKeyLastUsed(b -> b.accessKeyId(p.get("AccessKeyId")))
                        .accessKeyLastUsed();
                Instant date = last == null ? null : last.lastUsedDate();
                String within = step.expect().get("NotUsedWithin");
                if (within != null && date != null) {
                    Duration grace = Duration.parse(within);
                    Instant now = clock.instant();
                    if (date.plus(grace).isAfter(now)) {
                        throw new CheckFailed(p.get("AccessKeyId") + " was last used " + date
                                + (last.serviceName() == null ? "" : " (service " + last.serviceName() + ")")
                                + ", less than " + human(grace) + " ago; wait until " + date.plus(grace)
                                + " so that anything still using it shows up while the key is only deactivated");
                    }
                }
                return Outcome.of(outputs("LastUsedDate", date == null ? "never" : date.toString()));
            }
            default -> throw new IllegalStateException("unsupported call " + step.action()
                    + " (plans are checked when built; this is a bug)");
        }
    }

    private static void checkKeys(String user, List<AccessKeyMetadata> keys, Map<String, String> expect) {
        String ids = expect.get("AccessKeyIds");
        if (ids != null) {
            Set<String> want = new TreeSet<>(ids.isEmpty() ? List.of() : List.of(ids.split(",")));
            Set<String> have = new TreeSet<>();
            keys.forEach(k -> have.add(k.accessKeyId()));
            if (!want.equals(have)) {
                throw new CheckFailed(user + " has access keys " + (have.isEmpty() ? "none" : String.join(", ", have))
                        + " but the plan was made for " + (want.isEmpty() ? "none" : String.join(", ", want))
                        + "; the snapshot is out of date: build the plan again from a fresh account");
            }
        }
        String id = expect.get("AccessKeyId");
        if (id != null) {
            AccessKeyMetadata key = keys.stream().filter(k -> k.accessKeyId().equals(id)).findFirst()
                    .orElseThrow(() -> new CheckFailed(user + " has no access key " + id + " (it has "
                            + (keys.isEmpty() ? "none" : describe(keys)) + ")"));
            String status = expect.get("Status");
            if (status != null && !status.equals(key.statusAsString())) {
                throw new CheckFailed(id + " is " + key.statusAsString() + ", expected " + status
                        + (status.equals("Inactive") ? "; deactivate it first and wait the grace period before deleting it" : ""));
            }
        }
    }

    private static String describe(List<AccessKeyMetadata> keys) {
        StringBuilder s = new StringBuilder();
        for (AccessKeyMetadata k : keys) {
            s.append(s.length() == 0 ? "" : ", ").append(k.accessKeyId()).append(" (").append(k.statusAsString()).append(')');
        }
        return s.length() == 0 ? "none" : s.toString();
    }

    static String human(Duration d) {
        if (d.toMinutes() % 60 == 0 && d.toHours() < 72) {
            return d.toHours() + " h";
        }
        if (d.toHours() % 24 == 0) {
            return d.toDays() + " days";
        }
        return d.toString();
    }

    private static void ifPresent(Map<String, String> p, String name, Consumer<String> set) {
        String v = p.get(name);
        if (v != null) {
            set.accept(v);
        }
    }

    private static Map<String, String> outputs(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
