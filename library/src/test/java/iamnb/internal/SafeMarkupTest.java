package iamnb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iamnb.internal.SafeMarkup.Tone;
import org.junit.jupiter.api.Test;

/** Markup that survives the classic notebook's sanitizer; iamnb.UntrustedMarkupTest checks where it is used. */
class SafeMarkupTest {
    @Test
    void badge_carriesABootstrapLabelClassBesideItsInlineColour() {
        assertEquals("<span class=\"iamnb-badge label label-danger\" style=\"background:#b71c1c;color:#fff;padding:1px 6px;"
                + "border-radius:3px;font-size:85%;font-weight:bold;white-space:nowrap\">A &amp; B</span>",
                SafeMarkup.badge("A & B", "#b71c1c", Tone.DANGER));
    }
}
