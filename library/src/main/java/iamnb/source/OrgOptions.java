package iamnb.source;

import iamnb.InvalidInputException;
import iamnb.aws.AwsConnection;
import iamnb.model.OrgMember;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * How {@code Iam.organization(...)} collects a whole AWS Organization: the caller's connection (as for
 * {@link LiveOptions}: profile, region, one endpoint override for Organizations, STS and IAM, credentials, retries),
 * the role to assume in each member account, which members to collect, how many at once, and where to save them.
 *
 * <pre>{@code
 * Iam.organization(o -> o.profile("org-audit").memberRole("OrganizationAccountAccessRole")
 *         .underOu("Root/Prod").parallelism(4).saveTo(Path.of("org-2026-11")));
 * }</pre>
 *
 * <p>The selection narrows by every filter given: {@link Builder#accounts(String...)} (ids),
 * {@link Builder#underOu(String)} (an OU path and everything below it) and {@link Builder#accounts(Predicate)}.
 *
 * @param profile a named profile of {@code ~/.aws/config} for the caller (management or delegated administrator)
 * @param region the region STS and the regional services are called in; empty to resolve it
 * @param endpointOverride one endpoint for every client (a local test server, a VPC endpoint); empty for AWS's
 * @param credentials the caller's explicit credentials; empty for the profile or the default chain
 * @param memberRole the role name (with its path, if any) assumed in each member account
 * @param externalId the external id the member roles' trust policies require, if any
 * @param sessionName the role session name CloudTrail shows in the member accounts
 * @param accountIds collect only these accounts (empty: every account)
 * @param ouPath collect only accounts at or below this OU path ({@code Root/Prod}); empty for every OU
 * @param accounts a further filter on members
 * @param parallelism how many accounts are collected at once
 * @param member adjusts each account's {@link LiveOptions} (parts to skip, time-outs); credentials, progress and
 *     the organization part are the collector's and are set after it
 * @param progress told about the overall phase {@code "accounts"} and one phase per account
 * @param saveTo the organization snapshot folder to write as accounts arrive, and to resume from; empty to hold the
 *     collected accounts in memory (fine for tens of accounts; large organizations should save)
 * @param clock gives the instant of each account's snapshot
 * @param maxAttempts the bound on attempts per call, throttling retries included
 * @param retryMode the SDK's retry strategy
 * @param attemptTimeout how long one HTTP attempt may take
 * @param callTimeout how long one API call may take, retries included
 */
public record OrgOptions(Optional<String> profile, Optional<String> region, Optional<URI> endpointOverride,
                         Optional<AwsCredentialsProvider> credentials, String memberRole, Optional<String> externalId,
                         String sessionName, Set<String> accountIds, Optional<String> ouPath,
                         Predicate<OrgMember> accounts, int parallelism, Consumer<LiveOptions.Builder> member,
                         ProgressListener progress, Optional<Path> saveTo, Clock clock, int maxAttempts,
                         RetryMode retryMode, Duration attemptTimeout, Duration callTimeout) implements AwsConnection {
    /** The role AWS Organizations creates in every account it creates (it grants administrator access). */
    public static final String DEFAULT_MEMBER_ROLE = "OrganizationAccountAccessRole";

    public OrgOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(credentials, "credentials");
        if (memberRole == null || !memberRole.matches("[\\w+=,.@/-]{1,512}") || memberRole.startsWith("/")
                || memberRole.endsWith("/")) {
            throw new InvalidInputException("memberRole must be a role name, optionally with its path (e.g. "
                    + DEFAULT_MEMBER_ROLE + " or audit/ReadOnly), got \"" + memberRole + "\"");
        }
        Objects.requireNonNull(externalId, "externalId");
        if (sessionName == null || !sessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new InvalidInputException("sessionName must be 2 to 64 letters, digits or +=,.@-_, got \""
                    + sessionName + "\"");
        }
        accountIds = Set.copyOf(new TreeSet<>(accountIds));
        for (String id : accountIds) {
            if (!id.matches("\\d{12}")) {
                throw new InvalidInputException("accounts: an account id is 12 digits, got \"" + id + "\"");
            }
        }
        Objects.requireNonNull(ouPath, "ouPath");
        Objects.requireNonNull(accounts, "accounts");
        if (parallelism < 1 || parallelism > 32) {
            throw new InvalidInputException("parallelism (accounts at once) must be between 1 and 32, got "
                    + parallelism);
        }
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(saveTo, "saveTo");
        Objects.requireNonNull(clock, "clock");
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(retryMode, "retryMode");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** Whether this run is to collect {@code m}: it passes every filter given. */
    public boolean selects(OrgMember m) {
        return (accountIds.isEmpty() || accountIds.contains(m.accountId()))
                && ouPath.map(p -> m.ouPath().equals(p) || m.ouPath().startsWith(p + "/")).orElse(true)
                && accounts.test(m);
    }

    /** The ARN of the member role in {@code accountId}, in the organization's partition ({@code aws}, ...). */
    public String memberRoleArn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + memberRole;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link OrgOptions}; start from {@link OrgOptions#builder()}. */
    public static final class Builder {
        private String profile;
        private String region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentials;
        private String memberRole = DEFAULT_MEMBER_ROLE;
        private String externalId;
        private String sessionName = "iamnb-organization-audit";
        private Set<String> accountIds = Set.of();
        private String ouPath;
        private Predicate<OrgMember> accounts = m -> true;
        private int parallelism = 4;
        private Consumer<LiveOptions.Builder> member = b -> { };
        private ProgressListener progress = ProgressListener.NONE;
        private Path saveTo;
        private Clock clock = Clock.systemUTC();
        // the same defaults as LiveOptions: measured there (LiveCollectionBenchmark)
        private int maxAttempts = 8;
        private RetryMode retryMode = RetryMode.STANDARD;
        private Duration attemptTimeout = Duration.ofSeconds(20);
        private Duration callTimeout = Duration.ofSeconds(50);

        private Builder() {}

        public Builder profile(String v) { this.profile = v; return this; }
        public Builder region(String v) { this.region = v; return this; }
        public Builder endpointOverride(URI v) { this.endpointOverride = v; return this; }
        public Builder credentials(AwsCredentialsProvider v) { this.credentials = v; return this; }
        public Builder memberRole(String v) { this.memberRole = v; return this; }
        public Builder externalId(String v) { this.externalId = v; return this; }
        public Builder sessionName(String v) { this.sessionName = v; return this; }
        /** Collect only these account ids. */
        public Builder accounts(String... ids) { this.accountIds = Set.copyOf(Arrays.asList(ids)); return this; }
        /** Collect only the accounts at or below this OU path, as {@code org.accounts()} shows it. */
        public Builder underOu(String path) { this.ouPath = path; return this; }
        /** Collect only the members this accepts (with the other filters). */
        public Builder accounts(Predicate<OrgMember> v) { this.accounts = v; return this; }
        public Builder parallelism(int v) { this.parallelism = v; return this; }
        /** Adjusts each member account's live options, e.g. {@code m -> m.skip(LivePart.CLOUDTRAIL)}. */
        public Builder memberOptions(Consumer<LiveOptions.Builder> v) { this.member = v; return this; }
        public Builder progress(ProgressListener v) { this.progress = v; return this; }
        /** Writes the organization snapshot to {@code dir} as accounts arrive, resuming what is already there. */
        public Builder saveTo(Path dir) { this.saveTo = dir; return this; }
        public Builder clock(Clock v) { this.clock = v; return this; }
        public Builder maxAttempts(int v) { this.maxAttempts = v; return this; }
        public Builder retryMode(RetryMode v) { this.retryMode = v; return this; }
        public Builder attemptTimeout(Duration v) { this.attemptTimeout = v; return this; }
        public Builder callTimeout(Duration v) { this.callTimeout = v; return this; }

        public OrgOptions build() {
            return new OrgOptions(Optional.ofNullable(profile), Optional.ofNullable(region),
                    Optional.ofNullable(endpointOverride), Optional.ofNullable(credentials), memberRole,
                    Optional.ofNullable(externalId), sessionName, accountIds, Optional.ofNullable(ouPath), accounts,
                    parallelism, member, progress, Optional.ofNullable(saveTo), clock, maxAttempts, retryMode,
                    attemptTimeout, callTimeout);
        }
    }
}
