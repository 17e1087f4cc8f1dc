package iamnb.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iamnb.kernel.magics.MagicParser.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class MagicParserTest {

    @Test
    void parse_whenFirstLineIsCellMagic_thenRestIsItsBody() {
        List<Segment> segments = MagicParser.parse("\n%%bash -x\necho hi\necho there");
        assertEquals(List.of(new Segment.Call(new MagicCall("bash", true, "-x", "echo hi\necho there", 2))), segments);
    }

    @Test
    void parse_whenLineMagicsBetweenCode_thenKeepsOrderAndLineNumbers() {
        List<Segment> segments = MagicParser.parse("%maven a:b:1 c:d:2\nint x = 1;\nx += 1;\n  %time x * 2\nx");
        assertEquals(List.of(
                new Segment.Call(new MagicCall("maven", false, "a:b:1 c:d:2", "", 1)),
                new Segment.Code("int x = 1;\nx += 1;", 2),
                new Segment.Call(new MagicCall("time", false, "x * 2", "", 4)),
                new Segment.Code("x", 5)), segments);
    }

    @Test
    void parse_whenModuloOnContinuationLine_thenItStaysCode() {
        String cell = "int r = 10\n    % 3;";
        assertFalse(MagicParser.hasMagic(cell));
        assertEquals(List.of(new Segment.Code(cell, 1)), MagicParser.parse(cell));
    }

    @Test
    void parse_whenPercentLineInsideTextBlock_thenItStaysCode() {
        String cell = "String s = \"\"\"\n%d items\n\"\"\";";
        assertFalse(MagicParser.hasMagic(cell));
    }

    @Test
    void parse_whenCellMagicNotOnFirstLine_thenSaysItMustBeFirst() {
        var e = assertThrows(MagicException.class, () -> MagicParser.parse("int x = 1;\n%%bash\nls"));
        assertEquals("cell magic %%bash on line 2 must be the first line of the cell", e.getMessage());
    }

    @Test
    void parse_whenPercentAlone_thenAsksForAName() {
        var e = assertThrows(MagicException.class, () -> MagicParser.parse("%\n1"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void hasMagic_whenPlainJava_thenFalse() {
        assertFalse(MagicParser.hasMagic("var s = String.format(\"%d\", 3);\ns"));
        assertTrue(MagicParser.hasMagic("%lsmagic"));
    }
}
