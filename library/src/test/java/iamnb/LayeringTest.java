package iamnb;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The library's package layering, checked on the compiled classes of {@code library/src/main} (ArchUnit reads the
 * byte code, so a fully qualified name counts as much as an import). Lowest first; a class may use classes of its
 * own package and of lower layers, never a higher layer nor another package of its own layer:
 *
 * <pre>
 *   0  iamnb.IamnbException, iamnb.InvalidInputException, iamnb.SourceUnavailableException
 *   1  iamnb.internal                 helpers shared by the library and the kernel: Html, Suggestions, Arns
 *   2  iamnb.aws, iamnb.catalog       how to reach AWS; what AWS's services are (leaf data, no account)
 *   3  iamnb.model                    records and AccountView, the indexed view of one account
 *   4  iamnb.source, iamnb.policy     where an account comes from; the policy evaluator
 *   5  iamnb.table                    Tablesaw tables of an account
 *   6  iamnb.audit, iamnb.runbook, iamnb.chart
 *   7  iamnb.org                      an organization's accounts together: org-wide audits, cross-account access
 *   8  iamnb                          Iam and the fluent Account and Org façades
 *      iamnb.kernel                   never used by the library
 * </pre>
 *
 * A subpackage belongs to its top-level package ({@code iamnb.policy.internal} is {@code policy}). A package under
 * {@code iamnb} that is not in the table fails the check until it is given a layer here.
 *
 * <p>The three exceptions are the one deliberate exception to "a package is one layer": they sit in the root
 * package {@code iamnb} (top) but form layer 0, because every package throws them and their names are public API
 * ({@code catch (InvalidInputException e)} in notebooks, {@code iamnb.*} preloaded by the kernel). Moving them to a
 * package of their own would rename public types for no gain in clarity; instead this test treats them as their own
 * unit and checks that they use nothing of the library, so the root package is two units and the graph has no cycle.
 *
 * <p>The checker itself is tested on a small package tree with planted violations
 * ({@code iamnb.layeringfixture}, test sources only): {@link #checker_whenLowerPackageUsesHigherOne_thenFails()}.
 */
class LayeringTest {
    private static final Set<String> EXCEPTIONS =
            Set.of("IamnbException", "InvalidInputException", "SourceUnavailableException");

    private static final Map<String, Integer> LAYERS = Map.ofEntries(
            Map.entry("exceptions", 0),
            Map.entry("internal", 1),
            Map.entry("aws", 2), Map.entry("catalog", 2),
            Map.entry("model", 3),
            Map.entry("source", 4), Map.entry("policy", 4),
            Map.entry("table", 5),
            Map.entry("audit", 6), Map.entry("runbook", 6), Map.entry("chart", 6),
            Map.entry("org", 7),
            Map.entry("(root)", 8),
            Map.entry("kernel", Integer.MAX_VALUE));

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("iamnb");

    @Test
    void library_whenCompiled_thenEveryPackageUsesOnlyLowerLayers() {
        assertTrue(LIBRARY.contain(Iam.class) && LIBRARY.contain(iamnb.model.AccountView.class)
                && LIBRARY.contain(iamnb.policy.AccountSimulator.class), "the check sees the library's classes");
        layersRule("iamnb").check(LIBRARY);
    }

    @Test
    void library_whenCompiled_thenPackageGraphHasNoCycle() {
        cyclesRule("iamnb").check(LIBRARY);
    }

    @Test
    void library_whenCompiled_thenNothingUsesTheKernel() {
        ArchRuleDefinition.noClasses().should().dependOnClassesThat().resideInAPackage("iamnb.kernel..")
                .check(LIBRARY);
    }

    @Test
    void checker_whenLowerPackageUsesHigherOne_thenFails() {
        JavaClasses fixture = new ClassFileImporter().importPackages("iamnb.layeringfixture");

        EvaluationResult layers = layersRule("iamnb.layeringfixture").evaluate(fixture);

        assertTrue(layers.hasViolation());
        Set<String> reported = new TreeSet<>();
        for (String line : layers.getFailureReport().getDetails()) {
            reported.add(line.substring(line.lastIndexOf('[') + 1, line.lastIndexOf(']')));
        }
        assertEquals(Set.of("chart -> kernel", "model -> policy", "source -> policy"), reported,
                "model reaching up, a same-layer neighbour and the kernel are reported; table -> source is allowed");
    }

    @Test
    void checker_whenTwoPackagesUseEachOther_thenReportsTheCycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("iamnb.layeringfixture");

        EvaluationResult cycles = cyclesRule("iamnb.layeringfixture").evaluate(fixture);

        assertTrue(cycles.hasViolation());
        String report = String.join("\n", cycles.getFailureReport().getDetails());
        assertTrue(report.contains("model") && report.contains("policy"), report);
        assertFalse(report.contains("table"), report);
    }

    // ---- the rules, for any root package ------------------------------------------------------------------

    /** The unit a class belongs to: its top-level package under {@code root}, or empty for classes outside it. */
    private static Optional<String> unitOf(String root, String className) {
        if (!className.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = className.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        if (dot >= 0) {
            return Optional.of(rest.substring(0, dot));
        }
        int nested = rest.indexOf('$');
        String topLevel = nested < 0 ? rest : rest.substring(0, nested);
        return Optional.of(EXCEPTIONS.contains(topLevel) ? "exceptions" : "(root)");
    }

    private static ArchRule layersRule(String root) {
        ArchCondition<JavaClass> lowerOnly = new ArchCondition<>("use only their own package and lower layers") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = unitOf(root, origin.getName()).orElseThrow();
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> to = unitOf(root, d.getTargetClass().getName());
                    if (to.isEmpty() || to.get().equals(from)) {
                        continue;
                    }
                    Integer fromLayer = LAYERS.get(from);
                    Integer toLayer = LAYERS.get(to.get());
                    if (fromLayer == null || toLayer == null) {
                        String unknown = fromLayer == null ? from : to.get();
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " [package " + root + "."
                                + unknown + " has no layer: add it to LayeringTest.LAYERS]"));
                    } else if (toLayer >= fromLayer) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription() + " [" + from + " -> "
                                + to.get() + "]"));
                    }
                }
            }
        };
        return ArchRuleDefinition.classes().that().resideInAPackage(root + "..").should(lowerOnly);
    }

    private static ArchRule cyclesRule(String root) {
        SliceAssignment units = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                return unitOf(root, c.getName()).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }

            @Override
            public String getDescription() {
                return "the top-level packages of " + root + " (the exceptions apart)";
            }
        };
        return slices().assignedFrom(units).should().beFreeOfCycles();
    }
}
