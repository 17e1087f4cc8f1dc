package iamnb.policy;

import static iamnb.internal.Html.escape;

import iamnb.catalog.Catalog;
import iamnb.model.PolicyLint;
import iamnb.internal.SafeMarkup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a {@link Decision} into words: which layer decided and why, what the other layers would have done, which
 * statements nearly matched, and what to change. Renders plain text, Markdown and escaped HTML.
 */
final class Explainer {
    private static final int MAX_NEAR_MISSES = 6;

    record Text(String summary, String fix) {}

    private Explainer() {}

    static Text explain(Decision d) {
        Request r = d.request();
        String on = r.action() + " on " + r.resource();
        LayerResult layer = d.decidingLayerResult();
        StatementMatch st = d.decidingStatement().orElse(null);
        StatementMatch support = d.supportingStatement().orElse(null);
        String who = r.principal().label();
        String kindTitle = d.layers().resourcePolicyKind().title();
        String resName = d.layers().resourcePolicy().map(NamedPolicy::name).orElse("");
        // "the role trust policy trust policy of x" read twice; name it once: "the trust policy of x"
        String resLabel = resourcePolicyLabel(d.layers().resourcePolicyKind(), resName);
        String summary;
        String fix;
        switch (d.basis()) {
            case EXPLICIT_DENY:
                summary = "Explicitly denied: " + st.title() + where(layer) + " denies " + on + ".";
                fix = "Fix: an explicit deny overrides every allow, so change " + st.title()
                        + " (its Action, Resource, Principal or Condition) so that it no longer matches this request.";
                break;
            case RCP_SILENT:
                summary = "Denied: no RCP at " + level(layer) + " allows " + on
                        + "; RCPs at every level from the root to the resource's account must allow.";
                fix = "Fix: attach an RCP allowing " + r.action() + " at " + level(layer)
                        + " (RCPFullAWSAccess allows everything).";
                break;
            case SCP_SILENT:
                summary = "Denied: no SCP at " + level(layer) + " allows " + on
                        + "; SCPs at every level from the root to the account must allow.";
                fix = "Fix: attach an SCP allowing " + r.action() + " at " + level(layer)
                        + " (FullAWSAccess allows everything), or move the account under an OU whose SCPs allow it.";
                break;
            case IDENTITY_SILENT:
                summary = "Denied: no identity policy allows " + on + "."
                        + (d.layers().resourcePolicy().isPresent()
                        ? " The " + resLabel + " does not grant it either." : "");
                fix = "Fix: add an Allow for " + r.action() + " on " + r.resource() + " to the " + who
                        + "'s identity policies.";
                break;
            case BOUNDARY_SILENT:
                summary = "Denied: " + support.title() + " allows " + on + ", but the permissions boundary "
                        + boundaryName(d) + " does not; a boundary caps what identity policies grant.";
                fix = "Fix: add " + r.action() + " to the permissions boundary " + boundaryName(d)
                        + ", or remove the boundary from the " + who + ".";
                break;
            case SESSION_SILENT:
                summary = "Denied: the identity policies allow " + on + " (" + support.title()
                        + "), but the session policy does not; a session gets only what both allow.";
                fix = "Fix: create the session with a session policy that allows " + r.action() + ", or with none.";
                break;
            case CROSS_ACCOUNT_RESOURCE_SILENT:
                summary = "Denied: the request crosses accounts (" + accountOr(r.principal().account())
                        + " → " + r.resourceAccount() + "), so the resource's account must allow it too, and "
                        + (resName.isEmpty() ? "no resource-based policy was given."
                        : "the " + resLabel + " does not allow it.");
                fix = "Fix: add a statement to the " + kindTitle + " in account " + r.resourceAccount()
                        + " allowing " + r.action() + " for Principal " + principalToName(r.principal())
                        + "; the principal's identity policies must allow it as well.";
                break;
            case CROSS_ACCOUNT_IDENTITY_SILENT:
                summary = "Denied: the " + resLabel + " allows " + on
                        + ", but in a cross-account request the principal's own account must allow it too, and "
                        + identitySide(d) + ".";
                fix = identityFix(d);
                break;
            case MUST_ALLOW_SILENT:
                summary = "Denied: the " + resLabel + " does not allow the " + who + " to "
                        + r.action() + "; a " + kindTitle + " must allow the principal itself, whatever IAM policies say.";
                fix = d.layers().resourcePolicyKind() == ResourcePolicyKind.ROLE_TRUST
                        ? "Fix: add " + principalToName(r.principal()) + " (or its account) to the Principal of a "
                        + "trust policy statement allowing " + r.action() + ", with conditions the caller meets."
                        : "Fix: add a key policy statement allowing " + r.action() + " for "
                        + principalToName(r.principal()) + ", or for the account to delegate to IAM policies.";
                break;
            case DELEGATED_IDENTITY_SILENT:
                summary = "Denied: the " + resLabel + " names the account "
                        + r.principal().account() + ", which delegates to IAM policies, and no identity policy of the "
                        + who + " allows " + on + ".";
                fix = "Fix: add an Allow for " + r.action() + " on " + r.resource() + " to the " + who
                        + "'s identity policies, or name the principal itself in the " + kindTitle + ".";
                break;
            case RESOURCE_ONLY_SILENT:
                summary = "Denied: a " + who + " gets access only through a resource-based policy, and "
                        + (resName.isEmpty() ? "none was given." : "the " + resLabel + " does not allow " + on + ".");
                fix = "Fix: add a statement to the " + kindTitle + " allowing " + r.action() + " for "
                        + principalToName(r.principal()) + ".";
                break;
            case ROOT_CANNOT_ASSUME_ROLE:
                summary = "Denied: the root user cannot call " + r.action()
                        + "; AWS STS accepts only IAM user or role credentials for it.";
                fix = "Fix: sign in as an IAM user or role that the role's trust policy allows.";
                break;
            case ALLOW_IDENTITY:
                summary = "Allowed by " + st.title() + ".";
                fix = "";
                break;
            case ALLOW_RESOURCE:
                summary = "Allowed by " + st.title() + st.principalMatch().map(m -> " (" + m.description() + ")").orElse("")
                        + ".";
                fix = "";
                break;
            case ALLOW_ROOT:
                summary = "Allowed: the root user has full access to the resources of its own account.";
                fix = "";
                break;
            case ALLOW_ALWAYS:
                summary = "Allowed: " + r.action() + " needs no permission; AWS allows it to any signed request, even "
                        + "when a policy denies it explicitly (AWS STS API Reference › GetCallerIdentity).";
                fix = "";
                break;
            case SERVICE_RULE: {
                ServiceRule rule = ServiceRule.refusing(r).orElseThrow();
                summary = "Denied whatever the policies say: " + rule.why() + " (" + rule.citation() + ").";
                fix = "Fix: no policy can allow " + on + "; " + rule.instead() + ".";
                break;
            }
            case VPC_ENDPOINT_SILENT:
                summary = "Denied: the request came through VPC endpoint "
                        + String.join(", ", r.contextValues("aws:SourceVpce")) + ", and its policy "
                        + d.layers().vpcEndpointPolicy().map(NamedPolicy::name).orElse("") + " does not allow " + on
                        + "; a request through an endpoint needs the endpoint policy's Allow as well.";
                fix = "Fix: add a statement allowing " + r.action() + " on " + r.resource() + " to the endpoint's "
                        + "policy, or send the request by another route.";
                break;
            case ALLOW_CROSS_ACCOUNT:
            default:
                summary = "Allowed: " + st.title() + " and " + support.title()
                        + " both allow this cross-account request.";
                fix = "";
                break;
        }
        return new Text(summary, fix);
    }

