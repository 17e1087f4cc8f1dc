package iamnb.source;

import static iamnb.source.AssumeHops.assertCanAssume;
import static iamnb.source.AssumeHops.canAssume;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Account;
import iamnb.Iam;
import iamnb.InvalidInputException;
import iamnb.Org;
import iamnb.model.OrgUnit;
import iamnb.model.Role;
import iamnb.model.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticOrganizationTest {
    private static final SyntheticOrganization SMALL = SyntheticOrganization.of(12, 5, 10, 7);

    private static String accountOf(String arn) {
        return arn.split(":")[4];
    }

    @Test
    void writeTo_whenSameSeedWrittenTwice_thenSameSetDigest_andAnotherSeedDiffers(@TempDir Path tmp) {
        String a = SMALL.writeTo(tmp.resolve("a"));
        String b = SyntheticOrganization.of(12, 5, 10, 7).writeTo(tmp.resolve("b"));
        String other = SyntheticOrganization.of(12, 5, 10, 8).writeTo(tmp.resolve("c"));
        assertEquals(a, b);
        assertNotEquals(a, other);
        assertEquals(a, new Org(SMALL.source()).provenance().sha256(), "the in-memory set has the written digest");
    }

    @Test
    void writeTo_whenReadBack_thenEveryMemberIsCollectedWithItsGeneratedSize(@TempDir Path tmp) {
        Path dir = tmp.resolve("org");
        String digest = SMALL.writeTo(dir);
        Org org = Iam.fromOrganizationSnapshot(dir);
        assertEquals(digest, org.provenance().sha256());
        assertEquals(12, org.collectedAccountIds().size());
        assertEquals(SyntheticOrganization.accountId(0), org.managementAccountId());
        List<String> seen = new ArrayList<>();
        org.forEachAccount(a -> {
            seen.add(a.accountId());
            assertEquals(5, a.snapshot().users().size(), a.accountId());
            assertTrue(a.snapshot().roles().size() >= 12, a.accountId() + ": 10 generated roles and the organization's");
            assertTrue(a.snapshot().organization().isPresent());
        });
        assertEquals(org.collectedAccountIds(), seen);
        assertTrue(org.verify().stringColumn("status").asList().stream().allMatch("same"::equals));
        assertEquals(SMALL.member(4), org.account(SyntheticOrganization.accountId(4)).snapshot().toBuilder()
                .organization(null).build());
    }

    @Test
    void organization_whenBuilt_thenSomeOusHaveTheGuardrailAndSomeDoNot() {
        List<OrgUnit> ous = SMALL.organization().units().stream().filter(u -> !u.isRoot()).toList();
        assertTrue(ous.stream().anyMatch(u -> u.policyIds().contains("p-guardrails")));
        assertTrue(ous.stream().anyMatch(u -> !u.policyIds().contains("p-guardrails")));
        assertEquals(12, SMALL.organization().accounts().size());
    }

    @Test
    void chainedPaths_whenEachHopIsSimulated_thenBothSidesAllowAndTheEndIsAdmin() {
        List<SyntheticOrganization.ChainedPath> paths = SMALL.chainedPaths();
        assertEquals(1, paths.size());
        assertEquals(10, SyntheticOrganization.of(1000, 0, 0, 1).chainedPaths().size(), "one per hundred members");
        Org org = new Org(SMALL.source());
        for (SyntheticOrganization.ChainedPath p : paths) {
            Account start = org.account(accountOf(p.start()));
            Account hop = org.account(accountOf(p.hop()));
            Account admin = org.account(accountOf(p.admin()));
            assertCanAssume(start, p.start(), hop, p.hop(), Map.of());
            assertCanAssume(hop, p.hop(), admin, p.admin(), Map.of());
            assertTrue(admin.audit().admins().check("ADMIN-EFFECTIVE").principals().contains("chain-admin"));
            assertFalse(canAssume(start, p.start(), admin, p.admin(), Map.of()), "no shortcut past the hop");
        }
    }

    @Test
    void trusts_whenReviewed_thenCiDeploysEverywhereWithExternalId_andOnePartnerTrustLacksIt() {
        Org org = new Org(SMALL.source());
        Account tools = org.account(SyntheticOrganization.accountId(1));
        Account member = org.account(SyntheticOrganization.accountId(5));
        String deploy = "arn:aws:iam::" + member.accountId() + ":role/org-deploy";
        assertFalse(canAssume(tools, "ci-pipeline", member, deploy, Map.of()));
        assertCanAssume(tools, "ci-pipeline", member, deploy, Map.of("sts:ExternalId", "deploy-" + member.accountId()));
        Role partner = org.account(SyntheticOrganization.accountId(3)).findRole("partner-access").orElseThrow();
        Statement s = partner.trustPolicy().statements().get(0);
        assertEquals(List.of("arn:aws:iam::900000000003:root"), s.principal().orElseThrow().aws());
        assertTrue(s.conditions().isEmpty(), "member 3 trusts its partner without an ExternalId");
        assertTrue(SMALL.organization().account("900000000003").isEmpty(), "the partner is outside the organization");
    }

    @Test
    void of_whenTooFewAccounts_thenClearError() {
        var e = assertThrows(InvalidInputException.class, () -> SyntheticOrganization.of(1, 5, 5, 1));
        assertTrue(e.getMessage().contains("2 to 100000 accounts"), e.getMessage());
    }
}
