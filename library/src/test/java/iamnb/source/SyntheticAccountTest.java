package iamnb.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.Iam;
import iamnb.Account;
import iamnb.model.AccountView;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAccountTest {
    @Test
    void generate_whenSameSeed_thenSameAccountAndOtherSeedOtherAccount() {
        AccountView a = SyntheticAccount.generate(60, 120, 6, 25, 7);
        assertEquals(a.snapshot(), SyntheticAccount.generate(60, 120, 6, 25, 7).snapshot());
        assertNotEquals(a.snapshot(), SyntheticAccount.generate(60, 120, 6, 25, 8).snapshot());
    }

    @Test
    void generate_whenAsked_thenRequestedSizesWithRealisticMixes() {
        AccountView v = SyntheticAccount.generate(400, 800, 20, 100, 1);
        Account a = new Account(v.snapshot(), v.source());
        assertEquals(400, a.snapshot().users().size());
        assertEquals(800, a.snapshot().roles().size());
        assertEquals(20, a.snapshot().groups().size());
        assertEquals(100 + 12, a.snapshot().policies().size(), "customer policies plus a dozen AWS managed");
        assertEquals(401, a.credentialReport().rowCount(), "every user and the root");
        long withKeys = a.snapshot().users().stream().filter(u -> !u.accessKeys().isEmpty()).count();
        long console = a.snapshot().users().stream().filter(u -> u.hasConsoleAccess()).count();
        long crossAccount = a.snapshot().roles().stream().filter(r -> r.name().startsWith("cross-")).count();
        assertTrue(withKeys > 150 && withKeys < 300, "about half the users have keys: " + withKeys);
        assertTrue(console > 180 && console < 300, "about 60% sign in to the console: " + console);
        assertTrue(crossAccount > 60 && crossAccount < 180, "about 15% of roles trust another account: " + crossAccount);
    }

    @Test
    void generate_whenSavedAndRead_thenEqualSnapshot(@TempDir Path tmp) {
        AccountView v = SyntheticAccount.generate(50, 80, 5, 20, 3);
        Account a = new Account(v.snapshot(), v.source());
        assertEquals(a.snapshot(), Iam.fromSnapshot(a.save(tmp.resolve("s"))).snapshot());
        Path written = tmp.resolve("t");
        new SnapshotWriter().write(v.snapshot(), written);
        assertEquals(a.snapshot(), Iam.fromSnapshot(written).snapshot());
    }
}
