package iamnb.org;

import iamnb.audit.Check;
import iamnb.audit.Finding;
import iamnb.model.OrgAccount;
import iamnb.model.OrgPolicy;
import iamnb.model.OrgUnit;
import iamnb.model.Organization;
import iamnb.model.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which accounts miss the deny guardrails the organization applies elsewhere, from the organization's structure
 * alone (no account is loaded).
 *
 * <p>Definitions, so that every finding can be checked by hand:
 * <ul>
 *   <li>A <b>guardrail</b> is an SCP with at least one {@code Deny} statement ({@code FullAWSAccess}, which only
 *       allows, is none).
 *   <li>An account is <b>under</b> a guardrail when the SCP is attached to the root, to an OU on the account's
 *       path, or to the account itself.
 *   <li>Only <b>active</b> accounts count (status {@code ACTIVE}, or no status recorded), and never the management
 *       account: SCPs do not apply to it, whatever is attached.
 * </ul>
 * Two checks follow:
 * <ol>
 *   <li>{@code ORG-SCP-NO-GUARDRAIL} (high): an active account under no guardrail at all, while at least one other
 *       active account is under one. The finding names the guardrails the others have and where they are attached.
 *   <li>{@code ORG-SCP-GAP} (medium): a guardrail attached directly to at least two children of the same parent
 *       (OUs or accounts beside each other, each holding active accounts) but not to a third child, nor to the
 *       parent or above; each active account under that third child that is not under the guardrail some other
 *       way is named, with the siblings that have it. One sibling alone is no pattern (an OU-specific policy), so
 *       it is not reported. An account already reported as having no guardrail is not reported again.
 * </ol>
 */
public final class ScpCoverage {
    private final Organization org;
    private final List<OrgPolicy> guardrails;

    public ScpCoverage(Organization org) {
        this.org = org;
        this.guardrails = org.policies().stream().filter(p -> p.type().equals(OrgPolicy.SCP))
                .filter(p -> p.document().statements().stream().anyMatch(Statement::isDeny)).toList();
    }

    /** The SCPs with a Deny statement. */
    public List<OrgPolicy> guardrails() {
        return guardrails;
    }

    /** The findings, per account id (accounts without findings are absent), in account id order. */
    public Map<String, List<Finding>> findingsByAccount() {
        Map<String, List<Finding>> out = new TreeMap<>();
        List<OrgAccount> active = org.accounts().stream().filter(this::counts).toList();
        Map<String, Set<String>> under = new LinkedHashMap<>();
        for (OrgAccount a : active) {
            under.put(a.id(), guardrailsOver(a));
        }
        boolean anyGuarded = under.values().stream().anyMatch(s -> !s.isEmpty());
        if (!anyGuarded) {
            return out;
        }
        for (OrgAccount a : active) {
            if (under.get(a.id()).isEmpty()) {
                out.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(noGuardrail(a));
            }
        }
        for (OrgUnit parent : org.units()) {
            for (OrgPolicy g : guardrails) {
                if (attachedOnPathOf(parent, g)) {
                    continue;
                }
                List<String> children = childrenWithActiveAccounts(parent.id());
                List<String> with = children.stream().filter(c -> attachedTo(c).contains(g.id())).toList();
                if (with.size() < 2 || with.size() == children.size()) {
                    continue;
                }
                for (String child : children) {
                    if (with.contains(child)) {
                        continue;
                    }
                    for (OrgAccount a : activeAccountsUnder(child)) {
                        if (under.get(a.id()).isEmpty() || under.get(a.id()).contains(g.id())) {
                            continue;
                        }
                        out.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(gap(a, g, parent, child, with));
                    }
                }
            }
        }
        return out;
    }

    private Finding noGuardrail(OrgAccount a) {
        List<String> others = new ArrayList<>();
        for (OrgPolicy g : guardrails) {
            List<String> where = attachments(g);
            if (!where.isEmpty()) {
                others.add(g.name() + " (" + g.id() + ", attached to " + String.join(", ", where) + ")");
            }
        }
        return new Finding(Check.ORG_SCP_NO_GUARDRAIL.severity(), "account", label(a), Check.ORG_SCP_NO_GUARDRAIL.id(),
                "no SCP with a Deny applies to account " + a.id() + " (" + path(a) + "): only allow-lists such as "
                        + "FullAWSAccess stand between its principals and every action, while other accounts of the "
                        + "organization have deny guardrails",
                "SCPs on its path " + path(a) + ": " + scpNamesOnPath(a) + ". Deny guardrails elsewhere: "
                        + String.join("; ", others),
                "Attach the organization's guardrail SCPs (" + String.join(", ", guardrails.stream()
                        .map(OrgPolicy::name).toList()) + ") to this account's OU, or move the account into an OU "
                        + "that has them; if it is exempt on purpose, record why.");
    }

