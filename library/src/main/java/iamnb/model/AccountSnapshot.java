package iamnb.model;

import iamnb.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the library knows about one AWS account as of one instant. Immutable; two snapshots with the
 * same content are equal, whichever source produced them (live AWS, a snapshot folder, the demo).
 *
 * <p>Optional parts (buckets, VPC endpoints, the organization, Access Analyzer findings, CloudTrail events,
 * the credential report) are empty when the source did not have them; {@link #warnings()} says why when
 * a source skipped a part (for example AccessDenied on {@code s3:ListAllMyBuckets}).
 *
 * @param accountId the 12-digit account id
 * @param alias the account alias, or the empty string
 * @param asOf the instant the data describes; every derived age is computed against it, never the wall clock
 * @param users IAM users
 * @param groups IAM groups
 * @param roles IAM roles
 * @param policies managed policies: every customer managed policy and the AWS managed ones in use
 * @param samlProviders SAML identity providers
 * @param oidcProviders OIDC identity providers
 * @param credentialReport the credential report, if available
 * @param buckets S3 buckets with their access settings
 * @param vpcEndpoints VPC endpoints with their policies
 * @param organization the organization the account belongs to, if known
 * @param analyzerFindings Access Analyzer findings
 * @param cloudTrailEvents CloudTrail management events
 * @param warnings what the source could not read, one sentence each
 */
public record AccountSnapshot(
        String accountId,
        String alias,
        Instant asOf,
        List<User> users,
        List<Group> groups,
        List<Role> roles,
        List<ManagedPolicy> policies,
        List<SamlProvider> samlProviders,
        List<OidcProvider> oidcProviders,
        Optional<CredentialReport> credentialReport,
        List<Bucket> buckets,
        List<VpcEndpoint> vpcEndpoints,
        Optional<Organization> organization,
        List<AnalyzerFinding> analyzerFindings,
        List<CloudTrailEvent> cloudTrailEvents,
        List<String> warnings) {

    public AccountSnapshot {
        Objects.requireNonNull(accountId, "accountId");
        if (!accountId.matches("\\d{12}")) {
            throw new InvalidInputException("account id must be 12 digits, got \"" + accountId + "\"");
        }
        alias = Checks.orEmpty(alias);
        Objects.requireNonNull(asOf, "asOf");
        users = unique(users, User::name, "user");
        groups = unique(groups, Group::name, "group");
        roles = unique(roles, Role::name, "role");
        policies = unique(policies, ManagedPolicy::arn, "managed policy");
        samlProviders = unique(samlProviders, SamlProvider::arn, "SAML provider");
        oidcProviders = unique(oidcProviders, OidcProvider::arn, "OIDC provider");
        Objects.requireNonNull(credentialReport, "credentialReport");
        buckets = unique(buckets, Bucket::name, "bucket");
        vpcEndpoints = unique(vpcEndpoints, VpcEndpoint::id, "VPC endpoint");
        Objects.requireNonNull(organization, "organization");
        analyzerFindings = List.copyOf(analyzerFindings);
        cloudTrailEvents = List.copyOf(cloudTrailEvents);
        warnings = List.copyOf(warnings);
    }

    private static <T> List<T> unique(List<T> items, Function<T, String> key, String what) {
        List<T> copy = List.copyOf(items);
        Set<String> seen = new HashSet<>(copy.size() * 2);
        for (T item : copy) {
            if (!seen.add(key.apply(item))) {
                throw new InvalidInputException("the account lists " + what + " \"" + key.apply(item) + "\" twice");
            }
        }
        return copy;
    }

    /** An empty account, a starting point for builders and tests. */
    public static Builder builder(String accountId, Instant asOf) {
        return new Builder().accountId(accountId).asOf(asOf);
    }

    public Builder toBuilder() {
        return new Builder().accountId(accountId).alias(alias).asOf(asOf).users(users).groups(groups).roles(roles)
                .policies(policies).samlProviders(samlProviders).oidcProviders(oidcProviders)
                .credentialReport(credentialReport.orElse(null)).buckets(buckets).vpcEndpoints(vpcEndpoints)
                .organization(organization.orElse(null)).analyzerFindings(analyzerFindings)
                .cloudTrailEvents(cloudTrailEvents).warnings(warnings);
    }

    /** Builds an {@link AccountSnapshot}; every list starts empty. */
    public static final class Builder {
        private String accountId;
        private String alias = "";
        private Instant asOf;
        private List<User> users = new ArrayList<>();
        private List<Group> groups = new ArrayList<>();
        private List<Role> roles = new ArrayList<>();
        private List<ManagedPolicy> policies = new ArrayList<>();
        private List<SamlProvider> samlProviders = new ArrayList<>();
        private List<OidcProvider> oidcProviders = new ArrayList<>();
        private CredentialReport credentialReport;
        private List<Bucket> buckets = new ArrayList<>();
        private List<VpcEndpoint> vpcEndpoints = new ArrayList<>();
        private Organization organization;
        private List<AnalyzerFinding> analyzerFindings = new ArrayList<>();
        private List<CloudTrailEvent> cloudTrailEvents = new ArrayList<>();
        private List<String> warnings = new ArrayList<>();

        private Builder() {}

        public Builder accountId(String v) { this.accountId = v; return this; }
        public Builder alias(String v) { this.alias = v; return this; }
        public Builder asOf(Instant v) { this.asOf = v; return this; }
        public Builder users(List<User> v) { this.users = new ArrayList<>(v); return this; }
        public Builder addUser(User v) { this.users.add(v); return this; }
        public Builder groups(List<Group> v) { this.groups = new ArrayList<>(v); return this; }
        public Builder addGroup(Group v) { this.groups.add(v); return this; }
        public Builder roles(List<Role> v) { this.roles = new ArrayList<>(v); return this; }
        public Builder addRole(Role v) { this.roles.add(v); return this; }
        public Builder policies(List<ManagedPolicy> v) { this.policies = new ArrayList<>(v); return this; }
        public Builder addPolicy(ManagedPolicy v) { this.policies.add(v); return this; }
        public Builder samlProviders(List<SamlProvider> v) { this.samlProviders = new ArrayList<>(v); return this; }
        public Builder oidcProviders(List<OidcProvider> v) { this.oidcProviders = new ArrayList<>(v); return this; }
        public Builder addOidcProvider(OidcProvider v) { this.oidcProviders.add(v); return this; }
        /** The credential report, or null for none. */
        public Builder credentialReport(CredentialReport v) { this.credentialReport = v; return this; }
        public Builder buckets(List<Bucket> v) { this.buckets = new ArrayList<>(v); return this; }
        public Builder addBucket(Bucket v) { this.buckets.add(v); return this; }
        public Builder vpcEndpoints(List<VpcEndpoint> v) { this.vpcEndpoints = new ArrayList<>(v); return this; }
        /** The organization, or null for none. */
        public Builder organization(Organization v) { this.organization = v; return this; }
        public Builder analyzerFindings(List<AnalyzerFinding> v) { this.analyzerFindings = new ArrayList<>(v); return this; }
        public Builder cloudTrailEvents(List<CloudTrailEvent> v) { this.cloudTrailEvents = new ArrayList<>(v); return this; }
        public Builder warnings(List<String> v) { this.warnings = new ArrayList<>(v); return this; }
        public Builder addWarning(String v) { this.warnings.add(v); return this; }

        public AccountSnapshot build() {
            return new AccountSnapshot(accountId, alias, asOf, users, groups, roles, policies, samlProviders,
                    oidcProviders, Optional.ofNullable(credentialReport), buckets, vpcEndpoints,
                    Optional.ofNullable(organization), analyzerFindings, cloudTrailEvents, warnings);
        }
    }
}
