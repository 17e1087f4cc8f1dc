package iamnb.source.codec;

import iamnb.InvalidInputException;
import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.AnalyzerFinding;
import iamnb.model.Bucket;
import iamnb.model.CloudTrailEvent;
import iamnb.model.CredentialReport;
import iamnb.model.LoginProfile;
import iamnb.model.MfaDevice;
import iamnb.model.OidcProvider;
import iamnb.model.Organization;
import iamnb.model.Role;
import iamnb.model.SamlProvider;
import iamnb.model.User;
import iamnb.source.SnapshotFiles;
import iamnb.source.internal.GaadReader;
import iamnb.source.internal.JsonAt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the files of one snapshot folder said, one slot per codec, and how the slots join into an
 * {@link AccountSnapshot}: credential files add to GAAD's users, role details to its roles, {@code account.json}
 * names the account and its instant. Each codec fills only its own slot, so codecs may read concurrently; the
 * reader joins them before {@link #assemble}.
 */
public final class SnapshotParts {
    /** {@code account.json}: account id, alias, instant, when the credential report was made, earlier warnings. */
    public record AccountInfo(String accountId, String alias, Optional<Instant> asOf,
                              Optional<Instant> credentialReportGenerated, List<String> warnings) {}

    AccountInfo account = new AccountInfo("", "", Optional.empty(), Optional.empty(), List.of());
    String aliasFromAliases = "";
    GaadReader.Content gaad = new GaadReader.Content(List.of(), List.of(), List.of(), List.of());
    /** Role name → a {@code list-roles} entry or {@code get-role} output. */
    Map<String, JsonAt> roleDetails = Map.of();
    Optional<CredentialReport> credentialReport = Optional.empty();
    /** Access keys without their last use, in file order. */
    List<AccessKey> accessKeys = List.of();
    /** Access key id → last use; a key absent here was never used. */
    Map<String, AccessKey.KeyLastUsed> keyLastUsed = Map.of();
    List<MfaDevice> mfaDevices = List.of();
    /** User name → login profile. */
    Map<String, LoginProfile> loginProfiles = Map.of();
    List<OidcProvider> oidcProviders = List.of();
    List<SamlProvider> samlProviders = List.of();
    List<Bucket> buckets = List.of();
    List<iamnb.model.VpcEndpoint> vpcEndpoints = List.of();
    Optional<Organization> organization = Optional.empty();
    List<AnalyzerFinding> analyzerFindings = List.of();
    List<CloudTrailEvent> cloudTrailEvents = List.of();

    /** Joins the slots into one snapshot; {@code dir} only names the folder in errors. */
    public AccountSnapshot assemble(Path dir) {
        List<String> warnings = new ArrayList<>(account.warnings());
        List<Role> roles = ListRolesCodec.applyTo(gaad.roles(), roleDetails, warnings);
        List<User> users = withCredentials(gaad.users(), warnings);
        Optional<CredentialReport> report = credentialReport.map(r ->
                new CredentialReport(account.credentialReportGenerated(), r.rows()));

        String accountId = Optional.of(account.accountId()).filter(s -> !s.isEmpty())
                .or(() -> accountIdFromArns(report))
                .orElseThrow(() -> new InvalidInputException("snapshot folder " + dir + ": cannot tell the account id;"
                        + " add " + SnapshotFiles.ACCOUNT + " with {\"accountId\": \"123456789012\"}"));
        String alias = account.alias().isEmpty() ? aliasFromAliases : account.alias();

        AccountSnapshot.Builder b = AccountSnapshot.builder(accountId, Instant.EPOCH)
                .alias(alias)
                .users(users)
                .groups(gaad.groups())
                .roles(roles)
                .policies(gaad.policies())
                .credentialReport(report.orElse(null))
                .oidcProviders(oidcProviders)
                .samlProviders(samlProviders)
                .buckets(buckets)
                .vpcEndpoints(vpcEndpoints)
                .organization(organization.orElse(null))
                .analyzerFindings(analyzerFindings)
                .cloudTrailEvents(cloudTrailEvents);

        Instant asOf = account.asOf().orElse(null);
        if (asOf == null) {
            asOf = latestInstant(b.warnings(List.of()).asOf(Instant.EPOCH).build());
            warnings.add("the snapshot has no " + SnapshotFiles.ACCOUNT + " with \"asOf\"; ages are computed as of "
                    + asOf + ", the latest time found in the data");
        }
        return b.asOf(asOf).warnings(List.copyOf(new LinkedHashSet<>(warnings))).build();
    }

    /** Adds access keys (with their last use), MFA devices and login profiles to GAAD's users. */
    private List<User> withCredentials(List<User> users, List<String> warnings) {
        Map<String, List<AccessKey>> keys = new LinkedHashMap<>();
        for (AccessKey k : accessKeys) {
            AccessKey key = new AccessKey(k.userName(), k.accessKeyId(), k.status(), k.created(),
                    Optional.ofNullable(keyLastUsed.get(k.accessKeyId())));
            keys.computeIfAbsent(k.userName(), u -> new ArrayList<>()).add(key);
        }
        Map<String, List<MfaDevice>> mfa = new LinkedHashMap<>();
        for (MfaDevice d : mfaDevices) {
            mfa.computeIfAbsent(d.userName(), u -> new ArrayList<>()).add(d);
        }
        if (keys.isEmpty() && mfa.isEmpty() && loginProfiles.isEmpty()) {
            return users;
        }
        Set<String> names = new HashSet<>();
        List<User> out = new ArrayList<>(users.size());
        for (User u : users) {
            names.add(u.name());
            List<AccessKey> k = keys.get(u.name());
            List<MfaDevice> m = mfa.get(u.name());
            LoginProfile l = loginProfiles.get(u.name());
            if (k == null && m == null && l == null) {
                out.add(u);
                continue;
            }
            User.Builder ub = u.toBuilder();
            if (k != null) {
                ub.accessKeys(k);
            }
            if (m != null) {
                ub.mfaDevices(m);
            }
            if (l != null) {
                ub.loginProfile(l);
            }
            out.add(ub.build());
        }
        Set<String> orphans = new TreeSet<>();
        Stream.of(keys.keySet(), mfa.keySet(), loginProfiles.keySet()).flatMap(Set::stream)
                .filter(n -> !names.contains(n)).forEach(orphans::add);
        if (!orphans.isEmpty()) {
            warnings.add("credentials were listed for user(s) " + orphans + " who are not in " + SnapshotFiles.GAAD
                    + "; they were ignored");
        }
        return out;
    }

    private Optional<String> accountIdFromArns(Optional<CredentialReport> report) {
        Stream<String> arns = Stream.of(
                gaad.users().stream().map(User::arn),
                gaad.roles().stream().map(Role::arn),
                gaad.groups().stream().map(g -> g.arn()),
                gaad.policies().stream().filter(p -> !p.isAwsManaged()).map(p -> p.arn()),
                report.stream().flatMap(r -> r.rows().stream()).map(r -> r.arn()))
                .flatMap(s -> s);
        return arns.map(a -> a.split(":", 6)).filter(p -> p.length > 4 && p[4].matches("\\d{12}"))
                .map(p -> p[4]).findFirst();
    }

    private static Instant latestInstant(AccountSnapshot s) {
        List<Instant> times = new ArrayList<>();
        times.add(Instant.EPOCH);
        for (User u : s.users()) {
            times.add(u.created());
            for (AccessKey k : u.accessKeys()) {
                times.add(k.created());
                k.lastUsed().ifPresent(l -> times.add(l.date()));
            }
        }
        for (Role r : s.roles()) {
            times.add(r.created());
            r.lastUsed().ifPresent(l -> times.add(l.date()));
        }
        s.policies().forEach(p -> times.add(p.updated()));
        s.cloudTrailEvents().forEach(e -> times.add(e.eventTime()));
        return times.stream().max(Instant::compareTo).orElseThrow();
    }
}
