package iamnb.policy;

import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.aws.AwsConnection;
import iamnb.aws.internal.AwsClients;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;

/**
 * Asks AWS's own policy simulator ({@code iam:SimulatePrincipalPolicy}) about the request of a {@link Decision}
 * and sets its answer beside ours as a {@link Comparison}.
 *
 * <p>Only called on request: nothing in the library reaches AWS unless a notebook asks for it with
 * {@code decision.compareWithAws(iam)}. SimulatePrincipalPolicy reads; it changes nothing in the account.
 *
 * <p>What is sent: {@code PolicySourceArn} is the user's ARN, or the role's ARN for a role or one of its sessions
 * (the simulator takes users, groups and roles, not sessions); {@code ActionNames} and {@code ResourceArns} are
 * the request's; {@code ContextEntries} are the context keys the request was given (including those the account
 * filled in, such as {@code aws:SecureTransport}) plus {@code aws:CurrentTime}/{@code aws:EpochTime} from the
 * request's time, each typed from its name or the shape of its values. No {@code ResourcePolicy} is sent, so
 * AWS evaluates the principal's identity-based policies, its permissions boundary and its organization's SCPs,
 * and a disagreement caused by a layer only ours evaluated is explained as such (see {@link Comparison}).
 */
public final class AwsSimulation {
    private final IamClient iam;

    public AwsSimulation(IamClient iam) {
        this.iam = Objects.requireNonNull(iam, "iam");
    }

    /**
     * Opens an IAM client from connection options (profile, region, endpoint override, credentials; a
     * {@code LiveOptions} is one), compares, and closes the client again.
     */
    public static Comparison compare(Decision ours, AwsConnection options) {
        Objects.requireNonNull(options, "options");
        try (AwsClients clients = new AwsClients(options)) {
            return new AwsSimulation(clients.iam()).compare(ours);
        }
    }

    /**
     * Calls SimulatePrincipalPolicy for the decision's request (every page) and compares.
     *
     * @throws InvalidInputException when the principal is not a user, role or role session of an account
     * @throws SourceUnavailableException when AWS refuses or cannot be reached (the message names the principal)
     */
    public Comparison compare(Decision ours) {
        Objects.requireNonNull(ours, "decision");
        SimulatePrincipalPolicyRequest call = requestFor(ours.request());
        List<EvaluationResult> results = new ArrayList<>();
        try {
            for (SimulatePrincipalPolicyResponse page : iam.simulatePrincipalPolicyPaginator(call)) {
                results.addAll(page.evaluationResults());
            }
        } catch (IamException e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new SourceUnavailableException("SimulatePrincipalPolicy for " + call.policySourceArn() + " failed: "
                    + code + " " + message, e);
        } catch (SdkException e) {
            throw new SourceUnavailableException("SimulatePrincipalPolicy for " + call.policySourceArn()
                    + " could not reach IAM: " + e.getMessage(), e);
        }
        EvaluationResult result = pick(results, ours.request(), call.policySourceArn());
        return Comparison.of(ours, awsVerdict(call.policySourceArn(), result));
    }

    /** The SimulatePrincipalPolicy call that {@link #compare(Decision)} makes for this request (to show or log it). */
    public static SimulatePrincipalPolicyRequest requestFor(Request request) {
        return SimulatePrincipalPolicyRequest.builder()
                .policySourceArn(policySourceArn(request.principal()))
                .actionNames(request.action())
                .resourceArns(request.resource())
                .contextEntries(contextEntries(request))
                .build();
    }

    /**
     * The entity whose policies AWS simulates: a user's ARN, or the role's ARN for a role or a session of it.
     *
     * @throws InvalidInputException for other principals (root, services, federated and anonymous callers)
     */
    public static String policySourceArn(RequestPrincipal p) {
        return switch (p.type()) {
            case USER -> p.arn();
            case ROLE, ASSUMED_ROLE -> {
                if (p.roleArn().isEmpty()) {
                    throw new InvalidInputException("the session " + p.arn() + " names no role ARN to simulate");
                }
                yield p.roleArn();
            }
            default -> throw new InvalidInputException("AWS's SimulatePrincipalPolicy simulates an IAM user, group "
                    + "or role; the " + p.label() + " is none of these, so there is nothing to compare with");
        };
    }

