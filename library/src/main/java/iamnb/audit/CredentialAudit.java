package iamnb.audit;

import iamnb.model.AccessKey;
import iamnb.model.AccountView;
import iamnb.model.CredentialReportRow;
import iamnb.model.Role;
import iamnb.model.RoleLastUsed;
import iamnb.model.User;
import iamnb.model.UserKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The credential questions: unused users and roles, access keys (age, never used, two active, root keys) and
 * MFA (console users, root). Ages are days before {@code acct.asOf()}.
 *
 * <p>The credential report's special values are read for what they mean: {@code no_information} in
 * {@code password_last_used} means the password was never used (or not since IAM began tracking in October 2014);
 * {@code N/A} means there is no password (or no key); {@code not_supported} appears on the root row for fields that
 * do not apply. Key use comes from the key metadata ({@code get-access-key-last-used}) and, for keys the model does
 * not list, from the report.
 */
final class CredentialAudit {
    /** What to add when a check needs the credential report. */
    static final String NO_REPORT = "unknown — add credential-report.csv (aws iam generate-credential-report; "
            + "aws iam get-credential-report --query Content --output text | base64 -d)";

    private final AccountView acct;
    private final AdminAudit admins;
    private final BreakGlassAudit breakGlass;

    CredentialAudit(AccountView acct, AdminAudit admins, BreakGlassAudit breakGlass) {
        this.acct = acct;
        this.admins = admins;
        this.breakGlass = breakGlass;
    }

    /** What the report says about a password's last use. */
    record PasswordUse(Optional<Instant> last, String note) {}

    PasswordUse passwordUse(User u) {
        Optional<CredentialReportRow> row = reportRow(u.name());
        if (row.isEmpty()) {
            return new PasswordUse(Optional.empty(), u.hasConsoleAccess()
                    ? "password use unknown (no credential report row)" : "no console password");
        }
        String v = row.get().get("password_last_used");
        return switch (v) {
            case "no_information" -> new PasswordUse(Optional.empty(),
                    "password never used (credential report: no_information)");
            case "N/A" -> new PasswordUse(Optional.empty(), "no console password (credential report: N/A)");
            case "not_supported" -> new PasswordUse(Optional.empty(), "not supported for this row");
            default -> new PasswordUse(UserKeys.instant(v), "password last used " + v);
        };
    }

    Optional<CredentialReportRow> reportRow(String user) {
        return acct.snapshot().credentialReport().flatMap(r -> r.row(user));
    }

    long days(Instant t) {
        return Duration.between(t, acct.asOf()).toDays();
    }

    // ---- unused ---------------------------------------------------------------------------------------------

