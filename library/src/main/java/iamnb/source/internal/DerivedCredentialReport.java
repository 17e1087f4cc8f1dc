package iamnb.source.internal;

import iamnb.model.AccessKey;
import iamnb.model.AccountSnapshot;
import iamnb.model.CredentialReport;
import iamnb.model.CredentialReportRow;
import iamnb.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the credential report IAM would generate for an account built in code (the demo, synthetic
 * accounts), following IAM's rules for the special values: {@code N/A} where a credential does not exist,
 * {@code no_information} for a password never used, {@code not_supported} on the root row.
 */
public final class DerivedCredentialReport {
    private DerivedCredentialReport() {}

    /**
     * What the model does not hold about the root user and console sign-ins.
     *
     * @param rootCreated when the account was created
     * @param rootPasswordLastUsed last root console sign-in, if any
     * @param rootMfa whether the root user has MFA
     * @param passwordLastUsed per user name, the last console sign-in (absent: never)
     * @param generated when the report is said to be generated
     */
    public record Facts(Instant rootCreated, Optional<Instant> rootPasswordLastUsed, boolean rootMfa,
                        Map<String, Instant> passwordLastUsed, Instant generated) {
        public Facts {
            passwordLastUsed = Map.copyOf(passwordLastUsed);
        }
    }

    public static CredentialReport derive(AccountSnapshot s, Facts facts) {
        List<CredentialReportRow> rows = new ArrayList<>(s.users().size() + 1);
        Map<String, String> root = new LinkedHashMap<>();
        root.put("user", CredentialReportRow.ROOT);
        root.put("arn", "arn:aws:iam::" + s.accountId() + ":root");
        root.put("user_creation_time", Times.format(facts.rootCreated()));
        root.put("password_enabled", "not_supported");
        root.put("password_last_used", facts.rootPasswordLastUsed().map(Times::format).orElse("no_information"));
        root.put("password_last_changed", "not_supported");
        root.put("password_next_rotation", "not_supported");
        root.put("mfa_active", Boolean.toString(facts.rootMfa()));
        keyColumns(root, 1, null);
        keyColumns(root, 2, null);
        certColumns(root);
        rows.add(CredentialReportRow.of(root));
        for (User u : s.users()) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("user", u.name());
            r.put("arn", u.arn());
            r.put("user_creation_time", Times.format(u.created()));
            boolean password = u.loginProfile().isPresent();
            r.put("password_enabled", Boolean.toString(password));
            Instant used = facts.passwordLastUsed().get(u.name());
            r.put("password_last_used", !password && used == null ? "N/A"
                    : used == null ? "no_information" : Times.format(used));
            r.put("password_last_changed", u.loginProfile().map(p -> Times.format(p.created())).orElse("N/A"));
            r.put("password_next_rotation", "N/A");
            r.put("mfa_active", Boolean.toString(u.hasMfa()));
            keyColumns(r, 1, u.accessKeys().size() > 0 ? u.accessKeys().get(0) : null);
            keyColumns(r, 2, u.accessKeys().size() > 1 ? u.accessKeys().get(1) : null);
            certColumns(r);
            rows.add(CredentialReportRow.of(r));
        }
        return new CredentialReport(Optional.of(facts.generated()), rows);
    }

    private static void keyColumns(Map<String, String> r, int n, AccessKey key) {
        String p = "access_key_" + n + "_";
        r.put(p + "active", Boolean.toString(key != null && key.isActive()));
        r.put(p + "last_rotated", key == null ? "N/A" : Times.format(key.created()));
        var last = key == null ? Optional.<AccessKey.KeyLastUsed>empty() : key.lastUsed();
        r.put(p + "last_used_date", last.map(l -> Times.format(l.date())).orElse("N/A"));
        r.put(p + "last_used_region", last.map(AccessKey.KeyLastUsed::region).filter(x -> !x.isEmpty()).orElse("N/A"));
        r.put(p + "last_used_service", last.map(AccessKey.KeyLastUsed::service).filter(x -> !x.isEmpty()).orElse("N/A"));
    }

    private static void certColumns(Map<String, String> r) {
        r.put("cert_1_active", "false");
        r.put("cert_1_last_rotated", "N/A");
        r.put("cert_2_active", "false");
        r.put("cert_2_last_rotated", "N/A");
    }
}
