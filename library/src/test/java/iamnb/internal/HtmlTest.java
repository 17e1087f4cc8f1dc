package iamnb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escape_whenTextHasMarkupAndBothQuotes_thenAllFiveAreEntities() {
        assertEquals("&lt;b title=&quot;O&#39;Brien &amp; co&quot;&gt;x&lt;/b&gt;",
                Html.escape("<b title=\"O'Brien & co\">x</b>"));
    }

    @Test
    void escape_whenTextIsPlain_thenItIsUnchanged() {
        assertEquals("arn:aws:iam::123456789012:role/Admin · 3 of 7", Html.escape("arn:aws:iam::123456789012:role/Admin · 3 of 7"));
    }

    @Test
    void escape_whenAmpersandAlreadyStartsAnEntity_thenItIsEscapedAgain() {
        assertEquals("&amp;amp;", Html.escape("&amp;"));
    }

    @Test
    void escape_whenNull_thenEmpty() {
        assertEquals("", Html.escape(null));
    }
}
