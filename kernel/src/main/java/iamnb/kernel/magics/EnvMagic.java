package iamnb.kernel.magics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code %env} lists the environment, {@code %env NAME} shows one variable,
 * {@code %env NAME=value} (or {@code %env NAME value}) sets one for later {@code %%bash}
 * cells. Values whose names look like secrets (AWS_SECRET_ACCESS_KEY, ..._TOKEN) are masked.
 */
public final class EnvMagic implements Magic {

    private static final Pattern SET = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:=|\\s)\\s*(.*)$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private final Environment environment;

    public EnvMagic(Environment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "env";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "[NAME[=value]] — list, show or set environment variables (secrets masked)";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        String args = call.args();
        if (args.isEmpty()) {
            environment.all().forEach((k, v) -> context.out().println(k + "=" + Environment.shown(k, v)));
            return;
        }
        if (NAME.matcher(args).matches()) {
            String value = environment.get(args);
            if (value == null) {
                throw new MagicException("environment variable " + args + " is not set");
            }
            context.out().println(Environment.shown(args, value));
            return;
        }
        Matcher m = SET.matcher(args);
        if (!m.matches()) {
            throw new MagicException("%env expects NAME, NAME=value or nothing, got: " + args);
        }
        environment.set(m.group(1), m.group(2));
        context.out().println("env: " + m.group(1) + "=" + Environment.shown(m.group(1), m.group(2)));
    }
}
