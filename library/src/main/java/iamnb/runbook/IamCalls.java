package iamnb.runbook;

import iamnb.InvalidInputException;
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
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.IamRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The IAM calls {@link Plan#apply} makes, one entry per request type: the SDK's immutable request class, the
 * parameters a plan must give and may give, what a check step of that call can verify, and how to make it.
 * An executable {@link Step} carries the typed request itself; this class converts the string form
 * ({@link Step#call(String, Map, String)}) to that request once, renders a request's fields as the
 * {@code Name: value} parameters plans show (from the SDK's {@code sdkFields()}, so what is shown is what is
 * sent), and calls the {@link IamClient} with the request unchanged.
 */
final class IamCalls {

    /** Makes one typed call; {@code expect} holds what a check step verifies. */
    @FunctionalInterface
    interface Maker<R extends IamRequest> {
        Outcome make(IamClient iam, R request, Map<String, String> expect, Clock clock);
    }

    /** One call {@code apply} can make. */
    record Call<R extends IamRequest>(String action, Class<R> type, Supplier<? extends SdkBuilder<?, R>> builder,
                                      Set<String> required, Set<String> optional, Set<String> expect, Maker<R> maker) {

        Outcome make(IamClient iam, IamRequest request, Map<String, String> expectations, Clock clock) {
            return maker.make(iam, type.cast(request), expectations, clock);
        }

        Set<String> accepted() {
            Set<String> s = new TreeSet<>(required);
            s.addAll(optional);
            return s;
        }
    }

    private static final List<Call<?>> CALLS = List.of(
            new Call<>("iam:CreateRole", CreateRoleRequest.class, CreateRoleRequest::builder,
                    Set.of("RoleName", "AssumeRolePolicyDocument"),
                    Set.of("Path", "Description", "MaxSessionDuration", "PermissionsBoundary"), Set.of(),
                    (iam, r, e, c) -> {
                        CreateRoleResponse out = iam.createRole(r);
                        return Outcome.of(outputs("Arn", out.role().arn(), "RoleId", out.role().roleId()));
                    }),
            new Call<>("iam:AttachRolePolicy", AttachRolePolicyRequest.class, AttachRolePolicyRequest::builder,
                    Set.of("RoleName", "PolicyArn"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.attachRolePolicy(r))),
            new Call<>("iam:PutRolePolicy", PutRolePolicyRequest.class, PutRolePolicyRequest::builder,
                    Set.of("RoleName", "PolicyName", "PolicyDocument"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.putRolePolicy(r))),
            new Call<>("iam:PutUserPolicy", PutUserPolicyRequest.class, PutUserPolicyRequest::builder,
                    Set.of("UserName", "PolicyName", "PolicyDocument"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.putUserPolicy(r))),
            new Call<>("iam:CreatePolicy", CreatePolicyRequest.class, CreatePolicyRequest::builder,
                    Set.of("PolicyName", "PolicyDocument"), Set.of("Path", "Description"), Set.of(),
                    (iam, r, e, c) -> Outcome.of(outputs("Arn", iam.createPolicy(r).policy().arn()))),
            new Call<>("iam:AttachGroupPolicy", AttachGroupPolicyRequest.class, AttachGroupPolicyRequest::builder,
                    Set.of("GroupName", "PolicyArn"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.attachGroupPolicy(r))),
            new Call<>("iam:AttachUserPolicy", AttachUserPolicyRequest.class, AttachUserPolicyRequest::builder,
                    Set.of("UserName", "PolicyArn"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.attachUserPolicy(r))),
            new Call<>("iam:CreateAccessKey", CreateAccessKeyRequest.class, CreateAccessKeyRequest::builder,
                    Set.of("UserName"), Set.of(), Set.of(), IamCalls::createAccessKey),
            new Call<>("iam:UpdateAccessKey", UpdateAccessKeyRequest.class, UpdateAccessKeyRequest::builder,
                    Set.of("UserName", "AccessKeyId", "Status"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.updateAccessKey(r))),
            new Call<>("iam:DeleteAccessKey", DeleteAccessKeyRequest.class, DeleteAccessKeyRequest::builder,
                    Set.of("UserName", "AccessKeyId"), Set.of(), Set.of(),
                    (iam, r, e, c) -> none(iam.deleteAccessKey(r))),
            new Call<>("iam:ListAccessKeys", ListAccessKeysRequest.class, ListAccessKeysRequest::builder,
                    Set.of("UserName"), Set.of(), Set.of("AccessKeyIds", "AccessKeyId", "Status"),
                    IamCalls::listAccessKeys),
            new Call<>("iam:GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class,
                    GetAccessKeyLastUsedRequest::builder, Set.of("AccessKeyId"), Set.of(), Set.of("NotUsedWithin"),
                    IamCalls::getAccessKeyLastUsed));

    private static final Map<String, Call<?>> BY_ACTION = index(Call::action);
    private static final Map<Class<?>, Call<?>> BY_TYPE = index(Call::type);

    private static <K> Map<K, Call<?>> index(Function<Call<?>, K> key) {
        Map<K, Call<?>> m = new LinkedHashMap<>();
        CALLS.forEach(c -> m.put(key.apply(c), c));
        return Map.copyOf(m);
    }

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

    // ---- from strings, once ---------------------------------------------------------------------------------

    /**
     * The typed request for {@code action} with these parameters (AWS names, values as text: numbers are
     * parsed here, once).
     *
     * @throws InvalidInputException naming the action and the parameter when apply() cannot make the call
     */
    static IamRequest request(String action, Map<String, String> parameters) {
        Call<?> call = callFor(action);
        Map<String, SdkField<?>> fields = fieldsByName(call);
        SdkBuilder<?, ? extends IamRequest> builder = call.builder().get();
        parameters.forEach((name, value) -> {
            if (!call.accepted().contains(name)) {
                throw new InvalidInputException(action + " has no parameter " + name + "; it takes " + call.accepted());
            }
            SdkField<?> field = fields.get(name);
            field.set(builder, typed(action, name, value, field.marshallingType()));
        });
        return requireComplete(call, builder.build());
    }

    private static Call<?> callFor(String action) {
        Call<?> call = BY_ACTION.get(action);
        if (call == null) {
            throw new InvalidInputException("apply() cannot make " + action + "; it makes "
                    + new TreeSet<>(BY_ACTION.keySet()) + ". Mark the step MANUAL or FOLLOW_UP.");
        }
        return call;
    }

    private static Map<String, SdkField<?>> fieldsByName(Call<?> call) {
        Map<String, SdkField<?>> m = new LinkedHashMap<>();
        call.builder().get().build().sdkFields().forEach(f -> m.put(f.memberName(), f));
        return m;
    }

    private static Object typed(String action, String name, String value, MarshallingType<?> type) {
        try {
            if (type == MarshallingType.INTEGER) {
                return Integer.valueOf(value);
            }
            if (type == MarshallingType.LONG) {
                return Long.valueOf(value);
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(action + " parameter " + name + " must be a whole number, not \"" + value + "\"");
        }
        if (type == MarshallingType.BOOLEAN) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new InvalidInputException(action + " parameter " + name + " must be true or false, not \"" + value + "\"");
            }
            return Boolean.valueOf(value);
        }
        if (type != MarshallingType.STRING) {
            throw new InvalidInputException(action + " parameter " + name + " is not a single value; build the "
                    + "request with the AWS SDK and pass it to Step.call(request, description)");
        }
        return value;
    }

    // ---- typed requests --------------------------------------------------------------------------------------

    /** The {@code service:Operation} of a request apply() can make. */
    static String action(IamRequest request) {
        return callFor(request).action();
    }

    /**
     * Checks that apply() makes this request's call and that it has the parameters the call needs.
     *
     * @throws InvalidInputException naming the call and the missing parameter
     */
    static IamRequest requireComplete(IamRequest request) {
        return requireComplete(callFor(request), request);
    }

    private static IamRequest requireComplete(Call<?> call, IamRequest request) {
        Map<String, String> given = parameters(request);
        for (String p : new TreeSet<>(call.required())) {
            if (!given.containsKey(p)) {
                throw new InvalidInputException(call.action() + " needs parameter " + p);
            }
        }
        for (String p : given.keySet()) {
            if (!call.accepted().contains(p)) {
                throw new InvalidInputException(call.action() + " has no parameter " + p + "; it takes " + call.accepted());
            }
        }
        return request;
    }

    private static Call<?> callFor(IamRequest request) {
        Call<?> call = BY_TYPE.get(request.getClass());
        if (call == null) {
            String op = request.getClass().getSimpleName().replaceFirst("Request$", "");
            throw new InvalidInputException("apply() cannot make iam:" + op + "; it makes "
                    + new TreeSet<>(BY_ACTION.keySet()) + ". Mark the step MANUAL or FOLLOW_UP.");
        }
        return call;
    }

    /** The request's set fields as {@code Name → value}, in the API's order: what plans show and apply() sends. */
    static Map<String, String> parameters(IamRequest request) {
        Map<String, String> m = new LinkedHashMap<>();
        for (SdkField<?> f : request.sdkFields()) {
            Object v = f.getValueOrDefault(request);
            if (v != null && !(v instanceof SdkAutoConstructList<?> l && l.isEmpty())
                    && !(v instanceof SdkAutoConstructMap<?, ?> mm && mm.isEmpty())) {
                m.put(f.memberName(), String.valueOf(v));
            }
        }
        return m;
    }

    /** Throws {@link IllegalArgumentException} naming the step when a check step expects what its call cannot check. */
    static void checkSupported(int number, Step step) {
        Call<?> call = callFor(step.request().orElseThrow());
        for (String e : step.expect().keySet()) {
            if (!call.expect().contains(e)) {
                throw new InvalidInputException("step " + number + ": " + step.action() + " cannot check " + e
                        + (call.expect().isEmpty() ? "" : "; it checks " + new TreeSet<>(call.expect())));
            }
        }
    }

    // ---- making the calls ------------------------------------------------------------------------------------

    /** Makes the call. AWS errors propagate as the SDK's exceptions; failed checks as {@link CheckFailed}. */
    static Outcome run(IamClient iam, Step step, Clock clock) {
        IamRequest request = step.request().orElseThrow(() -> new IllegalStateException(
                "step " + step.action() + " has no request (executable steps always have one; this is a bug)"));
        return callFor(request).make(iam, request, step.expect(), clock);
    }

    private static Outcome none(Object response) {
        return Outcome.of(Map.of());
    }

    private static Outcome createAccessKey(IamClient iam, CreateAccessKeyRequest request, Map<String, String> expect,
                                           Clock clock) {
        var key = iam.createAccessKey(request).accessKey();
        Instant created = key.createDate() == null ? clock.instant() : key.createDate();
        NewAccessKey newKey = new NewAccessKey(key.userName() == null ? request.userName() : key.userName(),
                key.accessKeyId(), created, key.secretAccessKey());
        return new Outcome(outputs("AccessKeyId", key.accessKeyId(), "Status", key.statusAsString()), Optional.of(newKey));
    }

    private static Outcome listAccessKeys(IamClient iam, ListAccessKeysRequest request, Map<String, String> expect,
                                          Clock clock) {
        List<AccessKeyMetadata> keys = new ArrayList<>();
        iam.listAccessKeysPaginator(request).accessKeyMetadata().forEach(keys::add);
        checkKeys(request.userName(), keys, expect);
        return Outcome.of(outputs("AccessKeys", describe(keys)));
    }

    private static Outcome getAccessKeyLastUsed(IamClient iam, GetAccessKeyLastUsedRequest request,
                                                Map<String, String> expect, Clock clock) {
        AccessKeyLastUsed last = iam.getAccessKeyLastUsed(request).accessKeyLastUsed();
        Instant date = last == null ? null : last.lastUsedDate();
        String within = expect.get("NotUsedWithin");
        if (within != null && date != null) {
            Duration grace = Duration.parse(within);
            Instant now = clock.instant();
            if (date.plus(grace).isAfter(now)) {
                throw new CheckFailed(request.accessKeyId() + " was last used " + date
                        + (last.serviceName() == null ? "" : " (service " + last.serviceName() + ")")
                        + ", less than " + human(grace) + " ago; wait until " + date.plus(grace)
                        + " so that anything still using it shows up while the key is only deactivated");
            }
        }
        return Outcome.of(outputs("LastUsedDate", date == null ? "never" : date.toString()));
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
