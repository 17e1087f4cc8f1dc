package iamnb.audit.internal;

import iamnb.model.AccountView;
import iamnb.model.AttachedPolicy;
import iamnb.model.Group;
import iamnb.model.InlinePolicy;
import iamnb.model.ManagedPolicy;
import iamnb.model.PolicyDocument;
import iamnb.model.Role;
import iamnb.model.Statement;
import iamnb.model.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One identity policy in force for a principal, named the way the policy engine names it, and where it comes
 * from (inline, managed, through which group). Not API.
 *
 * @param name the policy name ("AdministratorAccess", "break-fix-2025")
 * @param kind {@code inline}, {@code customer managed} or {@code AWS managed}
 * @param via "" when on the principal itself, else "group NAME"
 * @param arn the managed policy ARN, or "" for inline policies
 * @param document the document in force
 */
public record PolicySource(String name, String kind, String via, String arn, PolicyDocument document) {

    public boolean isInline() {
        return kind.equals("inline");
    }

    public boolean isAwsManaged() {
        return kind.equals("AWS managed");
    }

    /** "policy AdministratorAccess (AWS managed, via group admins)". */
    public String describe() {
        return "policy " + name + " (" + kind + (via.isEmpty() ? "" : ", via " + via) + ")";
    }

    /** "policy AdministratorAccess (AWS managed, via group admins) statement #0 [Allow * on *]". */
    public String describe(Statement s) {
        return describe() + " statement " + s.label() + " [" + StatementText.of(s) + "]";
    }

    public static List<PolicySource> forUser(AccountView acct, User u) {
        List<PolicySource> out = new ArrayList<>();
        u.inlinePolicies().forEach(p -> out.add(inline(p, "")));
        addManaged(acct, u.attachedPolicies(), "", out);
        for (Group g : acct.groupsOf(u)) {
            out.addAll(forGroup(acct, g, "group " + g.name()));
        }
        return out;
    }

    public static List<PolicySource> forRole(AccountView acct, Role r) {
        List<PolicySource> out = new ArrayList<>();
        r.inlinePolicies().forEach(p -> out.add(inline(p, "")));
        addManaged(acct, r.attachedPolicies(), "", out);
        return out;
    }

    public static List<PolicySource> forGroup(AccountView acct, Group g, String via) {
        List<PolicySource> out = new ArrayList<>();
        g.inlinePolicies().forEach(p -> out.add(inline(p, via)));
        addManaged(acct, g.attachedPolicies(), via, out);
        return out;
    }

    private static PolicySource inline(InlinePolicy p, String via) {
        return new PolicySource(p.name(), "inline", via, "", p.document());
    }

    private static void addManaged(AccountView acct, List<AttachedPolicy> attached, String via, List<PolicySource> out) {
        for (ManagedPolicy mp : acct.resolve(attached)) {
            out.add(managed(mp, via));
        }
    }

    public static PolicySource managed(ManagedPolicy mp, String via) {
        return new PolicySource(mp.name(), mp.isAwsManaged() ? "AWS managed" : "customer managed", via, mp.arn(),
                mp.document());
    }

    /**
     * Every identity policy of the account once, with who it is attached to: every managed policy (its default
     * version), and every inline policy of users, groups and roles (owner named in {@code via}).
     */
    public static Map<PolicySource, List<String>> everyIdentityPolicy(AccountView acct) {
        Map<PolicySource, List<String>> out = new LinkedHashMap<>();
        Map<String, List<String>> attachedTo = new LinkedHashMap<>();
        acct.snapshot().users().forEach(u -> u.attachedPolicies().forEach(a ->
                attachedTo.computeIfAbsent(a.arn(), k -> new ArrayList<>()).add("user " + u.name())));
        acct.snapshot().groups().forEach(g -> g.attachedPolicies().forEach(a ->
                attachedTo.computeIfAbsent(a.arn(), k -> new ArrayList<>()).add("group " + g.name())));
        acct.snapshot().roles().forEach(r -> r.attachedPolicies().forEach(a ->
                attachedTo.computeIfAbsent(a.arn(), k -> new ArrayList<>()).add("role " + r.name())));
        for (ManagedPolicy mp : acct.snapshot().policies()) {
            out.put(managed(mp, ""), attachedTo.getOrDefault(mp.arn(), List.of()));
        }
        acct.snapshot().users().forEach(u -> u.inlinePolicies().forEach(p ->
                out.put(inline(p, "user " + u.name()), List.of("user " + u.name()))));
        acct.snapshot().groups().forEach(g -> g.inlinePolicies().forEach(p ->
                out.put(inline(p, "group " + g.name()), List.of("group " + g.name()))));
        acct.snapshot().roles().forEach(r -> r.inlinePolicies().forEach(p ->
                out.put(inline(p, "role " + r.name()), List.of("role " + r.name()))));
        return out;
    }

    /** "attached to user a, group b" or "attached to nothing". */
    public static String attachedText(List<String> owners) {
        return owners.isEmpty() ? "attached to nothing" : "attached to " + owners.stream().collect(Collectors.joining(", "));
    }
}