    private Finding gap(OrgAccount a, OrgPolicy g, OrgUnit parent, String child, List<String> with) {
        List<String> siblings = with.stream().map(this::nodeLabel).toList();
        return new Finding(Check.ORG_SCP_GAP.severity(), "account", label(a), Check.ORG_SCP_GAP.id(),
                "account " + a.id() + " (" + path(a) + ") is not under guardrail SCP " + g.name()
                        + ", which the organization attaches to " + siblings.size() + " of its neighbours under "
                        + nodeLabel(parent.id()),
                g.name() + " (" + g.id() + ") is attached to " + String.join(", ", siblings) + " but not to "
                        + nodeLabel(child) + " nor above it; denies it carries: " + denySummary(g)
                        + ". SCPs on the account's path: " + scpNamesOnPath(a),
                "Attach " + g.name() + " to " + nodeLabel(child) + " (or to " + nodeLabel(parent.id())
                        + " to cover every child), unless " + nodeLabel(child) + " is exempt on purpose.");
    }

    private boolean counts(OrgAccount a) {
        boolean active = a.status().isEmpty() || a.status().equals("ACTIVE");
        return active && !a.id().equals(org.managementAccountId());
    }

    /** Ids of the guardrails attached on the account's path, root to account. */
    private Set<String> guardrailsOver(OrgAccount a) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<OrgPolicy> level : org.scpLevelsFor(a.id())) {
            for (OrgPolicy p : level) {
                if (guardrails.contains(p)) {
                    ids.add(p.id());
                }
            }
        }
        return ids;
    }

    private boolean attachedOnPathOf(OrgUnit unit, OrgPolicy g) {
        String at = unit.id();
        while (!at.isEmpty()) {
            OrgUnit u = org.unit(at).orElseThrow();
            if (u.policyIds().contains(g.id())) {
                return true;
            }
            at = u.parentId();
        }
        return false;
    }

    /** Child OUs and accounts of a parent that hold at least one counted account. */
    private List<String> childrenWithActiveAccounts(String parentId) {
        List<String> out = new ArrayList<>();
        org.units().stream().filter(u -> u.parentId().equals(parentId)).map(OrgUnit::id)
                .filter(id -> !activeAccountsUnder(id).isEmpty()).forEach(out::add);
        org.accounts().stream().filter(a -> a.parentId().equals(parentId)).filter(this::counts)
                .map(OrgAccount::id).forEach(out::add);
        return out;
    }

    /** The counted accounts in a node's subtree (the account itself, for an account id). */
    private List<OrgAccount> activeAccountsUnder(String nodeId) {
        List<OrgAccount> out = new ArrayList<>();
        for (OrgAccount a : org.accounts()) {
            if (!counts(a)) {
                continue;
            }
            if (a.id().equals(nodeId) || a.parentId().equals(nodeId)
                    || org.pathTo(a.id()).stream().anyMatch(u -> u.id().equals(nodeId))) {
                out.add(a);
            }
        }
        return out;
    }

    private List<String> attachedTo(String nodeId) {
        return org.unit(nodeId).map(OrgUnit::policyIds)
                .orElseGet(() -> org.account(nodeId).map(OrgAccount::policyIds).orElse(List.of()));
    }

    /** Where a policy is attached, as labels: "Root", "OU Prod (ou-...)", "account 1111... (name)". */
    private List<String> attachments(OrgPolicy p) {
        List<String> out = new ArrayList<>();
        org.units().stream().filter(u -> u.policyIds().contains(p.id())).forEach(u -> out.add(nodeLabel(u.id())));
        org.accounts().stream().filter(a -> a.policyIds().contains(p.id())).forEach(a -> out.add(nodeLabel(a.id())));
        return out;
    }

    private String nodeLabel(String nodeId) {
        var unit = org.unit(nodeId);
        if (unit.isPresent()) {
            OrgUnit u = unit.get();
            return u.isRoot() ? "Root" : "OU " + (u.name().isEmpty() ? u.id() : u.name() + " (" + u.id() + ")");
        }
        return org.account(nodeId).map(a -> "account " + label(a)).orElse(nodeId);
    }

    private static String label(OrgAccount a) {
        return a.name().isEmpty() ? a.id() : a.id() + " (" + a.name() + ")";
    }

    private String path(OrgAccount a) {
        List<String> names = new ArrayList<>();
        org.pathTo(a.id()).forEach(u -> names.add(u.isRoot() ? "Root" : u.name().isEmpty() ? u.id() : u.name()));
        return String.join("/", names);
    }

    private String scpNamesOnPath(OrgAccount a) {
        Set<String> names = new LinkedHashSet<>();
        org.scpLevelsFor(a.id()).forEach(level -> level.forEach(p -> names.add(p.name())));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String denySummary(OrgPolicy g) {
        List<String> parts = new ArrayList<>();
        for (Statement s : g.document().statements()) {
            if (s.isDeny()) {
                parts.add(s.label() + " " + (s.notAction() ? "NotAction " : "") + s.actions());
            }
        }
        return String.join("; ", parts);
    }
}
