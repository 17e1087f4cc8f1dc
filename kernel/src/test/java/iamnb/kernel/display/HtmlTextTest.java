package iamnb.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void escape_whenTextHasMarkupAndBothQuotes_thenAllFiveAreEntities() {
        assertEquals("&lt;b title=&quot;O&#39;Brien &amp; co&quot;&gt;x&lt;/b&gt;",
                HtmlText.escape("<b title=\"O'Brien & co\">x</b>"));
    }

    @Test
    void escape_whenTextIsPlain_thenItIsUnchanged() {
        assertEquals("roles: 3 of 7 · 0.4 s", HtmlText.escape("roles: 3 of 7 · 0.4 s"));
    }
}