    /**
     * The fix an expert would make: the first verified change of {@link Decision#whatWouldAllow()}; when none was
     * found (or AWS refuses whatever the policies say), the deciding layer's advice in words.
     */
    static String fix(Decision d, Text t) {
        if (d.allowed() || d.basis() == Basis.SERVICE_RULE) {
            return t.fix();
        }
        return d.whatWouldAllow().best().map(c -> "Fix: " + c.sentence() + ".").orElse(t.fix());
    }

    /** "trust policy of x" when the name says what it is, else "role trust policy x". */
    static String resourcePolicyLabel(ResourcePolicyKind kind, String name) {
        return name.toLowerCase(java.util.Locale.ROOT).contains("policy") ? name : kind.title() + " " + name;
    }

    // ---- discovery and "what would allow this" sections (plain, Markdown, HTML) ----

    /** "Depends on K1, K2: with ... ALLOW" for a request in discovery mode whose answer hangs on unknown keys. */
    static Optional<String> discovery(Decision d) {
        if (!d.request().unknownContext()) {
            return Optional.empty();
        }
        List<ContextDependency> deps = d.dependsOn();
        if (deps.isEmpty()) {
            return Optional.of("Context the request does not give does not change this answer (discovery mode).");
        }
        StringBuilder b = new StringBuilder("Depends on ").append(String.join(", ", ContextDiscovery.keys(deps)))
                .append(": ").append(d.verdict()).append(" with these keys absent; ");
        for (int i = 0; i < deps.size(); i++) {
            b.append(i == 0 ? "" : "; ").append(deps.get(i).sentence());
        }
        return Optional.of(b.append('.').toString());
    }

