package iamnb.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.InvalidInputException;
import iamnb.audit.Audit;
import iamnb.audit.Check;
import iamnb.source.InMemoryOrg;
import iamnb.source.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Organization-wide audits on a hand-built organization ({@link SmallOrg}): each planted problem, each clean twin. */
class OrgAuditTest {
    private static final Table ALL = new OrgAudit(SmallOrg.source()).all();

    /** The rows of one check: "account principal severity" each. */
    private static List<String> rows(Table t, Check check) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (t.stringColumn("check").get(i).equals(check.id())) {
                out.add(t.stringColumn("account").get(i) + " " + t.stringColumn("principal").get(i) + " "
                        + t.stringColumn("severity").get(i));
            }
        }
        return out;
    }

    @Test
    void scpCoverage_flagsTheAccountWithoutAnyDenyAndTheOneMissingItsSiblingsGuardrail() {
        assertEquals(List.of(SmallOrg.LEGACY + " " + SmallOrg.LEGACY + " (legacy \"old\" ünits) HIGH"),
                rows(ALL, Check.ORG_SCP_NO_GUARDRAIL));
        assertEquals(List.of(SmallOrg.SHARED + " " + SmallOrg.SHARED + " (shared) MEDIUM"), rows(ALL, Check.ORG_SCP_GAP));
        Table gap = ALL.where(ALL.stringColumn("check").isEqualTo(Check.ORG_SCP_GAP.id()));
        String evidence = gap.stringColumn("evidence").get(0);
        assertTrue(evidence.contains("DenyLeaveOrg") && evidence.contains("OU Prod (ou-prod)")
                && evidence.contains("OU Dev (ou-dev)") && evidence.contains("OU Shared"), evidence);
        assertTrue(gap.stringColumn("remediation").get(0).startsWith("Attach DenyLeaveOrg to OU Shared"),
                gap.stringColumn("remediation").get(0));
        // the management account (SCPs never apply) and the suspended account are not judged
        assertTrue(new OrgAudit(SmallOrg.source()).scpCoverage().stringColumn("account")
                .asSet().equals(Set.of(SmallOrg.LEGACY, SmallOrg.SHARED)));
    }

    @Test
    void scpCoverage_whenNoAccountHasAGuardrail_reportsNothing() {
        var org = SmallOrg.organization();
        var allowOnly = new iamnb.model.Organization(org.id(), "", org.managementAccountId(), "ALL", org.units().stream()
                .map(u -> new iamnb.model.OrgUnit(u.id(), "", u.name(), u.parentId(), List.of("p-full"))).toList(),
                org.accounts().stream().map(a -> new iamnb.model.OrgAccount(a.id(), "", a.name(), "", a.status(),
                        a.parentId(), List.of())).toList(), org.policies());
        assertTrue(new ScpCoverage(allowOnly).findingsByAccount().isEmpty());
    }

    @Test
    void trustOutside_isHighWhenOpen_lowWhenExternalIdNarrowsIt_andExternalIdGapOnlyForTheOpenOne() {
        assertEquals(List.of(SmallOrg.PROD + " vendor-open HIGH", SmallOrg.PROD + " vendor-extid LOW"),
                rows(ALL, Check.ORG_TRUST_OUTSIDE));
        assertEquals(List.of(SmallOrg.PROD + " vendor-open MEDIUM"), rows(ALL, Check.ORG_TRUST_NO_EXTERNALID));
        Table open = ALL.where(ALL.stringColumn("check").isEqualTo(Check.ORG_TRUST_OUTSIDE.id())
                .and(ALL.stringColumn("principal").isEqualTo("vendor-open")));
        String evidence = open.stringColumn("evidence").get(0);
        assertTrue(evidence.contains("Engine: sts:AssumeRole by arn:aws:iam::777777777777:role/"
                + CrossAccountTrust.PROBE_ROLE) && evidence.contains("ALLOW"), evidence);
        Table narrowed = ALL.where(ALL.stringColumn("principal").isEqualTo("vendor-extid")
                .and(ALL.stringColumn("check").isEqualTo(Check.ORG_TRUST_OUTSIDE.id())));
        assertTrue(narrowed.stringColumn("finding").get(0).contains("sts:ExternalId"), narrowed.stringColumn("finding").get(0));
    }

    @Test
    void memberRootTrust_isFlaggedWithoutNarrowing_andNotWithPrincipalArnOrANamedRole() {
        assertEquals(List.of(SmallOrg.PROD + " ops-from-shared MEDIUM"), rows(ALL, Check.ORG_TRUST_MEMBER_ROOT));
        // deploy-from-dev (aws:PrincipalArn) and dev's ci (names prod's deployer role) are member trusts done right
        assertTrue(rows(ALL, Check.ORG_TRUST_OUTSIDE).stream().noneMatch(r -> r.contains("ci") || r.contains("deploy-from-dev")));
    }

    @Test
    void streamedAudit_putsEachAccountsOwnFindingsUnderItsAccount() {
        Table admins = ALL.where(ALL.stringColumn("check").isEqualTo(Check.ADMIN_EFFECTIVE.id()));
        assertEquals(Set.of(SmallOrg.DEV), admins.stringColumn("account").asSet());
        assertEquals("dev-admin", admins.stringColumn("principal").get(0));
        assertEquals("Root/Dev", admins.stringColumn("ou_path").get(0));
        assertEquals(List.of(SmallOrg.CLOSED + " " + SmallOrg.CLOSED + " (closed) INFO"),
                rows(ALL, Check.ORG_ACCOUNT_NOT_AUDITED));
        // rows come in account id order
        List<String> accounts = ALL.stringColumn("account").asList();
        List<String> sorted = new ArrayList<>(accounts);
        sorted.sort(null);
        assertEquals(sorted, accounts);
        assertEquals(AccountFindings.COLUMNS, ALL.columnNames());
    }

    @Test
    void each_runsOneAuditPerAccount_withoutOrganizationChecks() {
        Table admins = new OrgAudit(SmallOrg.source()).each(Audit::admins);
        assertFalse(admins.stringColumn("check").asSet().stream().anyMatch(c -> c.startsWith("ORG-SCP")
                || c.startsWith("ORG-TRUST")), admins.stringColumn("check").asSet().toString());
        assertTrue(admins.stringColumn("principal").asSet().contains("dev-admin"));
    }

    @Test
    void parallelAudit_givesTheSameRowsInTheSameOrder_withAtMostTwoAccountsLoadedAndNotYetDelivered() {
        AtomicInteger alive = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        InMemoryOrg counting = new InMemoryOrg(SmallOrg.organization(),
                Set.of(SmallOrg.PROD, SmallOrg.DEV, SmallOrg.SHARED, SmallOrg.LEGACY, SmallOrg.MANAGEMENT),
                id -> "account is suspended", id -> {
                    most.accumulateAndGet(alive.incrementAndGet(), Math::max);
                    return SmallOrg.snapshot(id);
                }, SmallOrg.AS_OF, "counting organization");
        List<String> order = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        new OrgAudit(counting).parallelism(2).stream(Audit::all, true, r -> {
            order.add(r.member().accountId());
            r.findings().list().forEach(f -> findings.add(f.finding()));
            if (r.member().collected()) {
                alive.decrementAndGet();   // delivered: the account itself is gone, only its findings were handed on
            }
        });
        assertEquals(new ArrayList<>(new TreeSet<>(order)), order);
        assertEquals(ALL.stringColumn("finding").asList(), findings);
        assertTrue(most.get() <= 2, "at most two accounts in flight, saw " + most.get());
        assertEquals(0, alive.get());
    }

    @Test
    void progress_reportsEveryAccount() {
        List<String> events = new ArrayList<>();
        new OrgAudit(SmallOrg.source()).progress(new ProgressListener() {
            @Override
            public void started(String phase, int total) {
                events.add("start " + total);
            }

            @Override
            public void advanced(String phase, int done) {
                events.add("done " + done);
            }

            @Override
            public void finished(String summary) {
                events.add(summary);
            }
        }).each(Audit::keys);
        assertEquals(List.of("start 6", "done 1", "done 2", "done 3", "done 4", "done 5", "done 6", "audited 6 accounts"),
                events);
    }

    @Test
    void summary_isOneRowPerAccountWithACountPerSeverity_andNoTotalRow() {
        Table s = new OrgAudit(SmallOrg.source()).summary();
        assertEquals(6, s.rowCount());
        assertEquals(List.of("account", "account_name", "ou_path", "critical", "high", "medium", "low", "info", "total"),
                s.columnNames());
        assertEquals(ALL.rowCount(), (int) s.intColumn("total").sum());
        int legacy = s.stringColumn("account").indexOf(SmallOrg.LEGACY);
        assertTrue(s.intColumn("high").getInt(legacy) >= 1);
        assertTrue(s.name().contains("total " + ALL.rowCount()), s.name());
        Table fromTable = OrgAudit.summaryOf(ALL);
        assertEquals(ALL.rowCount(), (int) fromTable.intColumn("total").sum());
    }

    @Test
    void badInputIsRefusedByName() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new OrgAudit(SmallOrg.source()).parallelism(0));
        assertTrue(e.getMessage().contains("parallelism"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> OrgAudit.summaryOf(Table.create("x")));
        assertTrue(e.getMessage().contains("\"account\""), e.getMessage());
    }
}
