package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An organization whose members are made on request by a function: the demo organization, generated organizations
 * for benchmarks, or snapshots already in memory. Members the function does not know are listed as not collected
 * with the reason given.
 */
public final class InMemoryOrg implements OrgSource {
    private final Organization organization;
    private final List<OrgMember> members;
    private final Function<String, AccountSnapshot> load;
    private final Instant asOf;
    private final String description;

    /**
     * @param organization the organization's structure
     * @param collected ids of the members {@code load} can make
     * @param notCollected reason for every other member (e.g. "role OrganizationAccountAccessRole is missing")
     * @param load makes a member's snapshot; called once per {@link #load}, so it may generate or read
     * @param asOf the instant the set describes
     * @param description how the set was obtained, for provenance
     */
    public InMemoryOrg(Organization organization, Set<String> collected, Function<String, String> notCollected,
                       Function<String, AccountSnapshot> load, Instant asOf, String description) {
        this(organization, membersOf(organization, collected, notCollected), load, asOf, description);
    }

    private InMemoryOrg(Organization organization, List<OrgMember> members, Function<String, AccountSnapshot> load,
                        Instant asOf, String description) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.load = Objects.requireNonNull(load, "load");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.description = Objects.requireNonNull(description, "description");
        this.members = members.stream().sorted(Comparator.comparing(OrgMember::accountId)).toList();
    }

    private static List<OrgMember> membersOf(Organization organization, Set<String> collected,
                                             Function<String, String> notCollected) {
        List<OrgMember> list = new ArrayList<>();
        for (OrgAccount a : organization.accounts()) {
            OrgMember m = OrgMember.of(organization, a);
            list.add(collected.contains(a.id()) ? m.collected("", List.of()) : m.notCollected(notCollected.apply(a.id())));
        }
        return list;
    }

    /**
     * An organization of snapshots in memory whose members are given as they are (with their warnings, and the
     * reason each uncollected one was not collected), as a live collection without a folder produces it.
     *
     * @throws InvalidInputException when a member is not in the organization, or a collected one has no snapshot
     */
    public static InMemoryOrg of(Organization organization, List<OrgMember> members,
                                 Map<String, AccountSnapshot> snapshots, Instant asOf, String description) {
        Map<String, AccountSnapshot> byId = Map.copyOf(snapshots);
        for (OrgMember m : members) {
            if (organization.account(m.accountId()).isEmpty()) {
                throw new InvalidInputException("member " + m.accountId() + " is not in organization "
                        + organization.id());
            }
            if (m.collected() && !byId.containsKey(m.accountId())) {
                throw new InvalidInputException("member " + m.accountId() + " is marked collected but no snapshot"
                        + " of it was given");
            }
        }
        return new InMemoryOrg(organization, members, byId::get, asOf, description);
    }

    /** An organization of snapshots already in memory (every member not among them is "not collected"). */
    public static InMemoryOrg of(Organization organization, List<AccountSnapshot> snapshots, String description) {
        Map<String, AccountSnapshot> byId = new TreeMap<>();
        snapshots.forEach(s -> byId.put(s.accountId(), s));
        Instant asOf = snapshots.stream().map(AccountSnapshot::asOf).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return new InMemoryOrg(organization, byId.keySet(), id -> "no snapshot of account " + id + " was given",
                byId::get, asOf, description);
    }

    @Override
    public Organization organization() {
        return organization;
    }

    @Override
    public List<OrgMember> members() {
        return members;
    }

    @Override
    public AccountSnapshot load(String accountId) {
        collectedMember(accountId);
        return OrgSnapshots.withOrganization(load.apply(accountId), organization);
    }

    @Override
    public Instant asOf() {
        return asOf;
    }

    @Override
    public String description() {
        return description;
    }
}