    private static Optional<WhatWouldAllow> allowing(Decision d) {
        return d.allowed() ? Optional.empty() : Optional.of(d.whatWouldAllow());
    }

    private static String where(LayerResult layer) {
        return layer.kind() == LayerKind.SCP || layer.kind() == LayerKind.RCP ? " (" + layer.name() + ")" : "";
    }

    private static String level(LayerResult layer) {
        String n = layer.name();
        int at = n.indexOf(" at ");
        return at < 0 ? n : n.substring(at + 4);
    }

    private static String boundaryName(Decision d) {
        return d.layers().boundary().map(NamedPolicy::name).orElse("(none)");
    }

    private static String accountOr(String account) {
        return account.isEmpty() ? "(unknown account)" : account;
    }

    /** What to put in a Principal element to name this principal. */
    private static String principalToName(RequestPrincipal p) {
        return switch (p.type()) {
            case ASSUMED_ROLE, ROLE -> p.roleArn();
            case ANONYMOUS -> "\"*\"";
            default -> p.arn();
        };
    }

    private static String identitySide(Decision d) {
        if (d.outcome(LayerKind.IDENTITY) != LayerOutcome.ALLOW) {
            return "no identity policy allows it";
        }
        if (d.outcome(LayerKind.PERMISSIONS_BOUNDARY) == LayerOutcome.SILENT) {
            return "the permissions boundary " + boundaryName(d) + " does not allow it";
        }
        return "the session policy does not allow it";
    }

    private static String identityFix(Decision d) {
        Request r = d.request();
        if (d.outcome(LayerKind.IDENTITY) != LayerOutcome.ALLOW) {
            return "Fix: add an Allow for " + r.action() + " on " + r.resource() + " to the "
                    + r.principal().label() + "'s identity policies.";
        }
        if (d.outcome(LayerKind.PERMISSIONS_BOUNDARY) == LayerOutcome.SILENT) {
            return "Fix: add " + r.action() + " to the permissions boundary " + boundaryName(d) + ".";
        }
        return "Fix: create the session with a session policy that allows " + r.action() + ", or with none.";
    }