    Findings unused(Duration threshold) {
        long n = threshold.toDays();
        List<Finding> out = new ArrayList<>();
        List<String> unknownUsers = new ArrayList<>();
        for (User u : acct.snapshot().users()) {
            if (reportRow(u.name()).isEmpty()) {
                unknownUsers.add(u.name());   // a user's last sign-in is only in the credential report
                continue;
            }
            PasswordUse pw = passwordUse(u);
            List<UserKeys.Key> keys = UserKeys.of(acct.snapshot(), u);
            Optional<Instant> lastKey = keys.stream().flatMap(k -> k.lastUsed().stream())
                    .map(AccessKey.KeyLastUsed::date).max(Instant::compareTo);
            String keyNote = lastKey.map(t -> "access keys last used " + t + " (" + days(t) + " days ago)")
                    .orElse(keys.isEmpty() ? "no access keys" : "access keys never used (last used: N/A)");
            Optional<Instant> last = max(pw.last(), lastKey);
            boolean admin = admins.isAdmin("user", u.name());
            String evidence = pw.note() + "; " + keyNote + "; created " + u.created() + " (" + days(u.created()) + " days ago)";
            if (last.isEmpty() && days(u.created()) < n) {
                out.add(new Finding(Check.UNUSED_USER_NEW.severity(), "user", u.name(), Check.UNUSED_USER_NEW.id(),
                        "new user, not used yet: too new to judge (created less than " + n + " days ago)", evidence,
                        "Nothing yet; it is judged once it is " + n + " days old."));
            } else if (last.isEmpty()) {
                out.add(new Finding(admin ? Severity.HIGH : Severity.MEDIUM, "user", u.name(),
                        Check.UNUSED_USER_NEVER.id(), "never used: no console sign-in and no access key use",
                        evidence, "Confirm with the owner, then delete the user (or at least its password and keys)."));
            } else if (days(last.get()) > n) {
                out.add(new Finding(admin ? Severity.HIGH : Severity.MEDIUM, "user", u.name(), Check.UNUSED_USER.id(),
                        "no sign-in or key use for " + days(last.get()) + " days (> " + n + ")", evidence,
                        "Disable the password and deactivate the keys; delete the user after the owner confirms."));
            } else if (pw.last().isPresent() && days(pw.last().get()) > n) {
                out.add(new Finding(Check.UNUSED_PASSWORD.severity(), "user", u.name(), Check.UNUSED_PASSWORD.id(),
                        "console password unused for " + days(pw.last().get()) + " days (> " + n + ")", evidence,
                        "Delete the login profile; the user keeps working through its keys."));
            }
        }
        for (Role r : acct.snapshot().roles()) {
            if (r.isServiceLinked()) {
                continue;   // service-linked roles belong to AWS: their use is the service's business
            }
            unusedRole(r, n).ifPresent(out::add);
        }
        java.util.Set<String> inUse = new java.util.HashSet<>();
        acct.snapshot().users().forEach(u -> {
            u.attachedPolicies().forEach(a -> inUse.add(a.arn()));
            u.permissionsBoundaryArn().ifPresent(inUse::add);
        });
        acct.snapshot().groups().forEach(g -> g.attachedPolicies().forEach(a -> inUse.add(a.arn())));
        acct.snapshot().roles().forEach(r -> {
            r.attachedPolicies().forEach(a -> inUse.add(a.arn()));
            r.permissionsBoundaryArn().ifPresent(inUse::add);
        });
        for (iamnb.model.ManagedPolicy mp : acct.snapshot().policies()) {
            if (!mp.isAwsManaged() && !inUse.contains(mp.arn()) && mp.attachmentCount() == 0
                    && mp.permissionsBoundaryUsageCount() == 0) {
                out.add(new Finding(Check.UNUSED_POLICY.severity(), "policy", mp.name(), Check.UNUSED_POLICY.id(),
                        "customer managed policy attached to nothing and used as no boundary",
                        "AttachmentCount 0, PermissionsBoundaryUsageCount 0; created " + mp.created() + " ("
                                + days(mp.created()) + " days ago)" + (mp.description().isEmpty() ? "" : "; \"" + mp.description() + "\""),
                        "Delete it (aws iam delete-policy, after deleting its non-default versions) so nobody attaches it by mistake."));
            }
        }
        List<NotChecked> unknown = unknownUsers.isEmpty() ? List.of()
                : List.of(new NotChecked(Check.UNUSED_USER.id(), users(unknownUsers), NO_REPORT));
        return new Findings("unused principals (" + n + " days)", acct.asOf(), out, unknown);
    }

    /** The finding for a role unused for more than {@code n} days, or never used; empty when it was used. */
    private Optional<Finding> unusedRole(Role r, long n) {
        long age = days(r.created());
        Optional<Instant> lastUse = r.lastUsed().map(RoleLastUsed::date);
        if (lastUse.isEmpty() && age < n) {
            return Optional.of(new Finding(Check.UNUSED_ROLE_NEW.severity(), "role", r.name(), Check.UNUSED_ROLE_NEW.id(),
                    "new role, not used yet: too new to judge (created less than " + n + " days ago)",
                    "RoleLastUsed is empty; created " + r.created() + " (" + age + " days ago)",
                    "Nothing yet; it is judged once it is " + n + " days old."));
        }
        if (lastUse.isPresent() && days(lastUse.get()) <= n) {
            return Optional.empty();
        }
        boolean admin = admins.isAdmin("role", r.name());
        String evidence = lastUse.isEmpty()
                ? "RoleLastUsed is empty (IAM tracks the last 400 days); created " + r.created() + " (" + age + " days ago)"
                : "RoleLastUsed " + lastUse.get() + (r.lastUsed().get().region().isEmpty() ? "" : " in " + r.lastUsed().get().region());
        // An idle admin role is expected only of a break-glass role, and only one that passes its checklist:
        // the name proves nothing, the checklist (MFA, 1-hour sessions, trusted by the account only) does.
        if (admin) {
            Checklist bg = breakGlass.run(r.name(), java.util.Set.of("arn:aws:iam::" + acct.accountId() + ":root"));
            if (bg.passed()) {
                return Optional.of(new Finding(Check.UNUSED_ROLE_BREAK_GLASS.severity(), "role", r.name(), Check.UNUSED_ROLE_BREAK_GLASS.id(),
                        "unused by design: an admin role kept for emergencies, and its break-glass checklist passes",
                        evidence + "; " + bg.caption(), "Nothing; match any future use to an incident."));
            }
        }
        if (lastUse.isEmpty()) {
            return Optional.of(new Finding(admin ? Severity.HIGH : Severity.MEDIUM, "role", r.name(), Check.UNUSED_ROLE_NEVER.id(),
                    "role never used", evidence,
                    "Confirm with the owner and delete the role (detach its policies and remove it from instance profiles first)."));
        }
        long d = days(lastUse.get());
        return Optional.of(new Finding(admin ? Severity.HIGH : Severity.MEDIUM, "role", r.name(), Check.UNUSED_ROLE.id(),
                "role unused for " + d + " days (> " + n + ")", evidence,
                "Confirm with the owner and delete the role; Access Analyzer's unused-access findings show "
                        + "which permissions went unused."));
    }

