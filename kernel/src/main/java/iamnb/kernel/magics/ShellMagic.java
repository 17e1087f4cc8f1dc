package iamnb.kernel.magics;

import java.util.List;

/**
 * {@code %%bash} and {@code %%sh}: the cell body as a shell script, its output streamed into
 * the cell, stopped (process tree killed) by an interrupt. Variables set with {@code %env}
 * are in its environment.
 */
public final class ShellMagic implements Magic {

    private final String shell;
    private final Environment environment;

    public ShellMagic(String shell, Environment environment) {
        this.shell = shell;
        this.environment = environment;
    }

    @Override
    public String name() {
        return shell;
    }

    @Override
    public Kind kind() {
        return Kind.CELL;
    }

    @Override
    public String help() {
        return "— run the cell as a " + shell + " script, streaming its output";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        if (call.body().isBlank()) {
            throw new MagicException(call.spelled() + " needs a script in the lines below it");
        }
        List<String> env = environment.overrides().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        context.eval("iamnb.kernel.magics.Subprocess.run(" + JavaText.literal(shell) + ", "
                + JavaText.literal(call.body()) + ", " + JavaText.stringArray(env) + ");");
    }
}
