package iamnb.kernel;

/** Entry point: {@code java -jar iamnb-kernel.jar CONNECTION_FILE}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("iamnb kernel: not built yet");
        System.exit(2);
    }
}
