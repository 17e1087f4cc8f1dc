package iamnb.source.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the fuzz cases came to: counts by kind and by outcome, and every case that broke a rule. */
final class FuzzTally {
    /** A clean load or a clear InvalidInputException. */
    static final String LOADED = "loaded", INVALID = "InvalidInputException";

    private final Map<String, Integer> byKind = new TreeMap<>();
    private final Map<String, Integer> byOutcome = new TreeMap<>();
    private final Map<String, Integer> loadsByKind = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private long slowestMillis;
    private String slowest = "";

    synchronized void record(String kind, String outcome, String violation, long millis, String what) {
        byKind.merge(kind, 1, Integer::sum);
        byOutcome.merge(outcome, 1, Integer::sum);
        if (LOADED.equals(outcome)) {
            loadsByKind.merge(kind, 1, Integer::sum);
        }
        if (violation != null) {
            violations.add(violation);
        }
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowest = what;
        }
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized String summary(String title, long totalMillis) {
        StringBuilder s = new StringBuilder(title).append(": ").append(byKind.values().stream().mapToInt(i -> i).sum())
                .append(" cases in ").append(totalMillis).append(" ms (slowest ").append(slowestMillis).append(" ms: ")
                .append(slowest).append(")\n  outcomes:");
        byOutcome.forEach((k, v) -> s.append("\n    ").append(k).append(": ").append(v));
        s.append("\n  mutations by kind:");
        byKind.forEach((k, v) -> s.append("\n    ").append(k).append(": ").append(v)
                .append(loadsByKind.containsKey(k) ? " (" + loadsByKind.get(k) + " loaded)" : ""));
        s.append("\n  rule broken: ").append(violations.size());
        violations.stream().limit(100).forEach(v -> s.append("\n    ").append(v));
        return s.toString();
    }
}
