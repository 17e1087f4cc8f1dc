package iamnb.kernel.magics;

import iamnb.kernel.display.api.Html;
import iamnb.kernel.display.api.Markdown;

/** {@code %%html} and {@code %%markdown}: the cell body shown as HTML or rendered Markdown. */
public final class HtmlMagic implements Magic {

    private final boolean markdown;

    private HtmlMagic(boolean markdown) {
        this.markdown = markdown;
    }

    public static HtmlMagic html() {
        return new HtmlMagic(false);
    }

    public static HtmlMagic markdown() {
        return new HtmlMagic(true);
    }

    @Override
    public String name() {
        return markdown ? "markdown" : "html";
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }

    @Override
    public String help() {
        return markdown ? "— show the cell as rendered Markdown" : "— show the cell as HTML";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        context.display(markdown ? Markdown.of(call.body()) : Html.of(call.body()));
    }
}
