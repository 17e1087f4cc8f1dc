package iamnb.audit;

import static org.junit.jupiter.api.Assertions.*;

import iamnb.Account;
import iamnb.Iam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audits on what most analysts export: a folder with only {@code gaad.json} and {@code credential-report.csv}
 * (fixtures/report-only, written in the formats AWS documents: inactive keys keeping their dates, N/A,
 * no_information, the root row, CLI v1 "Z" and CLI v2 "+00:00" timestamps). Every planted problem is found, nothing
 * clean is flagged, and the same account with every optional file (fixtures/optional-files added) gets the same
 * verdicts.
 */
class ReportOnlySnapshotTest {
    private static Account reportOnly;
    private static Account full;

    @BeforeAll
    static void load(@TempDir Path tmp) throws Exception {
        Path reportOnlyDir = fixture("report-only");
        reportOnly = Iam.fromSnapshot(reportOnlyDir);
        Path both = tmp.resolve("full");
        Files.createDirectories(both);
        for (Path dir : List.of(reportOnlyDir, fixture("optional-files"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> copy(f, both.resolve(f.getFileName().toString())));
            }
        }
        full = Iam.fromSnapshot(both);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ReportOnlySnapshotTest.class.getResource("/iamnb/fixtures/" + name).toURI());
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "SEVERITY CHECK principal", one per finding: what an audit decided, without the wording. */
    private static Set<String> verdicts(Findings f) {
        return f.list().stream().map(x -> x.severity() + " " + x.check() + " " + x.principal())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertVerdicts(Function<Audit, Findings> audit, String... expected) {
        Findings onReport = audit.apply(reportOnly.audit());
        assertEquals(new TreeSet<>(Set.of(expected)), verdicts(onReport), onReport.toString());
        Findings onFull = audit.apply(full.audit());
        assertEquals(verdicts(onReport), verdicts(onFull), "with every optional file:\n" + onFull);
    }

    @Test
    void fixture_holdsOnlyGaadAndCredentialReport() throws Exception {
        try (Stream<Path> files = Files.list(fixture("report-only"))) {
            assertEquals(Set.of("gaad.json", "credential-report.csv"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        assertEquals(reportOnly.asOf(), full.asOf());
        assertTrue(reportOnly.snapshot().users().stream().allMatch(u -> u.accessKeys().isEmpty()));
    }

    @Test
    void keys_fromTheCredentialReportAlone_findStaleNeverUsedAndTwoActiveKeys() {
        assertVerdicts(Audit::keys,
                "MEDIUM KEY-AGE stale-key",
                "MEDIUM KEY-NEVER-USED never-used-key",
                "LOW KEY-TWO-ACTIVE two-keys");
    }

    @Test
    void keys_withoutKeyIds_nameTheKeyBySlot() {
        Findings f = reportOnly.audit().keys();
        assertTrue(f.forPrincipal("stale-key").list().get(0).finding().contains("key 1"), f.toString());
        assertTrue(f.forPrincipal("two-keys").list().get(0).evidence().contains("key 2"), f.toString());
        Findings withIds = full.audit().keys();
        assertTrue(withIds.forPrincipal("stale-key").list().get(0).finding().contains("AKIAFIXTURE"), withIds.toString());
    }

    @Test
    void unused_fromTheCredentialReportAlone_findsIdlePrincipalsAndJudgesNoneTooEarly() {
        assertVerdicts(Audit::unused,
                "MEDIUM UNUSED-USER-NEVER never-used-key",
                "MEDIUM UNUSED-USER-NEVER never-signed-in",
                "MEDIUM UNUSED-ROLE old-unused-role",
                "MEDIUM UNUSED-ROLE-NEVER never-used-role",
                "INFO UNUSED-ROLE-NEW brand-new-role",
                "INFO UNUSED-ROLE-BREAK-GLASS break-glass-admin");
    }

    @Test
    void unused_evidence_seesTheKeyTheReportLists() {
        Finding f = reportOnly.audit().unused().forPrincipal("never-used-key").list().get(0);
        assertFalse(f.evidence().contains("no access keys"), f.evidence());
        assertTrue(f.evidence().contains("never used"), f.evidence());
    }

    @Test
    void mfa_fromTheCredentialReportAlone_findsConsoleUsersAndRootWithoutMfa() {
        assertVerdicts(Audit::mfa,
                "CRITICAL MFA-CONSOLE admin-no-mfa",
                "HIGH MFA-CONSOLE console-no-mfa",
                "CRITICAL MFA-ROOT <root_account>");
    }

    @Test
    void admins_onReportOnlyFolder_findTheAdminUserAndTheBreakGlassRole() {
        assertVerdicts(Audit::admins,
                "HIGH ADMIN-EFFECTIVE admin-no-mfa",
                "INFO ADMIN-BREAK-GLASS break-glass-admin");
    }

    @Test
    void wideTrust_onReportOnlyFolder_findsTheWildcardAndThePartnerAccountRoot() {
        assertVerdicts(Audit::wideTrust,
                "CRITICAL TRUST-WILDCARD wide-trust-role",
                "HIGH TRUST-ACCOUNT-ROOT partner-role");
    }

    @Test
    void boundaries_onReportOnlyFolder_findTheDevRoleWithoutBoundary() {
        assertVerdicts(Audit::boundaries, "HIGH BOUNDARY-MISSING dev-alice");
    }

    @Test
    void keyAgeChart_fromTheCredentialReportAlone_countsEveryKey() {
        var onReport = iamnb.chart.Charts.keyAge(reportOnly);
        var onFull = iamnb.chart.Charts.keyAge(full);
        assertEquals(onFull.data().intColumn("keys").sum(), onReport.data().intColumn("keys").sum());
        assertEquals(7, onReport.data().intColumn("keys").sum(), onReport.description());
        assertTrue(onReport.description().contains("stale-key"), onReport.description());
    }

    @Test
    void accessKeysTable_fromTheCredentialReportAlone_listsEveryKeyBySlot() {
        var t = reportOnly.accessKeys();
        assertEquals(full.accessKeys().rowCount(), t.rowCount());
        assertEquals(List.of("key 1", "key 2"), t.where(t.stringColumn("user").isEqualTo("two-keys"))
                .stringColumn("access_key_id").asList());
    }

    @Test
    void credentialAudits_withTheReport_leaveNothingUnchecked() {
        for (Findings f : List.of(reportOnly.audit().keys(), reportOnly.audit().unused(), reportOnly.audit().mfa())) {
            assertEquals(List.of(), f.notChecked(), f.caption());
        }
    }

    @Test
    void irsaTrust_withoutOidcProvidersFile_isNotCheckedRatherThanMissing() {
        Findings onReport = reportOnly.audit().irsaTrust();
        assertTrue(onReport.isEmpty(), onReport.toString());
        assertEquals(List.of("IRSA-PROVIDER-MISSING (role eks-app): " + IrsaAudit.NO_PROVIDERS),
                onReport.notChecked().stream().map(NotChecked::toString).toList());
        Findings onFull = full.audit().irsaTrust();
        assertTrue(onFull.isEmpty() && onFull.notChecked().isEmpty(), onFull.toString());
    }

    @Test
    void bucketAndAnalyzerAudits_withoutTheirFiles_sayNotCheckedAndFindNothing() {
        for (Findings f : List.of(reportOnly.audit().buckets(), reportOnly.audit().s3ArnLint(), reportOnly.audit().accessAnalyzer())) {
            assertTrue(f.isEmpty(), f.toString());
            assertTrue(f.caption().contains("not checked") && f.caption().contains("unknown — add "), f.caption());
        }
        Findings all = reportOnly.audit().all();
        assertEquals(Set.of("S3", "ANALYZER", "IRSA-PROVIDER-MISSING"),
                all.notChecked().stream().map(NotChecked::check).collect(Collectors.toSet()), all.caption());
    }

    @Test
    void usersTable_fromTheCredentialReportAlone_showsConsoleMfaAndKeys() {
        var onReport = reportOnly.users();
        var onFull = full.users();
        for (String column : List.of("console_access", "mfa", "access_keys", "active_keys")) {
            assertEquals(onFull.column(column).asList(), onReport.column(column).asList(), column);
        }
        var twoKeys = onReport.where(onReport.stringColumn("user").isEqualTo("two-keys"));
        assertEquals(2, twoKeys.intColumn("active_keys").get(0));
    }
}