    /** The request's context keys as ContextEntries, plus the request's time as aws:CurrentTime/aws:EpochTime. */
    static List<ContextEntry> contextEntries(Request request) {
        List<ContextEntry> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : request.context().entrySet()) {
            if (!e.getValue().isEmpty()) {   // AWS has no way to say "present with no values"
                out.add(entry(e.getKey(), e.getValue()));
            }
        }
        request.time().ifPresent(t -> {
            if (!request.context().containsKey("aws:CurrentTime")) {
                out.add(entry("aws:CurrentTime", List.of(DateTimeFormatter.ISO_INSTANT.format(t))));
            }
            if (!request.context().containsKey("aws:EpochTime")) {
                out.add(entry("aws:EpochTime", List.of(Long.toString(t.getEpochSecond()))));
            }
        });
        return out;
    }

    private static ContextEntry entry(String key, List<String> values) {
        return ContextEntry.builder().contextKeyName(key).contextKeyType(contextKeyType(key, values))
                .contextKeyValues(values).build();
    }

    // ---- context key types ------------------------------------------------------------------------------

    /** Global keys whose type AWS documents (AWS global condition context keys); the shape of a value can mislead. */
    private static final Map<String, String> KNOWN_TYPES = Map.ofEntries(
            Map.entry("aws:securetransport", "boolean"), Map.entry("aws:multifactorauthpresent", "boolean"),
            Map.entry("aws:viaawsservice", "boolean"), Map.entry("aws:principalisawsservice", "boolean"),
            Map.entry("aws:multifactorauthage", "numeric"), Map.entry("aws:epochtime", "numeric"),
            Map.entry("aws:currenttime", "date"), Map.entry("aws:tokenissuetime", "date"),
            Map.entry("aws:sourceip", "ip"), Map.entry("aws:vpcsourceip", "ip"),
            Map.entry("aws:sourceaccount", "string"), Map.entry("aws:principalaccount", "string"),
            Map.entry("aws:resourceaccount", "string"), Map.entry("aws:sourceowner", "string"),
            Map.entry("aws:principalorgid", "string"), Map.entry("aws:resourceorgid", "string"),
            Map.entry("aws:userid", "string"), Map.entry("aws:username", "string"));

    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,11}(\\.\\d+)?");   // 12 digits is an account id
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}(/\\d{1,3})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    /**
     * The ContextKeyType for a key: the documented type of a known global key, else guessed from the values
     * (all booleans, all IP addresses or CIDRs, all ISO-8601 dates, all numbers short of an account id's twelve
     * digits, else strings); a list type when there are several values.
     */
    public static ContextKeyTypeEnum contextKeyType(String key, List<String> values) {
        String base = KNOWN_TYPES.get(key.toLowerCase(Locale.ROOT));
        if (base == null) {
            base = guess(values);
        }
        String type = values.size() > 1 ? base + "List" : base;
        return ContextKeyTypeEnum.fromValue(type);
    }

    private static String guess(List<String> values) {
        if (values.isEmpty()) {
            return "string";
        }
        if (all(values, BOOLEAN)) {
            return "boolean";
        }
        if (all(values, IPV4) || all(values, IPV6)) {
            return "ip";
        }
        if (all(values, DATE)) {
            return "date";
        }
        if (all(values, NUMBER)) {
            return "numeric";
        }
        return "string";
    }

    private static boolean all(List<String> values, Pattern p) {
        return values.stream().allMatch(v -> p.matcher(v.trim()).matches());
    }

    // ---- reading the answer -----------------------------------------------------------------------------

    private static EvaluationResult pick(List<EvaluationResult> results, Request request, String source) {
        for (EvaluationResult r : results) {
            if (request.action().equalsIgnoreCase(r.evalActionName())
                    && (r.evalResourceName() == null || request.resource().equals(r.evalResourceName()))) {
                return r;
            }
        }
        throw new SourceUnavailableException("SimulatePrincipalPolicy for " + source + " answered " + results.size()
                + " result(s), none for " + request.action() + " on " + request.resource());
    }

    private static Comparison.AwsVerdict awsVerdict(String source, EvaluationResult r) {
        String decision = r.evalDecisionAsString();
        List<Comparison.MatchedStatement> matched = r.matchedStatements().stream()
                .map(s -> new Comparison.MatchedStatement(Objects.toString(s.sourcePolicyId(), ""),
                        Objects.toString(s.sourcePolicyTypeAsString(), "")))
                .toList();
        Optional<Boolean> byOrg = Optional.ofNullable(r.organizationsDecisionDetail())
                .map(d -> d.allowedByOrganizations());
        Optional<Boolean> byBoundary = Optional.ofNullable(r.permissionsBoundaryDecisionDetail())
                .map(d -> d.allowedByPermissionsBoundary());
        return new Comparison.AwsVerdict(source, r.evalActionName(), Objects.toString(r.evalResourceName(), ""),
                decision, verdictOf(decision), matched, r.missingContextValues(), byOrg, byBoundary);
    }

    /** AWS's EvalDecision (allowed, explicitDeny, implicitDeny) as our {@link Verdict}. */
    static Verdict verdictOf(String evalDecision) {
        return switch (Objects.toString(evalDecision, "")) {
            case "allowed" -> Verdict.ALLOW;
            case "explicitDeny" -> Verdict.EXPLICIT_DENY;
            case "implicitDeny" -> Verdict.IMPLICIT_DENY;
            default -> throw new SourceUnavailableException("SimulatePrincipalPolicy answered an EvalDecision this "
                    + "library does not know: \"" + evalDecision + "\"");
        };
    }
}
