package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which cells ask for help (IPython's {@code name?}) and which are code. */
class HelpQueryTest {

    private static Optional<String> nameOf(String cell) {
        return HelpQuery.parse(cell).map(HelpQuery::name);
    }

    @Test
    void parse_whenQuestionMarkAfterOrBefore_thenNameWithoutMarks() {
        assertEquals(Optional.of("String"), nameOf("String?"));
        assertEquals(Optional.of("List.of"), nameOf("?List.of"));
        assertEquals(Optional.of("System.out.println"), nameOf("  System.out.println?\n"));
        assertEquals(Optional.of("acct.audit"), nameOf("acct.audit??"));
        assertEquals(Optional.of("Iam.demo"), nameOf("?? Iam.demo"));
    }

    @Test
    void parse_whenCallsOnTheWay_thenKept_andTrailingCallDropped() {
        assertEquals(Optional.of("Iam.demo().users"), nameOf("Iam.demo().users?"));
        assertEquals(Optional.of("Iam.demo"), nameOf("Iam.demo()?"));
        assertEquals(Optional.of("List.of"), nameOf("List . of ?"));
    }

    @Test
    void parse_whenCellIsCode_thenEmpty() {
        assertEquals(Optional.empty(), nameOf("String"));
        assertEquals(Optional.empty(), nameOf("a ? b : c"));
        assertEquals(Optional.empty(), nameOf("x = y?"));
        assertEquals(Optional.empty(), nameOf("String?\nList.of?"));
        assertEquals(Optional.empty(), nameOf("List.of(1, 2)?"));
        assertEquals(Optional.empty(), nameOf("%lsmagic?"));
        assertEquals(Optional.empty(), nameOf("?"));
        assertEquals(Optional.empty(), nameOf("???String"));
        assertEquals(Optional.empty(), nameOf("?String?"));
        assertEquals(Optional.empty(), nameOf(""));
    }

    @Test
    void constructor_whenNameBlank_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new HelpQuery(" "));
    }
}
