package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CodePointsTest {
    private static final String TEXT = "a\uD83D\uDE00b"; // a, emoji (2 UTF-16 units), b

    @Test
    void toUtf16_whenAfterAstralCharacter_thenCountsTwoUnits() {
        assertEquals(3, CodePoints.toUtf16(TEXT, 2));
        assertEquals(4, CodePoints.toUtf16(TEXT, 3));
    }

    @Test
    void fromUtf16_whenAfterAstralCharacter_thenOneCodePoint() {
        assertEquals(2, CodePoints.fromUtf16(TEXT, 3));
    }

    @Test
    void toUtf16_whenBeyondEnd_thenClamped() {
        assertEquals(TEXT.length(), CodePoints.toUtf16(TEXT, 99));
    }
}
