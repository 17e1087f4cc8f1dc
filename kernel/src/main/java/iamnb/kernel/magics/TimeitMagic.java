package iamnb.kernel.magics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %timeit [-n loops] [-r runs] code} / {@code %%timeit}: runs the code many times and
 * prints mean ± standard deviation per loop. The code is compiled once, as a lambda handed
 * to {@link Timeit}, so javac's cost is not measured; it runs on the cell's thread, so an
 * interrupt stops it.
 */
public final class TimeitMagic implements Magic {

    private static final Pattern OPTIONS = Pattern.compile("^((?:-[nr]\\s*\\d+\\s*)*)(.*)$", Pattern.DOTALL);

    @Override
    public String name() {
        return "timeit";
    }

    @Override
    public Kind kind() {
        return Kind.LINE_AND_CELL;
    }

    @Override
    public String help() {
        return "[-n loops] [-r runs] code — repeat and print mean ± std. dev. per loop";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        Matcher m = OPTIONS.matcher(call.args());
        m.matches();
        int loops = option(m.group(1), 'n');
        int runs = option(m.group(1), 'r');
        String code = (call.cell() ? call.body() : m.group(2)).strip();
        if (code.isEmpty()) {
            throw new MagicException(call.spelled() + " needs code to time, e.g. %timeit Math.sqrt(2)");
        }
        context.eval(snippet(code, loops, runs));
    }

    /** The Java that measures: an expression lambda when the code is one expression, else a block. */
    static String snippet(String code, int loops, int runs) {
        String stripped = code.strip();
        boolean block = stripped.endsWith(";") || stripped.endsWith("}") || stripped.contains("\n");
        String lambda = block ? "() -> {\n" + code + "\n}" : "() -> " + stripped;
        return "iamnb.kernel.magics.Timeit.measure(" + loops + ", " + runs + ", " + lambda + ");";
    }

    private static int option(String options, char flag) {
        Matcher m = Pattern.compile("-" + flag + "\\s*(\\d+)").matcher(options);
        if (!m.find()) {
            return 0;
        }
        int value = Integer.parseInt(m.group(1));
        if (value < 1) {
            throw new MagicException("-" + flag + " must be at least 1");
        }
        return value;
    }
}
