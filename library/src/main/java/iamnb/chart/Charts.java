package iamnb.chart;

import iamnb.model.AccountView;
import iamnb.table.AccountTables;
import iamnb.table.CredentialReportTable;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import tech.tablesaw.api.Table;

/**
 * Charts of an account's credentials and roles, from the account or from any Tablesaw table with the right
 * columns (so a filtered or joined table charts just as well). Each returns a {@link Chart}: PNG, SVG, the
 * table of what it plots, and a sentence describing it.
 *
 * <pre>{@code
 * Charts.keyAge(acct);                                       // histogram of key ages, 90-day threshold
 * Charts.lastUsed(acct);                                     // when each user last used password and keys
 * Charts.unusedRoles(acct, o -> o.top(15));                  // roles by days since last use
 * Charts.keyAgeVsLastUse(acct);                              // old keys vs idle keys
 * Charts.keyAge(acct.accessKeys().where(acct.accessKeys().stringColumn("user").startsWith("svc-")),
 *               o -> o.asOf(acct.asOf()).source("service users"));
 * }</pre>
 *
 * <p>From an account, titles say what and as of when: {@code Access key age, as of 2026-11-01 (demo 123456789012)}.
 * From a table, pass {@code asOf} and {@code source} in the options for the same title.
 */
public final class Charts {
    private Charts() {}

    // ---- key age -------------------------------------------------------------------------------------------

    /** Key age histogram from {@code acct.accessKeys()}. */
    public static Chart keyAge(AccountView acct) {
        return keyAge(acct, o -> {});
    }

    public static Chart keyAge(AccountView acct, Consumer<ChartOptions.Builder> options) {
        return KeyAgeChart.build(AccountTables.accessKeys(acct.snapshot()), forAccount(acct, options));
    }

    /**
     * Key age histogram from a table with {@code age_days} ({@code acct.accessKeys()}) or {@code key_1_age_days}
     * and {@code key_2_age_days} ({@code acct.credentialReport()}), or the columns named in the options.
     */
    public static Chart keyAge(Table table) {
        return keyAge(table, o -> {});
    }

    public static Chart keyAge(Table table, Consumer<ChartOptions.Builder> options) {
        return KeyAgeChart.build(Objects.requireNonNull(table, "table"), options(table, options));
    }

    // ---- last used -----------------------------------------------------------------------------------------

    /** When each user last used their console password and each access key, from {@code acct.credentialReport()}. */
    public static Chart lastUsed(AccountView acct) {
        return lastUsed(acct, o -> {});
    }

    public static Chart lastUsed(AccountView acct, Consumer<ChartOptions.Builder> options) {
        return LastUsedChart.build(CredentialReportTable.of(acct.snapshot().credentialReport(), acct.asOf()), forAccount(acct, options));
    }

    /**
     * Last-use timeline from a table with {@code user} and {@code password_last_used},
     * {@code access_key_1_last_used_date}, {@code access_key_2_last_used_date} (the credential report) or
     * {@code last_used} ({@code acct.accessKeys()}), or the columns named in the options.
     */
    public static Chart lastUsed(Table table) {
        return lastUsed(table, o -> {});
    }

    public static Chart lastUsed(Table table, Consumer<ChartOptions.Builder> options) {
        return LastUsedChart.build(Objects.requireNonNull(table, "table"), options(table, options));
    }

    // ---- unused roles --------------------------------------------------------------------------------------

    /** The roles unused the longest (never-used roles by days since creation), from {@code acct.roles()}. */
    public static Chart unusedRoles(AccountView acct) {
        return unusedRoles(acct, o -> {});
    }

    public static Chart unusedRoles(AccountView acct, Consumer<ChartOptions.Builder> options) {
        return UnusedRolesChart.build(AccountTables.roles(acct.snapshot()), forAccount(acct, options));
    }

    /**
     * Unused roles from a table with {@code role} and {@code days_since_use} ({@code role_age_days} for roles
     * never used; {@code service_linked} rows are left out), or the columns named in the options.
     */
    public static Chart unusedRoles(Table table) {
        return unusedRoles(table, o -> {});
    }

