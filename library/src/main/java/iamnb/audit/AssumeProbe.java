package iamnb.audit;

import iamnb.model.PolicyDocument;
import iamnb.policy.AccountSimulator;
import iamnb.policy.Decision;
import iamnb.policy.Layers;
import iamnb.policy.PolicyEvaluator;
import iamnb.policy.Request;
import java.util.Map;

/**
 * Simulates a request whose caller's own identity policies are not the question (a probe principal, another
 * account's role): the account's layers for the request — trust policy, SCPs, RCPs, resource policy — plus an
 * identity policy assumed to allow, so that the decision shows what the resource side lets in.
 */
final class AssumeProbe {
    static final PolicyDocument ALLOW_ALL = PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private AssumeProbe() {}

    static Decision evaluate(AccountSimulator sim, Request request) {
        Request prepared = sim.prepare(request);
        Layers layers = sim.layersFor(prepared).toBuilder()
                .identity("(assumed) the caller's own policies allow it", ALLOW_ALL).build();
        return PolicyEvaluator.evaluate(prepared, layers);
    }

    static Decision evaluate(AccountSimulator sim, Request.Builder request, Map<String, String> context) {
        context.forEach(request::context);
        return evaluate(sim, request.build());
    }
}
