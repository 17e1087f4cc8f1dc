package iamnb.kernel.magics;

import java.lang.management.ManagementFactory;

/**
 * {@code %time code} / {@code %%time}: runs the code once, as the cell would, then prints its
 * wall time and the process CPU time it used (compiling the snippet included, as JShell
 * compiles each run).
 */
public final class TimeMagic implements Magic {

    @Override
    public String name() {
        return "time";
    }

    @Override
    public Kind kind() {
        return Kind.LINE_AND_CELL;
    }

    @Override
    public String help() {
        return "code — run once and print wall and CPU time";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        String code = call.cell() ? call.body() : call.args();
        if (code.isBlank()) {
            throw new MagicException(call.spelled() + " needs code to time, e.g. %time acct.audit().admins()");
        }
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        boolean ok = context.eval(call.cell() ? "\n" + code : code); // a cell body starts one line below the magic
        long wall = System.nanoTime() - wall0;
        long cpu = processCpuNanos() - cpu0;
        context.out().println((cpu >= 0 ? "CPU time: " + Durations.format(cpu) + ", " : "")
                + "Wall time: " + Durations.format(wall) + (ok ? "" : " (failed)"));
    }

    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }
}
