package iamnb.policy.internal;

/**
 * An ARN split once into its six parts (arn, partition, service, region, account, resource), kept as offsets
 * into the original text so that matching never allocates. Text that is not an ARN keeps {@link #isArn()} false.
 */
public final class ParsedArn {
    private final String text;
    private final int[] starts = new int[6];
    private final int[] ends = new int[6];
    private final boolean arn;

    private ParsedArn(String text) {
        this.text = text;
        boolean ok = text.startsWith("arn:");
        if (ok) {
            int part = 0;
            int start = 0;
            for (int i = 0; i < text.length() && part < 5; i++) {
                if (text.charAt(i) == ':') {
                    starts[part] = start;
                    ends[part] = i;
                    part++;
                    start = i + 1;
                }
            }
            if (part == 5) {
                starts[5] = start;
                ends[5] = text.length();
            } else {
                ok = false;
            }
        }
        this.arn = ok;
    }

    public static ParsedArn of(String text) {
        return new ParsedArn(text);
    }

    public String text() {
        return text;
    }

    public boolean isArn() {
        return arn;
    }

    public int start(int part) {
        return starts[part];
    }

    public int end(int part) {
        return ends[part];
    }

    /** Part {@code i} (0 = "arn", 1 = partition, 2 = service, 3 = region, 4 = account, 5 = resource), or "". */
    public String part(int i) {
        return arn ? text.substring(starts[i], ends[i]) : "";
    }

    public String partition() {
        return part(1);
    }

    public String service() {
        return part(2);
    }

    public String region() {
        return part(3);
    }

    public String account() {
        return part(4);
    }

    public String resource() {
        return part(5);
    }

    @Override
    public String toString() {
        return text;
    }
}
