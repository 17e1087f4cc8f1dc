package iamnb.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MagicRegistryTest {

    private final MagicRegistry registry = StandardMagics.create(Map.of("HOME", "/root", "AWS_SECRET_ACCESS_KEY", "abc"));

    @Test
    void complete_whenTypingMa_thenOffersMavenAndMavenRepo() {
        var completion = registry.complete("%ma", 3).orElseThrow();
        assertEquals(List.of("%maven", "%mavenRepo"), completion.matches());
        assertEquals(0, completion.start());
        assertEquals(3, completion.end());
    }

    @Test
    void complete_whenCellMagicAtTop_thenOffersCellMagicsOnly() {
        assertEquals(List.of("%%bash"), registry.complete("%%ba", 4).orElseThrow().matches());
        assertEquals(List.of("%%html"), registry.complete("%%ht", 4).orElseThrow().matches());
    }

    @Test
    void complete_whenOnALaterIndentedLine_thenReplacesFromThePercent() {
        String code = "int x = 1;\n  %ti";
        var completion = registry.complete(code, code.length()).orElseThrow();
        assertEquals(List.of("%time", "%timeit"), completion.matches());
        assertEquals(13, completion.start());
    }

    @Test
    void complete_whenNotAMagic_thenEmpty() {
        assertTrue(registry.complete("String.for", 10).isEmpty());
        assertTrue(registry.complete("int x = 1;\n%%ba", 15).isEmpty());
    }

    @Test
    void resolve_whenUnknown_thenSuggestsCloseNames() {
        var e = assertThrows(MagicException.class, () -> registry.resolve(new MagicCall("mavn", false, "", "", 3)));
        assertEquals("unknown magic %mavn on line 3; did you mean %maven? (%lsmagic lists all magics)", e.getMessage());
        var far = assertThrows(MagicException.class, () -> registry.resolve(new MagicCall("zzzzzz", false, "", "", 1)));
        assertEquals("unknown magic %zzzzzz on line 1 (%lsmagic lists all magics)", far.getMessage());
    }

    @Test
    void resolve_whenCellMagicUsedAsLine_thenNamesTheRightForm() {
        var e = assertThrows(MagicException.class, () -> registry.resolve(new MagicCall("bash", false, "ls", "", 1)));
        assertTrue(e.getMessage().contains("use %%bash"), e.getMessage());
    }

    @Test
    void lsmagic_listsLineAndCellMagicsWithHelp() {
        var context = new RecordingContext();
        registry.resolve(new MagicCall("lsmagic", false, "", "", 1)).run(new MagicCall("lsmagic", false, "", "", 1), context);
        String listing = context.printed();
        for (String name : List.of("%maven ", "%mavenRepo", "%classpath", "%load", "%time ", "%timeit", "%env", "%vars",
                "%lsmagic", "%%bash", "%%sh", "%%html", "%%markdown", "%%time", "%%timeit")) {
            assertTrue(listing.contains(name), name + " missing from\n" + listing);
        }
    }

    @Test
    void env_masksSecretsAndSetsOverrides() {
        var context = new RecordingContext();
        var env = registry.find("env").orElseThrow();
        env.run(new MagicCall("env", false, "", "", 1), context);
        assertTrue(context.printed().contains("HOME=/root"));
        assertTrue(context.printed().contains("AWS_SECRET_ACCESS_KEY=****** (hidden"));
        assertTrue(!context.printed().contains("abc"));
        env.run(new MagicCall("env", false, "REGION=eu-west-1", "", 1), context);
        env.run(new MagicCall("env", false, "REGION", "", 1), context);
        assertTrue(context.printed().endsWith("eu-west-1\n"), context.printed());
    }

    @Test
    void timeit_compilesExpressionsAsExpressionLambdasAndStatementsAsBlocks() {
        assertEquals("iamnb.kernel.magics.Timeit.measure(0, 0, () -> Math.sqrt(2));", TimeitMagic.snippet("Math.sqrt(2)", 0, 0));
        assertEquals("iamnb.kernel.magics.Timeit.measure(5, 2, () -> {\nlist.add(1);\n});", TimeitMagic.snippet("list.add(1);", 5, 2));
    }

    @Test
    void timeitSummary_readsLikeIpython() {
        assertEquals("1.50 µs ± 500 ns per loop (mean ± std. dev. of 2 runs, 10,000 loops each)",
                Timeit.summary(new double[] {1_146.4466, 1_853.5534}, 10_000));
    }

    @Test
    void shell_quotesTheScriptAsAJavaLiteral() {
        var context = new RecordingContext();
        registry.find("bash").orElseThrow().run(new MagicCall("bash", true, "", "echo \"a\\b\"\n\tdone", 1), context);
        assertEquals("iamnb.kernel.magics.Subprocess.run(\"bash\", \"echo \\\"a\\\\b\\\"\\n\\tdone\", new String[] {});",
                context.evaluated.get(0));
    }
}
