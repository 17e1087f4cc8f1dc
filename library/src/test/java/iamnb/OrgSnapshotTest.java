package iamnb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.model.AccountSnapshot;
import iamnb.model.OrgMember;
import iamnb.source.DemoAccount;
import iamnb.source.InMemoryOrg;
import iamnb.source.OrgSnapshotFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** An organization snapshot folder written from one source reads back as the same set, lazily and verifiably. */
class OrgSnapshotTest {
    private static Org demoMemberOnly() {
        AccountSnapshot demo = DemoAccount.load();
        return new Org(InMemoryOrg.of(demo.organization().orElseThrow(), List.of(demo), "test organization"));
    }

    @Test
    void savedSetReadsBackWithTheSameDigestAndMembers(@TempDir Path dir) {
        Org org = demoMemberOnly();
        org.save(dir);
        Org back = Iam.fromOrganizationSnapshot(dir);
        assertEquals(org.provenance().sha256(), back.provenance().sha256());
        assertEquals(org.members().size(), back.members().size());
        assertEquals(List.of("123456789012"), back.collectedAccountIds());
        OrgMember other = back.findMember("222222222222").orElseThrow();
        assertFalse(other.collected());
        assertTrue(other.warnings().get(0).contains("no snapshot"), other.warnings().toString());
        assertTrue(other.ouPath().startsWith("Root/"), other.ouPath());
        // the member folder is an ordinary account snapshot without the organization; loading puts it back
        assertFalse(Files.exists(dir.resolve("accounts/123456789012/organization")));
        Account a = back.account("123456789012");
        assertEquals(DemoAccount.load(), a.snapshot());
        assertEquals(Iam.demo().provenance().sha256(), a.provenance().sha256());
    }

    @Test
    void accountsTableShowsEveryMemberAndWhyItWasNotCollected(@TempDir Path dir) {
        Table t = demoMemberOnly().accounts();
        assertEquals(5, t.rowCount());
        assertEquals(1, t.booleanColumn("collected").countTrue());
    }

    @Test
    void verifyFindsAMemberEditedAfterSaving(@TempDir Path dir) throws Exception {
        demoMemberOnly().save(dir);
        Org back = Iam.fromOrganizationSnapshot(dir);
        assertEquals(List.of("same"), back.verify().stringColumn("status").asList());
        assertEquals(List.of("no digest recorded"), demoMemberOnly().verify().stringColumn("status").asList());
        Path gaad = dir.resolve("accounts/123456789012/gaad.json");
        Files.writeString(gaad, Files.readString(gaad).replace("svc-deploy", "svc-deplox"));
        Table v = Iam.fromOrganizationSnapshot(dir).verify();
        assertEquals(List.of("CHANGED"), v.stringColumn("status").asList());
    }

    @Test
    void unknownAndUncollectedAccountsAreClearErrors(@TempDir Path dir) {
        demoMemberOnly().save(dir);
        Org back = Iam.fromOrganizationSnapshot(dir);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> back.account("123456789013"));
        assertTrue(e.getMessage().contains("123456789012"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> back.account("222222222222"));
        assertTrue(e.getMessage().contains("not collected"), e.getMessage());
    }

    @Test
    void aFolderThatIsNoOrganizationSnapshotIsRefusedByName(@TempDir Path dir) throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromOrganizationSnapshot(dir));
        assertTrue(e.getMessage().contains(OrgSnapshotFiles.INDEX), e.getMessage());
        Files.writeString(dir.resolve("notes.txt"), "x");
        e = assertThrows(InvalidInputException.class, () -> demoMemberOnly().save(dir));
        assertTrue(e.getMessage().contains("not an organization snapshot"), e.getMessage());
    }

    @Test
    void anIndexNamingAnAccountOutsideTheOrganizationIsRefused(@TempDir Path dir) throws Exception {
        demoMemberOnly().save(dir);
        Path index = dir.resolve(OrgSnapshotFiles.INDEX);
        Files.writeString(index, Files.readString(index).replace("\"111111111111\"", "\"444444444444\""));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Iam.fromOrganizationSnapshot(dir));
        assertTrue(e.getMessage().contains("444444444444") && e.getMessage().contains(OrgSnapshotFiles.INDEX),
                e.getMessage());
    }
}
