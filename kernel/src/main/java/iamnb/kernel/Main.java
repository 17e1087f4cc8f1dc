package iamnb.kernel;

import iamnb.kernel.eval.CompileClassFolder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point: {@code java -jar iamnb-kernel.jar CONNECTION_FILE}; {@code --warm-up} runs a short session
 * against an in-process client and exits (used to record a class-data-sharing archive at install time).
 *
 * <p>A kernel started by a Jupyter client ends when that client is gone ({@link ParentWatch}).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--warm-up")) {
            KernelLogging.configure(System.err, System.getenv("IAMNB_LOG_LEVEL"));
            Kernel.warmUp(System.getenv(), System.out, System.err);
            System.exit(0);
        }
        if (args.length == 1 && args[0].equals("--unpack-classes")) {
            unpackClasses();
        }
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: java -jar iamnb-kernel.jar CONNECTION_FILE\n"
                    + "  CONNECTION_FILE: the Jupyter connection file (the front end passes {connection_file})"
                    + (args.length == 1 ? "\n  not a file: " + args[0] : ""));
            System.exit(2);
        }
        Thread.currentThread().setName("iamnb-shell");
        PrintStream kernelOut = System.out;
        PrintStream kernelErr = System.err;
        // JShell's start (the longest part) first, on its own thread; logging and the client watch meanwhile.
        Kernel.Startup startup = Kernel.begin(System.getenv(), kernelOut, kernelErr);
        KernelLogging.configure(kernelErr, System.getenv("IAMNB_LOG_LEVEL"));
        // Watch the client first: a kernel whose client dies during start-up must not stay behind either.
        ParentWatch.fromEnvironment(System.getenv()).ifPresent(watch -> watch.start(reason -> {
            System.getLogger("iamnb.kernel").log(System.Logger.Level.WARNING, "exiting: " + reason);
            ProcessExit.exit(1);
        }));
        startup.connect(Path.of(args[0])).serve();
        ProcessExit.awaitExitInProgress();
    }

    /** Install time: the jar's classes into the folder JShell's compiler reads at start ({@link CompileClassFolder}). */
    private static void unpackClasses() {
        Path jar = CompileClassFolder.runningJar().orElse(null);
        if (jar == null) {
            System.err.println("--unpack-classes: run as java -jar iamnb-kernel.jar --unpack-classes");
            System.exit(2);
        }
        try {
            System.out.println(CompileClassFolder.unpack(jar));
            System.exit(0);
        } catch (java.io.IOException e) {
            System.err.println("--unpack-classes: cannot unpack " + jar + ": " + e);
            System.exit(1);
        }
    }
}
