package iamnb.kernel.magics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The kernel's environment as magics see it: the process environment plus what {@code %env}
 * set (Java cannot change its own environment, so those apply to {@code %%bash} and are
 * readable through {@link #get}). Secrets are masked whenever they are shown.
 */
public final class Environment {

    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|SESSION|API_?KEY|ACCESS_KEY).*");

    private final Map<String, String> process;
    private final Map<String, String> overrides = new ConcurrentHashMap<>();

    public Environment(Map<String, String> process) {
        this.process = Map.copyOf(process);
    }

    public String get(String name) {
        String v = overrides.get(name);
        return v != null ? v : process.get(name);
    }

    public void set(String name, String value) {
        overrides.put(name, value);
    }

    public Map<String, String> overrides() {
        return Map.copyOf(overrides);
    }

    /** Everything, sorted by name. */
    public Map<String, String> all() {
        var all = new TreeMap<>(process);
        all.putAll(overrides);
        return all;
    }

    /** The value as it may be shown: secrets (by their name) are masked. */
    static String shown(String name, String value) {
        if (value == null) {
            return null;
        }
        if (SECRET.matcher(name).matches() && !value.isEmpty()) {
            return "****** (hidden: the name looks like a secret)";
        }
        return value;
    }
}