    public static Chart unusedRoles(Table table, Consumer<ChartOptions.Builder> options) {
        return UnusedRolesChart.build(Objects.requireNonNull(table, "table"), options(table, options));
    }

    // ---- key age vs last use -------------------------------------------------------------------------------

    /** Each access key's age against the days since its last use, from {@code acct.accessKeys()}. */
    public static Chart keyAgeVsLastUse(AccountView acct) {
        return keyAgeVsLastUse(acct, o -> {});
    }

    public static Chart keyAgeVsLastUse(AccountView acct, Consumer<ChartOptions.Builder> options) {
        return KeyAgeVsLastUseChart.build(AccountTables.accessKeys(acct.snapshot()), forAccount(acct, options));
    }

    /** Key age against idleness from a table with {@code age_days} and {@code days_since_use}, or the named columns. */
    public static Chart keyAgeVsLastUse(Table table) {
        return keyAgeVsLastUse(table, o -> {});
    }

    public static Chart keyAgeVsLastUse(Table table, Consumer<ChartOptions.Builder> options) {
        return KeyAgeVsLastUseChart.build(Objects.requireNonNull(table, "table"), options(table, options));
    }

    // ---- trust graph (issue 13, cross-account access) -------------------------------------------------------

    /**
     * Accounts as nodes and assume-role edges between them, counted, from a table with {@code from}, {@code to} and
     * {@code edges} (an organization's {@code trustGraph().accountTable()}).
     */
    public static Chart trustGraph(Table table) {
        return trustGraph(table, o -> {});
    }

    public static Chart trustGraph(Table table, Consumer<ChartOptions.Builder> options) {
        ChartOptions.Builder b = ChartOptions.builder().top(24);
        Objects.requireNonNull(options, "options").accept(b);
        return TrustGraphChart.build(Objects.requireNonNull(table, "table"), b.build());
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private static final java.util.regex.Pattern AS_OF =
            java.util.regex.Pattern.compile("\\bas of (\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)");

    /**
     * The caller's options over the instant the table's name gives ("access keys as of 2026-11-01T00:00:00Z", as
     * the account's tables are named and filtered copies keep), so a chart of a filtered table keeps its "as of".
     */
    private static ChartOptions options(Table table, Consumer<ChartOptions.Builder> options) {
        ChartOptions.Builder b = ChartOptions.builder();
        asOfInName(table.name()).ifPresent(b::asOf);
        Objects.requireNonNull(options, "options").accept(b);
        return b.build();
    }

    static java.util.Optional<Instant> asOfInName(String name) {
        java.util.regex.Matcher m = AS_OF.matcher(name == null ? "" : name);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Instant.parse(m.group(1)));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** The account's instant and a short source label first, then the caller's options (which may override them). */
    private static ChartOptions forAccount(AccountView acct, Consumer<ChartOptions.Builder> options) {
        Objects.requireNonNull(acct, "acct");
        ChartOptions.Builder b = ChartOptions.builder().asOf(acct.asOf()).source(sourceLabel(acct));
        Objects.requireNonNull(options, "options").accept(b);
        return b.build();
    }

    /** {@code demo 123456789012}, {@code snapshot 123456789012}, {@code live 123456789012}: where, and which account. */
    static String sourceLabel(AccountView acct) {
        return acct.source().split(" ", 2)[0] + " " + acct.accountId();
    }

    /** {@code "Access key age, as of 2026-11-01 (demo 123456789012)"}, or the title the options give. */
    static String title(String what, ChartOptions o) {
        if (o.title().isPresent()) {
            return o.title().get();
        }
        return what + o.asOf().map(Charts::day).map(d -> ", as of " + d).orElse("")
                + o.source().map(s -> " (" + s + ")").orElse("");
    }

    static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }

    /** Tick labels for counts: whole numbers only. */
    static String integerTicks(Double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format("%,d", Math.round(v)) : "";
    }
}
