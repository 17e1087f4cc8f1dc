package iamnb.runbook;

import static iamnb.internal.Html.escape;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An access key created by {@link Plan#apply}: its id is public, its secret is held here until it is revealed
 * exactly once, then forgotten. {@code toString()} and {@code toMimeBundle()} never show the secret, so
 * displaying this object in a notebook (or saving the notebook) leaks nothing; the secret is never part of
 * a plan, a report's outputs, or a snapshot.
 *
 * <p>Copy the secret straight into the application's secret store, without displaying it:
 * <pre>{@code
 * var key = report.newAccessKey().orElseThrow();
 * key.revealSecretTo(secret -> secretsManager.putSecretValue(b -> b.secretId("ci/svc-deploy").secretString(secret)));
 * }</pre>
 */
public final class NewAccessKey {
    private final String userName;
    private final String accessKeyId;
    private final Instant created;
    private char[] secret;
    private boolean revealed;

    NewAccessKey(String userName, String accessKeyId, Instant created, String secret) {
        this.userName = Objects.requireNonNull(userName, "userName");
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
        this.created = Objects.requireNonNull(created, "created");
        this.secret = Objects.requireNonNull(secret, "secret").toCharArray();
    }

    public String userName() {
        return userName;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public Instant created() {
        return created;
    }

    /** Whether the secret was already handed out (it is then gone from memory). */
    public synchronized boolean isRevealed() {
        return revealed;
    }

    /**
     * Returns the secret access key, once. The second call throws: the secret is not kept. Do not leave the
     * returned value as a cell's result (the notebook would store it); assign it or prefer
     * {@link #revealSecretTo(Consumer)}.
     *
     * @throws IllegalStateException when the secret was already revealed
     */
    public synchronized String revealSecret() {
        if (revealed) {
            throw new IllegalStateException("the secret of access key " + accessKeyId + " was already revealed once and "
                    + "is not kept. If it was lost, deactivate " + accessKeyId + " and rotate again.");
        }
        String value = new String(secret);
        Arrays.fill(secret, '\0');
        secret = new char[0];
        revealed = true;
        return value;
    }

    /** Hands the secret to {@code sink} (a secret store, a CI variable API), once, without displaying it. */
    public void revealSecretTo(Consumer<String> sink) {
        Objects.requireNonNull(sink, "sink");
        sink.accept(revealSecret());
    }

    private synchronized String secretState() {
        return revealed ? "secret already revealed, not kept" : "secret hidden: call revealSecret() once to copy it";
    }

    @Override
    public String toString() {
        return "New access key " + accessKeyId + " for " + userName + " (created " + created + "; " + secretState() + ")";
    }

    /** Text and HTML that show the key id and mask the secret. */
    public Map<String, Object> toMimeBundle() {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", toString());
        bundle.put("text/html", "<div><b>New access key</b> <code>" + escape(accessKeyId) + "</code> for <code>"
                + escape(userName) + "</code>, created " + escape(created.toString())
                + "<br>SecretAccessKey: <code>****************************************</code> <i>("
                + escape(secretState()) + ")</i></div>");
        return bundle;
    }
}
