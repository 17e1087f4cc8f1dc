package iamnb.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void plain_whenInlineTags_thenTheirTextWithoutMarkup() {
        JavadocText text = JavadocText.of("The account {@code 123456789012}; see {@link Account#audit()} and"
                + " {@link iamnb.audit.Audit the audits}.");
        assertEquals("The account 123456789012; see Account.audit() and the audits.", text.plain());
    }

    @Test
    void plain_whenCodeHoldsBraces_thenBracesNestInsideTheTag() {
        JavadocText text = JavadocText.of("<pre>{@code\nif (x) { run(); }\n}</pre>");
        assertEquals("if (x) { run(); }", text.plain());
    }

    @Test
    void plain_whenParagraphsListsAndEntities_thenLinesAndCharacters() {
        JavadocText text = JavadocText.of("First.<p>Second &lt;T&gt; &amp; more.\n<ul><li>one</li><li>two</li></ul>");
        assertEquals("First.\n\nSecond <T> & more.\n\n- one\n- two", text.plain());
    }

    @Test
    void plain_whenBlockTags_thenLabelled() {
        JavadocText text = JavadocText.of("Finds it.\n@param name the user's name\n@return the user\n"
                + "@throws InvalidInputException when no user has that name");
        assertEquals("Finds it.\n\nParameter name: the user's name\nReturns: the user\n"
                + "Throws InvalidInputException: when no user has that name", text.plain());
    }

    @Test
    void plain_whenAnnotationStartsACodeLine_thenKeptAsCode() {
        JavadocText text = JavadocText.of("<pre>\n@Override\npublic String toString()\n</pre>");
        assertTrue(text.plain().contains("@Override"), text.plain());
    }

    @Test
    void html_whenInlineCodeHoldsMarkup_thenEscapedInsideCode() {
        JavadocText text = JavadocText.of("Returns {@code List<User>} as <b>is</b>.\n@return the users");
        assertEquals("Returns <code>List&lt;User&gt;</code> as <b>is</b>.\n<p><b>Returns:</b> the users", text.html());
    }

    @Test
    void plain_whenLinesCarryTheSpaceAfterTheStar_thenItIsRemovedButCodeIndentKept() {
        JavadocText text = JavadocText.of("The embedded demo account,\n with problems.\n <pre>\n   indented();\n </pre>");
        assertEquals("The embedded demo account,\nwith problems.\n\n  indented();", text.plain());
    }

    @Test
    void of_whenBraceNeverCloses_thenTextKept() {
        assertEquals("Broken {@code tag", JavadocText.of("Broken {@code tag").plain());
    }
}
