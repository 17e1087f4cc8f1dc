package iamnb.source;

import iamnb.IamnbException;
import iamnb.InvalidInputException;
import iamnb.SourceUnavailableException;
import iamnb.aws.internal.AwsClients;
import iamnb.model.AccountSnapshot;
import iamnb.model.OrgAccount;
import iamnb.model.OrgMember;
import iamnb.model.Organization;
import iamnb.source.internal.AwsFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Collects a whole AWS Organization from its management (or a delegated administrator) account: lists the
 * organization with Organizations ({@link OrganizationReader}), then collects each selected member account with
 * the live source ({@link LiveSource}), entering it by assuming {@link OrgOptions#memberRole()} with STS. The
 * caller's own account is collected with the caller's credentials (a role cannot usually be assumed into the
 * account one is already in, and need not be).
 *
 * <p>Accounts are collected {@link OrgOptions#parallelism()} at a time. An account that cannot be entered or
 * read (its role is missing, an SCP denies AssumeRole, STS is not enabled in the region, a required IAM call is
 * refused) becomes a member that was not collected, with a reason naming the account, the role and AWS's error;
 * suspended or closing accounts are listed the same way without calling AWS. The run itself fails only when the
 * organization cannot be listed.
 *
 * <p>With {@link OrgOptions#saveTo()} each account is written to the organization snapshot folder as it arrives
 * and the index is rewritten after each, so a run that stops keeps what it fetched; a second run on the same folder
 * reuses the members already collected (not fetching them again) and retries the others. Without it, the collected
 * accounts are held in memory, which suits tens of accounts; a large organization should be saved.
 */
public final class OrgCollector {
    /** Statuses of accounts that cannot be entered; they are listed as not collected without calling AWS. */
    private static final Set<String> CLOSED_STATUSES = Set.of("SUSPENDED", "PENDING_CLOSURE", "CLOSED");
    /** The overall progress phase; each account has its own ({@link #phase(OrgMember)}). */
    public static final String ACCOUNTS_PHASE = "accounts";

    private final OrgOptions options;
    private final ProgressListener progress;

    public OrgCollector(OrgOptions options) {
        this.options = options;
        this.progress = ProgressListener.serialised(options.progress());
    }

    /**
     * Lists the organization and collects the selected members.
     *
     * @return the organization snapshot folder just written ({@link OrgOptions#saveTo()}), else the collected
     *     accounts in memory
     * @throws SourceUnavailableException when the caller cannot be identified or the organization cannot be listed,
     *     or the run is interrupted (what was saved stays saved)
     * @throws InvalidInputException when {@code saveTo} is a folder of something else, or names accounts the
     *     organization does not hold
     */
    public OrgSource collect() {
        Optional<Path> dir = options.saveTo();
        dir.ifPresent(OrgSnapshotWriter::prepare);
        Previous previous = dir.map(OrgCollector::previous).orElse(Previous.NONE);
        try (AwsClients aws = new AwsClients(options)) {
            CallerIdentity caller = whoami(aws);
            Listing listing = listOrganization(aws);
            Organization org = listing.organization();
            checkSelectedIdsExist(org);
            previous.organizationId().filter(id -> !id.equals(org.id())).ifPresent(id -> {
                throw new InvalidInputException(dir.orElseThrow() + " holds organization " + id + ", not "
                        + org.id() + " that the caller belongs to; save to a new folder");
            });
            Run run = new Run(org, listing.warnings(), caller, previous);
            return run.collect(aws);
        }
    }

    // ---- the organization ----------------------------------------------------------------------------------

    private record Listing(Organization organization, List<String> warnings) {}

    private CallerIdentity whoami(AwsClients aws) {
        try {
            var r = aws.sts().getCallerIdentity();
            return new CallerIdentity(r.account(), r.arn(), r.userId());
        } catch (SdkException e) {
            throw new SourceUnavailableException("cannot find out who the credentials belong to: "
                    + failure("sts:GetCallerIdentity", aws.endpoint("sts"), e).sentence(), e);
        }
    }

    private Listing listOrganization(AwsClients aws) {
        OrganizationReader.Result r;
        try {
            r = new OrganizationReader(aws.organizations(), progress,
                    e -> failure("", "", e).reason()).read();
        } catch (SdkException e) {
            throw new SourceUnavailableException("cannot list the organization: "
                    + failure("organizations:ListAccountsForParent", aws.endpoint("organizations"), e).sentence()
                    + " (run it from the management account, or from a delegated administrator of AWS Organizations)",
                    e);
        }
        Organization org = r.organization().orElseThrow(() -> new SourceUnavailableException(
                "the caller's account is not in an AWS Organization, so there are no member accounts to collect;"
                        + " collect it alone with Iam.live(...)"));
        // without SCPs or RCPs every member's evaluation misses that layer: each member carries the warning
        List<String> warnings = r.warnings().stream().map(w -> "organization: " + w).toList();
        return new Listing(org, warnings);
    }

    private void checkSelectedIdsExist(Organization org) {
        List<String> unknown = options.accountIds().stream().filter(id -> org.account(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("accounts: " + unknown + " are not in organization " + org.id()
                    + "; its accounts are " + org.accounts().stream().map(OrgAccount::id).sorted().toList());
        }
    }

    // ---- resuming -------------------------------------------------------------------------------------------

    /** Members a previous run on the same folder collected, and the instant its index records. */
    private record Previous(Optional<String> organizationId, Map<String, OrgMember> collected,
                            Optional<Instant> asOf) {
        static final Previous NONE = new Previous(Optional.empty(), Map.of(), Optional.empty());
    }

    private static Previous previous(Path dir) {
        if (!Files.exists(dir.resolve(OrgSnapshotFiles.INDEX))) {
            return Previous.NONE;
        }
        OrgSnapshotFolder folder;
        try {
            // open() checks that every member the index marks collected has its folder
            folder = OrgSnapshotFolder.open(dir);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("cannot resume the collection in " + dir + ": " + e.getMessage()
                    + "; repair the folder or save to a new one", e);
        }
        Map<String, OrgMember> collected = new TreeMap<>();
        folder.members().stream().filter(OrgMember::collected).forEach(m -> collected.put(m.accountId(), m));
        return new Previous(Optional.of(folder.organization().id()), collected, Optional.of(folder.asOf()));
    }

    // ---- one run --------------------------------------------------------------------------------------------

    /** What became of one member: its index entry, and its snapshot when it is held in memory. */
    private record Outcome(OrgMember member, Optional<AccountSnapshot> snapshot, Optional<Instant> asOf) {
        static Outcome notCollected(OrgMember m, String reason) {
            return new Outcome(m.notCollected(reason), Optional.empty(), Optional.empty());
        }
    }

    /** The state of one collection: every member's entry so far, written to the index after each change. */
    private final class Run {
        private final Organization org;
        private final List<String> orgWarnings;
        private final CallerIdentity caller;
        private final Previous previous;
        private final String partition;
        private final Map<String, OrgMember> members = new TreeMap<>();
        private final Map<String, AccountSnapshot> snapshots = new TreeMap<>();
        private Instant asOf;
        private int collected, reused, notCollected;

        Run(Organization org, List<String> orgWarnings, CallerIdentity caller, Previous previous) {
            this.org = org;
            this.orgWarnings = orgWarnings;
            this.caller = caller;
            this.previous = previous;
            String[] arn = org.arn().split(":");
            this.partition = arn.length > 1 && !arn[1].isEmpty() ? arn[1] : "aws";
            this.asOf = previous.asOf().orElse(options.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        }

        OrgSource collect(AwsClients aws) {
            List<OrgMember> all = org.accounts().stream().map(a -> OrgMember.of(org, a)).toList();
            all.forEach(m -> members.put(m.accountId(), m.notCollected(
                    "not collected yet: the collection stopped before reaching account " + m.accountId())));
            options.saveTo().ifPresent(dir -> OrgSnapshotWriter.writeOrganization(org, dir));
            progress.started(ACCOUNTS_PHASE, all.size());
            AtomicInteger settled = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
                Thread t = new Thread(r, "iamnb-org");
                t.setDaemon(true);
                return t;
            });
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            int pending = 0;
            try {
                List<OrgMember> toFetch = new ArrayList<>();
                for (OrgMember m : all) {
                    Optional<Outcome> settledNow = withoutAws(m);
                    if (settledNow.isPresent()) {
                        record(settledNow.get());
                        progress.advanced(ACCOUNTS_PHASE, settled.incrementAndGet());
                    } else {
                        toFetch.add(m);
                    }
                }
                writeIndex();
                for (OrgMember m : toFetch) {
                    done.submit(() -> fetch(aws, m));
                    pending++;
                }
                for (; pending > 0; pending--) {
                    Outcome o = done.take().get();
                    if (o.member().collected()) {
                        collected++;
                    } else {
                        notCollected++;
                    }
                    record(o);
                    writeIndex();
                    progress.advanced(ACCOUNTS_PHASE, settled.incrementAndGet());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted after " + settled.get() + " of " + all.size()
                        + " accounts" + options.saveTo().map(d -> "; the accounts collected so far are saved in " + d
                                + ": run again with saveTo(" + d + ") to fetch only the rest").orElse(""), e);
            } catch (ExecutionException e) {
                // fetch() turns every exception into a member that was not collected; only an Error gets here
                throw new SourceUnavailableException("collecting the organization failed: " + e.getCause(),
                        e.getCause());
            } finally {
                pool.shutdownNow();
            }
            progress.finished(all.size() + " accounts: " + collected + " collected, " + reused + " reused"
                    + options.saveTo().map(d -> " from " + d).orElse("") + ", " + notCollected + " not collected");
            if (options.saveTo().isPresent()) {
                return OrgSnapshotFolder.open(options.saveTo().get());
            }
            return InMemoryOrg.of(org, List.copyOf(members.values()), snapshots, asOf, "live organization "
                    + org.id() + " from account " + caller.account() + " via role " + options.memberRole());
        }

        /** Settles a member that needs no AWS call: reused from the folder, not selected, or closed. */
        private Optional<Outcome> withoutAws(OrgMember m) {
            OrgMember before = previous.collected().get(m.accountId());
            if (before != null) {
                // the listing is fresh (name, OU path, status); the data and its digest are the previous run's
                reused++;
                return Optional.of(new Outcome(m.collected(before.sha256(), before.warnings()), Optional.empty(),
                        Optional.empty()));
            }
            if (!options.selects(m)) {
                notCollected++;
                return Optional.of(Outcome.notCollected(m, "account " + label(m)
                        + " was not selected by this collection's account filter"));
            }
            if (CLOSED_STATUSES.contains(m.status())) {
                notCollected++;
                return Optional.of(Outcome.notCollected(m, "account " + label(m) + " is " + m.status()
                        + ": skipped without calling AWS (a suspended or closing account cannot be entered)"));
            }
            return Optional.empty();
        }

        private void record(Outcome o) {
            members.put(o.member().accountId(), o.member());
            o.snapshot().ifPresent(s -> snapshots.put(s.accountId(), s));
            o.asOf().filter(t -> t.isAfter(asOf)).ifPresent(t -> asOf = t);
        }

        private void writeIndex() {
            options.saveTo().ifPresent(dir -> OrgSnapshotWriter.writeIndex(dir, org, List.copyOf(members.values()),
                    asOf));
        }

        // ---- one account (on a pool thread) ------------------------------------------------------------------

        /** Enters and collects one member; every failure becomes a member that was not collected, with why. */
        private Outcome fetch(AwsClients aws, OrgMember m) {
            String phase = phase(m);
            progress.started(phase, 0);
            boolean self = m.accountId().equals(caller.account());
            String roleArn = options.memberRoleArn(partition, m.accountId());
            StsAssumeRoleCredentialsProvider assumed = null;
            try {
                Optional<AwsCredentialsProvider> credentials = options.credentials();
                if (!self) {
                    // StsAssumeRoleCredentialsProvider caches the role's session and assumes the role again shortly
                    // before it expires, so an account whose collection outlasts a session (one hour by default)
                    // keeps valid credentials to the end.
                    assumed = StsAssumeRoleCredentialsProvider.builder().stsClient(aws.sts())
                            .refreshRequest(r -> {
                                r.roleArn(roleArn).roleSessionName(options.sessionName());
                                options.externalId().ifPresent(r::externalId);
                            }).build();
                    try {
                        assumed.resolveCredentials();
                    } catch (SdkException e) {
                        return Outcome.notCollected(m, cannotEnter(aws, m, roleArn, e));
                    }
                    credentials = Optional.of(assumed);
                }
                LiveSource.Result r = new LiveSource(memberOptions(credentials, self, phase)).collect();
                AccountSnapshot s = r.snapshot();
                if (!s.accountId().equals(m.accountId())) {
                    return Outcome.notCollected(m, "account " + label(m) + " not collected: " + (self ? "the caller's"
                            + " credentials" : roleArn) + " answered as account " + s.accountId());
                }
                List<String> warnings = new ArrayList<>(s.warnings());
                warnings.addAll(orgWarnings);
                if (options.saveTo().isPresent()) {
                    String digest = OrgSnapshotWriter.writeMember(s, options.saveTo().get());
                    return new Outcome(m.collected(digest, warnings), Optional.empty(), Optional.of(s.asOf()));
                }
                return new Outcome(m.collected("", warnings), Optional.of(s), Optional.of(s.asOf()));
            } catch (RuntimeException e) {
                // one account's failure (a refused required call, a malformed answer, the disk) is that account's,
                // never the run's: it is listed with the reason, and the next run on the same folder retries it
                String what = e instanceof IamnbException || e instanceof SdkException ? String.valueOf(e.getMessage())
                        : e.toString();
                return Outcome.notCollected(m, "account " + label(m) + " not collected: entered "
                        + (self ? "with the caller's own credentials" : "with " + roleArn) + " but " + what);
            } finally {
                if (assumed != null) {
                    assumed.close();
                }
            }
        }

        /** The account's live options: the caller's connection, the user's adjustments, then the collector's own. */
        private LiveOptions memberOptions(Optional<AwsCredentialsProvider> credentials, boolean self, String phase) {
            LiveOptions.Builder b = LiveOptions.builder().profile(self ? options.profile().orElse(null) : null)
                    .region(options.region().orElse(null)).endpointOverride(options.endpointOverride().orElse(null))
                    .maxAttempts(options.maxAttempts()).retryMode(options.retryMode())
                    .attemptTimeout(options.attemptTimeout()).callTimeout(options.callTimeout())
                    .clock(options.clock());
            options.member().accept(b);
            // the organization is listed once, from the caller's account, and kept once beside the members
            return b.build().toBuilder().credentials(credentials.orElse(null)).progress(steps(phase))
                    .skip(LivePart.ORGANIZATION).build();
        }

        private String cannotEnter(AwsClients aws, OrgMember m, String roleArn, SdkException e) {
            AwsFailure f = failure("sts:AssumeRole", aws.endpoint("sts"), e);
            String code = e instanceof AwsServiceException s && s.awsErrorDetails() != null
                    ? String.valueOf(s.awsErrorDetails().errorCode()) : "";
            String why = code.equals("RegionDisabledException")
                    ? "STS is not enabled in this region for the account; collect from a region it enables"
                            + " (e.g. us-east-1) or activate the region's STS endpoint"
                    : f.kind() == AwsFailure.Kind.DENIED
                    ? "the role may be missing, may not trust " + caller.arn()
                            + (options.externalId().isPresent() ? " with the external id given" : "")
                            + ", or an SCP may deny sts:AssumeRole"
                    : f.advice();
            return "account " + label(m) + " not collected: cannot assume " + roleArn + ": sts:AssumeRole "
                    + f.reason() + "; " + why;
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** The progress phase of one account, e.g. {@code account 222222222222 (staging)}. */
    public static String phase(OrgMember m) {
        return "account " + label(m);
    }

    private static String label(OrgMember m) {
        return m.accountId() + (m.name().isEmpty() ? "" : " (" + m.name() + ")");
    }

    private AwsFailure failure(String call, String endpoint, SdkException e) {
        return AwsFailure.of(call, endpoint, e, options.attemptTimeout(), options.callTimeout());
    }

    /**
     * One account's live collection reported as steps of the account's phase: the live source's own phases
     * (authorization details, users, buckets, ...) become steps, so each account keeps one bar.
     */
    private ProgressListener steps(String phase) {
        AtomicInteger steps = new AtomicInteger();
        return new ProgressListener() {
            @Override
            public void started(String inner, int total) {
                progress.advanced(phase, steps.incrementAndGet());
            }

            @Override
            public void advanced(String inner, int done) {
                progress.advanced(phase, steps.incrementAndGet());
            }

            @Override
            public void finished(String summary) {
                progress.advanced(phase, steps.incrementAndGet());
            }
        };
    }
}