    /** "users a, b, c" (at most five names, then how many more). */
    private static String users(List<String> names) {
        return (names.size() == 1 ? "user " : "users ") + String.join(", ", names.subList(0, Math.min(5, names.size())))
                + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "");
    }

    private static Optional<Instant> max(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    Findings keys(Duration maxAge) {
        long n = maxAge.toDays();
        List<Finding> out = new ArrayList<>();
        List<String> unknownUsers = new ArrayList<>();
        for (User u : acct.snapshot().users()) {
            if (u.accessKeys().isEmpty() && reportRow(u.name()).isEmpty()) {
                unknownUsers.add(u.name());   // neither access-keys.json nor a report row lists this user's keys
                continue;
            }
            List<UserKeys.Key> active = UserKeys.of(acct.snapshot(), u).stream().filter(UserKeys.Key::active).toList();
            for (UserKeys.Key k : active) {
                long age = days(k.created());
                String used = k.lastUsed().map(l -> "last used " + l.date() + " (" + days(l.date()) + " days ago"
                        + (l.service().isEmpty() ? "" : ", " + l.service()) + ")").orElse("never used");
                String evidence = k.fromReport()
                        ? "credential report: " + k.label() + " active, last rotated " + k.created() + " (" + age
                                + " days ago), " + used + "; the key id is in access-keys.json (aws iam list-access-keys)"
                        : "key " + k.label() + " Active, created " + k.created() + " (" + age + " days ago), " + used;
                if (age > n) {
                    out.add(new Finding(Check.KEY_AGE.severity(), "user", u.name(), Check.KEY_AGE.id(),
                            "active access key " + k.label() + " is " + age + " days old (> " + n + ")", evidence,
                            "Rotate: create a second key, deploy it, deactivate this one, delete it after 24-48 h "
                                    + "(Runbooks.rotateKeys(acct, \"" + u.name() + "\"))."));
                }
                if (k.lastUsed().isEmpty()) {
                    out.add(new Finding(age < 7 ? Severity.LOW : Severity.MEDIUM, "user", u.name(), Check.KEY_NEVER_USED.id(),
                            "active access key " + k.label() + " was never used", evidence,
                            "Deactivate the key; delete it if nothing breaks."));
                } else if (days(k.lastUsed().get().date()) > n) {
                    out.add(new Finding(Check.KEY_UNUSED.severity(), "user", u.name(), Check.KEY_UNUSED.id(),
                            "active access key " + k.label() + " unused for " + days(k.lastUsed().get().date())
                                    + " days (> " + n + ")", evidence, "Deactivate the key; delete it if nothing breaks."));
                }
            }
            if (active.size() > 1) {
                out.add(new Finding(Check.KEY_TWO_ACTIVE.severity(), "user", u.name(), Check.KEY_TWO_ACTIVE.id(), "two active access keys",
                        active.stream().map(k -> k.label() + " created " + k.created()).toList().toString(),
                        "Finish the rotation: deactivate the older key once the new one is deployed."));
            }
        }
        rootRow().ifPresent(root -> {
            for (int i = 1; i <= 2; i++) {
                if ("true".equalsIgnoreCase(root.get("access_key_" + i + "_active"))) {
                    out.add(new Finding(Check.KEY_ROOT.severity(), "account", CredentialReportRow.ROOT, Check.KEY_ROOT.id(),
                            "the root user has an active access key (key " + i + ")",
                            "credential report: access_key_" + i + "_active=true, last rotated "
                                    + root.get("access_key_" + i + "_last_rotated") + ", last used "
                                    + root.get("access_key_" + i + "_last_used_date"),
                            "Delete the root access key (sign in as root, Security credentials); use IAM roles instead."));
                }
            }
        });
        List<NotChecked> unknown = new ArrayList<>();
        if (!unknownUsers.isEmpty()) {
            unknown.add(new NotChecked(Check.KEY.id(), users(unknownUsers), NO_REPORT));
        }
        if (rootRow().isEmpty()) {
            unknown.add(new NotChecked(Check.KEY_ROOT.id(), "account", acct.snapshot().credentialReport().isEmpty() ? NO_REPORT
                    : "unknown — the credential report has no " + CredentialReportRow.ROOT + " row; regenerate it"));
        }
        return new Findings("access keys (" + n + " days)", acct.asOf(), out, unknown);
    }

    private Optional<CredentialReportRow> rootRow() {
        return acct.snapshot().credentialReport().flatMap(r -> r.rows().stream().filter(CredentialReportRow::isRoot).findFirst());
    }

    // ---- MFA ------------------------------------------------------------------------------------------------

    Findings mfa() {
        List<Finding> out = new ArrayList<>();
        // Without a report row, a user's console password and MFA are known only from login-profiles.json and
        // mfa-devices.json; a snapshot where no user has either is taken not to hold those files.
        boolean loginProfilesHeld = acct.snapshot().users().stream().anyMatch(User::hasConsoleAccess);
        boolean mfaDevicesHeld = acct.snapshot().users().stream().anyMatch(User::hasMfa);
        List<String> unknownUsers = new ArrayList<>();
        for (User u : acct.snapshot().users()) {
            Optional<CredentialReportRow> row = reportRow(u.name());
            boolean console = u.hasConsoleAccess() || row.map(r -> "true".equals(r.get("password_enabled"))).orElse(false);
            boolean mfa = u.hasMfa() || row.map(r -> "true".equals(r.get("mfa_active"))).orElse(false);
            boolean consoleKnown = row.isPresent() || loginProfilesHeld;
            boolean mfaKnown = row.isPresent() || mfaDevicesHeld;
            if (!consoleKnown || console && !mfaKnown) {
                unknownUsers.add(u.name());
            } else if (console && !mfa) {
                boolean admin = admins.isAdmin("user", u.name());
                PasswordUse pw = passwordUse(u);
                out.add(new Finding(admin ? Severity.CRITICAL : Severity.HIGH, "user", u.name(), Check.MFA_CONSOLE.id(),
                        "console user without MFA" + (admin ? " (and admin-equivalent)" : ""),
                        "login profile since " + u.loginProfile().map(l -> l.created().toString()).orElse("?")
                                + ", no MFA device (credential report mfa_active=" + row.map(r -> r.get("mfa_active")).orElse("?")
                                + "); " + pw.note(),
                        "Enable a virtual or hardware MFA device, and attach a policy that denies everything but "
                                + "MFA set-up without aws:MultiFactorAuthPresent."));
            }
        }
        List<NotChecked> unknown = new ArrayList<>();
        if (!unknownUsers.isEmpty()) {
            unknown.add(new NotChecked(Check.MFA_CONSOLE.id(), users(unknownUsers), NO_REPORT));
        }
        Optional<CredentialReportRow> root = rootRow();
        if (root.isEmpty()) {
            unknown.add(new NotChecked(Check.MFA_ROOT.id(), "account", acct.snapshot().credentialReport().isEmpty()
                    ? NO_REPORT : "unknown — the credential report has no " + CredentialReportRow.ROOT
                            + " row; regenerate it (aws iam generate-credential-report, then get-credential-report)"));
        } else if (!"true".equalsIgnoreCase(root.get().get("mfa_active"))) {
            out.add(new Finding(Check.MFA_ROOT.severity(), "account", CredentialReportRow.ROOT, Check.MFA_ROOT.id(),
                    "the root user has no MFA", "credential report: <root_account> mfa_active=" + root.get().get("mfa_active")
                            + ", password_last_used=" + root.get().get("password_last_used"),
                    "Enable MFA on the root user (hardware key preferred) and lock the credentials away."));
        }
        return new Findings("MFA", acct.asOf(), out, unknown);
    }
}
