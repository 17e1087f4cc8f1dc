package iamnb.kernel.magics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Runs a shell script for {@code %%bash}/{@code %%sh}, called from a snippet so that it runs
 * on the cell's thread: output streams to the cell as it comes (not line by line: a
 * {@code printf} without newline shows at once), and interrupting the cell kills the whole
 * process tree. Public for that reason only.
 */
public final class Subprocess {
    private Subprocess() {}

    public static void run(String shell, String script, String[] extraEnv) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(shell, "-s");
        for (String pair : extraEnv) {
            int eq = pair.indexOf('=');
            builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Process process = builder.start();
        // Pumps started here inherit the cell, so their writes are the cell's output.
        Thread out = pump(process.getInputStream(), System.out, "stdout");
        Thread err = pump(process.getErrorStream(), System.err, "stderr");
        boolean finished = false;
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.getBytes(StandardCharsets.UTF_8));
                stdin.write('\n');
            } catch (IOException e) {
                // the script exited before reading all of itself; its output says why
            }
            int status = process.waitFor();
            out.join();
            err.join();
            finished = true;
            if (status != 0) {
                System.err.println(shell + " exited with status " + status);
            }
        } finally {
            if (!finished) { // interrupted or stopped: leave nothing running
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private static Thread pump(InputStream from, PrintStream to, String name) {
        Thread t = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                int n;
                while ((n = reader.read(buffer)) >= 0) {
                    to.print(new String(buffer, 0, n));
                    to.flush();
                }
            } catch (IOException e) {
                // process killed: its pipe closed
            }
        }, "iamnb-subprocess-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
