package iamnb.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates a request whose principal and resource belong to two accounts, each known from its own snapshot: the
 * principal's account gives its identity policies, permissions boundary and the SCP levels of that account; the
 * resource's account gives the resource-based policy (trust policy, bucket policy) and the RCP levels of that
 * account. The evaluator then applies the cross-account rule (both the resource-based policy and the principal's
 * identity policies must allow; Cross-account policy evaluation logic) and the management-account exemptions.
 *
 * <pre>{@code
 * var a = new AccountSimulator(accountA);     // where alice is
 * var b = new AccountSimulator(accountB);     // where the role is
 * CrossAccountSimulator.simulate(a, b, Request.builder()
 *         .principal("arn:aws:iam::111111111111:user/alice")
 *         .action("sts:AssumeRole").resource("arn:aws:iam::222222222222:role/deploy").build());
 * }</pre>
 *
 * <p>When both simulators are of the same account this is {@link AccountSimulator#simulate(Request)}. Pure and
 * thread-safe, like the simulators.
 */
public final class CrossAccountSimulator {
    private CrossAccountSimulator() {}

    /**
     * Simulates the request: resource facts (owner, tags, region, the snapshot's time) come from the resource's
     * account, the principal's id and tags from the principal's account.
     */
    public static Decision simulate(AccountSimulator principalAccount, AccountSimulator resourceAccount,
                                    Request request) {
        Objects.requireNonNull(principalAccount, "principalAccount");
        Objects.requireNonNull(resourceAccount, "resourceAccount");
        Objects.requireNonNull(request, "request");
        String principalId = principalAccount.account().accountId();
        String resourceId = resourceAccount.account().accountId();
        if (principalAccount == resourceAccount || principalId.equals(resourceId)) {
            return principalAccount.simulate(request);
        }
        List<String> assumed = new ArrayList<>();
        Request withResource = request.resourceAccount().isEmpty()
                ? request.toBuilder().resourceAccount(resourceId).build() : request;
        Request prepared = principalAccount.prepare(resourceAccount.prepare(withResource, assumed), new ArrayList<>());
        Layers.Builder b = Layers.builder(principalAccount.cache());
        if (!assumed.isEmpty()) {
            b.note("Assumed for this simulation, as on a real API call: " + String.join(", ", assumed)
                    + "; set these keys in the context to change them.");
        }
        principalAccount.addPrincipalSide(b, prepared.principal());
        resourceAccount.addResourceSide(b, prepared);
        return PolicyEvaluator.evaluate(prepared, b.build());
    }

    /** {@link #simulate(AccountSimulator, AccountSimulator, Request)} for a principal ARN, action and resource. */
    public static Decision simulate(AccountSimulator principalAccount, AccountSimulator resourceAccount,
                                    String principalArn, String action, String resource, Map<String, List<String>> context) {
        return simulate(principalAccount, resourceAccount, Request.builder()
                .principal(principalAccount.principal(principalArn)).action(action).resource(resource)
                .context(context).build());
    }

    /**
     * The layers the principal's own account decides for it — identity policies, boundary, SCP levels, the
     * management-account exemption — with nothing of any resource. {@link Layers#narrowedTo(String)} makes them
     * small enough to keep for many principals, and {@link #evaluate} combines them with a resource's side.
     */
    public static Layers principalSide(AccountSimulator principalAccount, RequestPrincipal principal) {
        Layers.Builder b = Layers.builder(principalAccount.cache());
        principalAccount.addPrincipalSide(b, principal);
        return b.build();
    }

    /**
     * {@link #principalSide(AccountSimulator, RequestPrincipal)} narrowed to one action ({@link Layers#narrowedTo(
     * String, PolicyCache)}), compiling only the statements that can match it, through {@code keep}: the side of
     * each of many principals, kept after the account's simulator is released, for one question.
     */
    public static Layers principalSide(AccountSimulator principalAccount, RequestPrincipal principal, String action,
                                       PolicyCache keep) {
        return principalSideBuilder(principalAccount, principal).buildNarrowedTo(action, keep);
    }

    /**
     * A builder holding the principal's side ({@link #principalSide(AccountSimulator, RequestPrincipal)}), not yet
     * compiled: to look at its identity policies first ({@link Layers.Builder#identityNarrowedTo}) and build it
     * only when needed.
     */
    public static Layers.Builder principalSideBuilder(AccountSimulator principalAccount, RequestPrincipal principal) {
        Layers.Builder b = Layers.builder(principalAccount.cache());
        principalAccount.addPrincipalSide(b, principal);
        return b;
    }

    /**
     * The layers the resource's account decides for requests on it — resource-based policy, RCP levels, the
     * management-account exemption — for the given action (a trust policy takes part only for sts:AssumeRole*).
     */
    public static Layers resourceSide(AccountSimulator resourceAccount, String action, String resource) {
        Request probe = Request.builder().principal(RequestPrincipal.anonymous()).action(action).resource(resource)
                .resourceAccount(resourceAccount.account().accountId()).build();
        Layers.Builder b = Layers.builder(resourceAccount.cache());
        resourceAccount.addResourceSide(b, probe);
        return b.build();
    }

    /** {@link #resourceSide(AccountSimulator, String, String)} narrowed to its action, compiled through {@code keep}. */
    public static Layers resourceSide(AccountSimulator resourceAccount, String action, String resource,
                                      PolicyCache keep) {
        Request probe = Request.builder().principal(RequestPrincipal.anonymous()).action(action).resource(resource)
                .resourceAccount(resourceAccount.account().accountId()).build();
        Layers.Builder b = Layers.builder(resourceAccount.cache());
        resourceAccount.addResourceSide(b, probe);
        return b.buildNarrowedTo(action, keep);
    }

    /**
     * Evaluates a prepared request against a principal's side and a resource's side kept from earlier (see
     * {@link #principalSide} and {@link #resourceSide}): the layers are joined as {@link #simulate} joins them.
     */
    public static Decision evaluate(Request prepared, Layers principalSide, Layers resourceSide) {
        Optional<Layers> joined = Layers.joined(principalSide, resourceSide);
        if (joined.isPresent()) {
            return PolicyEvaluator.evaluate(prepared, joined.get());
        }
        Layers.Builder b = principalSide.toBuilder();
        resourceSide.rcpLevels().forEach(l -> b.rcpLevel(l.name(), l.policies().toArray(NamedPolicy[]::new)));
        resourceSide.resourcePolicy().ifPresent(p -> b.resourcePolicy(p.name(), p.document(),
                resourceSide.resourcePolicyKind()));
        b.resourceInManagementAccount(resourceSide.resourceInManagementAccount());
        resourceSide.notes().forEach(b::note);
        return PolicyEvaluator.evaluate(prepared, b.build());
    }
}
