package iamnb.org;

import iamnb.policy.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One role-chaining path: a start principal, then each role assumed in turn, every hop decided again by the engine
 * with both accounts' snapshots whole ({@link Hop#decision()}), the caller of a chained hop being the session of the
 * role before.
 */
public final class RolePath {
    /**
     * One hop: the edge and the engine's decision for it.
     *
     * @param caller who calls AssumeRole: the start principal, or the session of the previous role
     */
    public record Hop(String caller, TrustEdge edge, Decision decision) {
        public Hop {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(decision, "decision");
        }
    }

    private final int id;
    private final List<Hop> hops;

    RolePath(int id, List<Hop> hops) {
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one hop");
        }
        this.id = id;
        this.hops = List.copyOf(hops);
    }

    public int id() {
        return id;
    }

    public List<Hop> hops() {
        return hops;
    }

    public Hop hop(int index) {
        return hops.get(index);
    }

    /** The node the path starts from: a user's or role's ARN, or an outside caller (account, service, "*"). */
    public String start() {
        return hops.get(0).edge().fromPrincipal();
    }

    public NodeKind startKind() {
        return hops.get(0).edge().fromKind();
    }

    /** The role the path ends at. */
    public String end() {
        return hops.get(hops.size() - 1).edge().toRole();
    }

    /** Whether the engine, with both sides whole, allows every hop (with the context each edge requires). */
    public boolean verified() {
        return hops.stream().allMatch(h -> h.decision().allowed());
    }

    /** The hops as one line: {@code alice → deploy → admin}. */
    public String hopList() {
        List<String> names = new ArrayList<>();
        names.add(shortName(start()));
        hops.forEach(h -> names.add(shortName(h.edge().toRole())));
        return String.join(" → ", names);
    }

    private static String shortName(String arn) {
        int slash = arn.lastIndexOf('/');
        String account = iamnb.internal.Arns.account(arn);
        return (slash < 0 ? arn : arn.substring(slash + 1)) + (account.isEmpty() ? "" : " (" + account + ")");
    }

    /** Each hop: its verdict, the statements that decided it, and what the caller had to send. */
    public String explain() {
        StringBuilder out = new StringBuilder("Path " + id + ": " + hopList() + " — " + hops.size()
                + (hops.size() == 1 ? " hop" : " hops") + (verified() ? ", every hop allowed by the policy engine"
                : ", NOT every hop is allowed when decided again with both accounts whole") + "\n");
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            TrustEdge e = h.edge();
            Decision d = h.decision();
            out.append("\nHop ").append(i + 1).append(": ").append(h.caller()).append(" → ").append(e.toRole())
                    .append("\n  ").append(d.verdict()).append(": ").append(d.summary());
            d.decidingStatement().ifPresent(s -> out.append("\n  deciding statement: ").append(s.policyName())
                    .append(", statement ").append(s.label()).append(" (").append(s.layerName()).append(")"));
            d.supportingStatement().ifPresent(s -> out.append("\n  and: ").append(s.policyName())
                    .append(", statement ").append(s.label()).append(" (").append(s.layerName()).append(")"));
            out.append("\n  trust names the caller by ").append(e.via());
            if (!e.externalIds().isEmpty()) {
                out.append("; requires external id ").append(String.join(" or ", e.externalIds()));
            }
            if (e.mfa()) {
                out.append("; requires MFA");
            }
            if (e.sourceIdentity()) {
                out.append("; tests sts:SourceIdentity");
            }
            if (!e.conditions().isEmpty()) {
                out.append("\n  conditions: ").append(String.join("; ", e.conditions()));
            }
        }
        return out.toString();
    }

    /** Plain text: the explanation. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", explain());
        bundle.put("text/html", "<pre>" + iamnb.internal.Html.escape(explain()) + "</pre>");
        return bundle;
    }

    @Override
    public String toString() {
        return "path " + id + ": " + hopList();
    }
}