    /** Layers that would allow, and statements that nearly matched. */
    static List<String> notes(Decision d) {
        List<String> notes = new ArrayList<>(d.layers().notes());
        if (d.verdict() != Verdict.ALLOW) {
            for (LayerResult l : d.layerResults()) {
                if (l.outcome() != LayerOutcome.ALLOW || l == d.decidingLayerResult()
                        || l.kind() == LayerKind.SCP || l.kind() == LayerKind.RCP) {
                    continue;
                }
                StatementMatch s = l.allows().get(0);
                String name = l.kind() == LayerKind.IDENTITY ? "identity policy " + s.policyName()
                        : l.kind() == LayerKind.RESOURCE_POLICY ? "the " + l.name() + " " + s.policyName()
                        : "the " + l.kind().singular() + " " + s.policyName();
                notes.add(capitalize(name) + " would allow it (statement " + s.label() + ").");
            }
        }
        int shown = 0;
        for (LayerResult l : d.layerResults()) {
            boolean relevant = l == d.decidingLayerResult()
                    || (d.verdict() != Verdict.ALLOW && l.outcome() == LayerOutcome.SILENT);
            if (!relevant) {
                continue;
            }
            for (StatementMatch s : l.nearMisses()) {
                if (shown++ >= MAX_NEAR_MISSES) {
                    break;
                }
                notes.add(capitalize(s.title()) + " (" + s.effect().json() + ") matches the action, but " + s.why() + ".");
            }
        }
        d.decidingStatement().ifPresent(s -> {
            if (!s.conditions().isEmpty()) {
                notes.add(capitalize(s.title()) + " applies because " + s.why().replaceFirst("^it ", "it ") + ".");
            }
        });
        return notes;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String headline(Decision d) {
        return switch (d.verdict()) {
            case ALLOW -> "ALLOW";
            case EXPLICIT_DENY -> "EXPLICIT DENY";
            case IMPLICIT_DENY -> "IMPLICIT DENY";
        };
    }

    /**
     * "Unknown action: ..." when the request names an action AWS's Service Authorization Reference does not list
     * (a typo gives a silent implicit deny otherwise), citing the catalogue's version; else empty.
     */
    static Optional<String> unknownAction(Decision d) {
        return PolicyLint.unknownAction(d.request().action())
                .map(problem -> "Unknown action: " + problem + " (AWS service catalogue " + Catalog.aws().version() + ").");
    }

    private static String request(Decision d) {
        Request r = d.request();
        return r.principal().arn() + " → " + r.action() + " on " + r.resource();
    }

    private static String layerLine(LayerResult l) {
        String detail = layerDetail(l);
        return l.name() + ": " + l.outcome().lowerCase() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }

    /** The layer's note, or which policies it held when none of their statements matched the action. */
    private static String layerDetail(LayerResult l) {
        if (!l.note().isEmpty()) {
            return l.note();
        }
        if (l.policyNames().isEmpty() && l.applies()) {
            return "no policies";
        }
        if (l.statements().isEmpty() && !l.policyNames().isEmpty()) {
            return "no statement of " + String.join(", ", l.policyNames()) + " matches the action";
        }
        return "";
    }

    private static String statementLine(StatementMatch s) {
        return s.effect().json() + " " + s.policyName() + " / " + s.label() + ": "
                + (s.applies() ? "applies — " : "does not apply — ") + s.why();
    }

    static String plain(Decision d, Text t, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append(headline(d)).append("  ").append(request(d)).append('\n');
        unknownAction(d).ifPresent(u -> b.append(u).append('\n'));
        discovery(d).ifPresent(u -> b.append(u).append('\n'));
        b.append(t.summary()).append('\n');
        for (String n : notes) {
            b.append(n).append('\n');
        }
        if (!d.fix().isEmpty()) {
            b.append(d.fix()).append('\n');
        }
        allowing(d).ifPresent(w -> b.append(w));
        b.append("Layers:\n");
        for (LayerResult l : d.layerResults()) {
            b.append("  ").append(layerLine(l)).append('\n');
            for (StatementMatch s : l.statements()) {
                b.append("    ").append(statementLine(s)).append('\n');
            }
        }
        return b.toString();
    }

    static String markdown(Decision d, Text t, List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(headline(d)).append("** `").append(md(request(d))).append("`\n\n");
        unknownAction(d).ifPresent(u -> b.append("**").append(md(u)).append("**\n\n"));
        discovery(d).ifPresent(u -> b.append("**").append(md(u)).append("**\n\n"));
        b.append(md(t.summary())).append("\n\n");
        for (String n : notes) {
            b.append("- ").append(md(n)).append('\n');
        }
        if (!notes.isEmpty()) {
            b.append('\n');
        }
        if (!d.fix().isEmpty()) {
            b.append("**").append(md(d.fix())).append("**\n\n");
        }
        allowing(d).ifPresent(w -> b.append(w.toMarkdown()));
        b.append("| Layer | Outcome | Statements |\n|---|---|---|\n");
        for (LayerResult l : d.layerResults()) {
            StringBuilder cell = new StringBuilder(md(layerDetail(l)));
            for (StatementMatch s : l.statements()) {
                if (cell.length() > 0) {
                    cell.append("<br>");
                }
                cell.append(md(statementLine(s)));
            }
            b.append("| ").append(md(l.name())).append(" | ").append(l.outcome().lowerCase()).append(" | ")
                    .append(cell).append(" |\n");
        }
        return b.toString();
    }

    static String html(Decision d, Text t, List<String> notes) {
        String badge = switch (d.verdict()) {
            case ALLOW -> SafeMarkup.badge(headline(d), "#1a7f37", SafeMarkup.Tone.SUCCESS);
            case EXPLICIT_DENY -> SafeMarkup.badge(headline(d), "#cf222e", SafeMarkup.Tone.DANGER);
            case IMPLICIT_DENY -> SafeMarkup.badge(headline(d), "#9a6700", SafeMarkup.Tone.WARNING);
        };
        StringBuilder b = new StringBuilder("<div class=\"iamnb-decision\">");
        b.append("<p>").append(badge).append(" <code>").append(escape(request(d))).append("</code></p>");
        unknownAction(d).ifPresent(u -> b.append("<p><strong>").append(escape(u)).append("</strong></p>"));
        discovery(d).ifPresent(u -> b.append("<p><strong>").append(escape(u)).append("</strong></p>"));
        b.append("<p>").append(escape(t.summary())).append("</p>");
        if (!notes.isEmpty()) {
            b.append("<ul>");
            for (String n : notes) {
                b.append("<li>").append(escape(n)).append("</li>");
            }
            b.append("</ul>");
        }
        if (!d.fix().isEmpty()) {
            b.append("<p><strong>").append(escape(d.fix())).append("</strong></p>");
        }
        allowing(d).ifPresent(w -> b.append(w.toHtml()));
        // Every column is text: left-aligned, with the statements column kept wide (see SafeMarkup).
        String td = "<td valign=\"top\" style=\"text-align:left;vertical-align:top\">";
        b.append("<table><thead><tr><th style=\"text-align:left\">").append(SafeMarkup.left("Layer"))
                .append("</th><th style=\"text-align:left\">").append(SafeMarkup.left("Outcome"))
                .append("</th><th").append(SafeMarkup.textColumnWidth()).append(" style=\"text-align:left\">")
                .append(SafeMarkup.left("Statements")).append("</th></tr></thead><tbody>");
        for (LayerResult l : d.layerResults()) {
            StringBuilder statements = new StringBuilder(escape(layerDetail(l)));
            for (StatementMatch s : l.statements()) {
                statements.append("<div>").append(escape(statementLine(s))).append("</div>");
            }
            b.append("<tr>").append(td).append(SafeMarkup.left(escape(l.name()))).append("</td>")
                    .append(td).append(SafeMarkup.left(escape(l.outcome().lowerCase()))).append("</td>")
                    .append(td).append(SafeMarkup.left(statements.toString())).append("</td></tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    /** Escapes the characters Markdown would read as markup (and HTML inside Markdown). */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
