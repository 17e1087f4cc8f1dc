package iamnb.model;

import iamnb.InvalidInputException;
import iamnb.internal.Arns;
import iamnb.internal.Suggestions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One account's data, indexed for look-ups: an immutable {@link AccountSnapshot} plus a label saying where it came
 * from, with users, roles, groups and policies found by name or ARN, group memberships, attached policies resolved
 * to their documents, and the organization's SCP/RCP levels.
 *
 * <p>This is what the layers above the model ({@code policy}, {@code audit}, {@code table}, {@code chart},
 * {@code runbook}) take. The fluent {@code iamnb.Account} that notebooks use extends it with simulation, audits,
 * tables and saving; those verbs live above, so the model imports nothing from the packages built on it.
 *
 * <p>Look-ups that must succeed ({@link #user}, {@link #role}, {@link #group}, {@link #policy}, {@link #bucket})
 * throw {@link InvalidInputException} naming close matches; the {@code find*} variants return {@link Optional}.
 */
public class AccountView {
    private final AccountSnapshot snapshot;
    private final String source;
    private final Map<String, User> usersByName;
    private final Map<String, Role> rolesByName;
    private final Map<String, Group> groupsByName;
    private final Map<String, ManagedPolicy> policiesByArn;

    /**
     * @param snapshot the account's data
     * @param source how it was obtained: {@code demo}, {@code snapshot DIR}, {@code live profile NAME}, ...
     */
    public AccountView(AccountSnapshot snapshot, String source) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.source = Checks.notBlank(source, "source");
        this.usersByName = index(snapshot.users(), User::name);
        this.rolesByName = index(snapshot.roles(), Role::name);
        this.groupsByName = index(snapshot.groups(), Group::name);
        this.policiesByArn = index(snapshot.policies(), ManagedPolicy::arn);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        return items.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    // ---- identity of the account ------------------------------------------------------------------------

    public AccountSnapshot snapshot() {
        return snapshot;
    }

    public String accountId() {
        return snapshot.accountId();
    }

    public String alias() {
        return snapshot.alias();
    }

    public Instant asOf() {
        return snapshot.asOf();
    }

    /** What the source could not read (denied optional parts, skipped services), one sentence each. */
    public List<String> warnings() {
        return snapshot.warnings();
    }

    /** How the account was obtained: {@code demo}, {@code snapshot DIR}, {@code live profile NAME}. */
    public String source() {
        return source;
    }

    // ---- look-ups ------------------------------------------------------------------------------------------

    public Optional<User> findUser(String name) {
        return Optional.ofNullable(usersByName.get(name));
    }

    /** The user with this name; throws naming close matches when there is none. */
    public User user(String name) {
        return findUser(name).orElseThrow(() -> missing("user", name, usersByName.keySet()));
    }

    public Optional<Role> findRole(String nameOrArn) {
        return Optional.ofNullable(rolesByName.get(Arns.iamName(nameOrArn, "role")));
    }

    /** The role with this name (or ARN); throws naming close matches when there is none. */
    public Role role(String nameOrArn) {
        return findRole(nameOrArn).orElseThrow(() -> missing("role", nameOrArn, rolesByName.keySet()));
    }

    public Optional<Group> findGroup(String name) {
        return Optional.ofNullable(groupsByName.get(Arns.iamName(name, "group")));
    }

    public Group group(String name) {
        return findGroup(name).orElseThrow(() -> missing("group", name, groupsByName.keySet()));
    }

    /**
     * A managed policy by ARN, or by name (customer managed first, then AWS managed). A name shared by
     * several policies on different paths is ambiguous and throws, listing their ARNs.
     */
    public Optional<ManagedPolicy> findPolicy(String arnOrName) {
        if (arnOrName.startsWith("arn:")) {
            return Optional.ofNullable(policiesByArn.get(arnOrName));
        }
        List<ManagedPolicy> named = snapshot.policies().stream().filter(p -> p.name().equals(arnOrName)).toList();
        List<ManagedPolicy> customer = named.stream().filter(p -> !p.isAwsManaged()).toList();
        List<ManagedPolicy> pick = customer.isEmpty() ? named : customer;
        if (pick.size() > 1) {
            throw new InvalidInputException("policy name \"" + arnOrName + "\" is ambiguous; use one of the ARNs "
                    + pick.stream().map(ManagedPolicy::arn).toList());
        }
        return pick.stream().findFirst();
    }

    public ManagedPolicy policy(String arnOrName) {
        return findPolicy(arnOrName).orElseThrow(() -> missing("managed policy", arnOrName,
                arnOrName.startsWith("arn:") ? policiesByArn.keySet()
                        : snapshot.policies().stream().map(ManagedPolicy::name).collect(Collectors.toSet())));
    }

    public Optional<Bucket> findBucket(String name) {
        return snapshot.buckets().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    public Bucket bucket(String name) {
        return findBucket(name).orElseThrow(() -> missing("bucket", name,
                snapshot.buckets().stream().map(Bucket::name).toList()));
    }

    public Optional<OidcProvider> findOidcProvider(String arnOrUrl) {
        String url = arnOrUrl.startsWith("arn:") ? OidcProvider.urlFromArn(arnOrUrl)
                : arnOrUrl.replaceFirst("^https://", "");
        return snapshot.oidcProviders().stream().filter(p -> p.url().equals(url)).findFirst();
    }

    /** The users who are members of a group. */
    public List<User> membersOf(String groupName) {
        Group g = group(groupName);
        return snapshot.users().stream().filter(u -> u.groups().contains(g.name())).toList();
    }

    /** The groups a user belongs to that exist in the account, in the user's order. */
    public List<Group> groupsOf(User user) {
        List<Group> out = new ArrayList<>();
        for (String name : user.groups()) {
            findGroup(name).ifPresent(out::add);
        }
        return out;
    }

    /** The documents of managed policies attached to a principal; attachments to unknown policies are skipped. */
    public List<ManagedPolicy> resolve(List<AttachedPolicy> attached) {
        List<ManagedPolicy> out = new ArrayList<>();
        for (AttachedPolicy a : attached) {
            Optional.ofNullable(policiesByArn.get(a.arn())).ifPresent(out::add);
        }
        return out;
    }

    public Optional<Organization> organization() {
        return snapshot.organization();
    }

    /**
     * SCPs in force for an account of the organization, one list per level root → OUs → account; empty when
     * the organization is unknown (no SCP layer to evaluate).
     */
    public List<List<OrgPolicy>> scpLevelsFor(String accountId) {
        return organization().filter(o -> o.account(accountId).isPresent())
                .map(o -> o.scpLevelsFor(accountId)).orElse(List.of());
    }

    /** RCPs in force for an account of the organization, root → OUs → account; empty when unknown. */
    public List<List<OrgPolicy>> rcpLevelsFor(String accountId) {
        return organization().filter(o -> o.account(accountId).isPresent())
                .map(o -> o.rcpLevelsFor(accountId)).orElse(List.of());
    }

    /** Two views are equal when their snapshots are: the source does not change what the data says. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AccountView other && snapshot.equals(other.snapshot);
    }

    @Override
    public int hashCode() {
        return snapshot.hashCode();
    }

    private InvalidInputException missing(String what, String name, Collection<String> names) {
        return new InvalidInputException("account " + accountId() + " has no " + what + " \"" + name + "\""
                + Suggestions.hint(name, names));
    }
}
