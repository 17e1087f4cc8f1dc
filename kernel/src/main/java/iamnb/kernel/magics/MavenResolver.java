package iamnb.kernel.magics;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.eclipse.aether.ConfigurationProperties;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates with their runtime dependencies through Maven Resolver: the
 * local repository first ({@code maven.repo.local}, else {@code ~/.m2/repository}), then
 * Maven Central and any repository added with {@code %mavenRepo}. The resolver is built on
 * first use, so sessions that never call {@code %maven} pay nothing for it.
 *
 * <p>A repository that accepts connections and never answers must not hold the cell for ever: every
 * connection has a connect time-out ({@code IAMNB_MAVEN_CONNECT_TIMEOUT}, seconds, default 10) and a read
 * time-out ({@code IAMNB_MAVEN_READ_TIMEOUT}, seconds, default 30), and resolution runs on its own thread so
 * that interrupting the cell ends the magic at once (the resolver thread then ends at its next time-out).
 */
public final class MavenResolver {

    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private final Path localRepository;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final List<RemoteRepository> repositories = new ArrayList<>(List.of(CENTRAL));
    private RepositorySystem system;

    public MavenResolver(Path localRepository) {
        this(localRepository, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public MavenResolver(Path localRepository, Duration connectTimeout, Duration readTimeout) {
        this.localRepository = localRepository;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Time-outs from {@code IAMNB_MAVEN_CONNECT_TIMEOUT} / {@code IAMNB_MAVEN_READ_TIMEOUT} (seconds). */
    public static MavenResolver fromEnvironment(Path localRepository, Map<String, String> env) {
        return new MavenResolver(localRepository,
                seconds(env, "IAMNB_MAVEN_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT),
                seconds(env, "IAMNB_MAVEN_READ_TIMEOUT", DEFAULT_READ_TIMEOUT));
    }

    private static Duration seconds(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            if (seconds > 0) {
                return Duration.ofMillis((long) (seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.getLogger("iamnb.kernel.magics").log(System.Logger.Level.WARNING, name
                + " must be a positive number of seconds, got '" + value + "'; using " + fallback.toSeconds());
        return fallback;
    }

    /** The local repository Maven itself would use. */
    public static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    public Path localRepository() {
        return localRepository;
    }

    public synchronized List<RemoteRepository> repositories() {
        return List.copyOf(repositories);
    }

    /** Adds (or replaces, by id) a remote repository; http, https and file URLs only. */
    public synchronized void addRepository(String id, String url) {
        String scheme;
        try {
            scheme = URI.create(url).getScheme();
        } catch (IllegalArgumentException e) {
            throw new MagicException("%mavenRepo: not a URL: " + url);
        }
        if (scheme == null || !List.of("http", "https", "file").contains(scheme.toLowerCase(Locale.ROOT))) {
            throw new MagicException("%mavenRepo: URL must start with https://, http:// or file:, got " + url);
        }
        repositories.removeIf(r -> r.getId().equals(id));
        repositories.add(new RemoteRepository.Builder(id, "default", url).build());
    }

    /**
     * The jars of {@code coordinates} and everything they need at run time, in class-path
     * order. Progress (downloads) is reported on {@code log}.
     */
    public List<Path> resolve(List<String> coordinates, PrintStream log) {
        return resolve(coordinates, log, () -> false);
    }

    /**
     * As {@link #resolve(List, PrintStream)}, giving up as soon as {@code cancelled} says so (checked every
     * 100 ms while the resolver works on its own thread).
     */
    public List<Path> resolve(List<String> coordinates, PrintStream log, BooleanSupplier cancelled) {
        CompletableFuture<List<Path>> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(resolveNow(coordinates, log));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "iamnb-maven-resolve");
        worker.setDaemon(true);
        worker.start();
        while (true) {
            if (cancelled.getAsBoolean()) {
                worker.interrupt();
                throw new MagicException("%maven: interrupted while resolving " + String.join(", ", coordinates));
            }
            try {
                return result.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check for an interrupt again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                worker.interrupt();
                throw new MagicException("%maven: interrupted while resolving " + String.join(", ", coordinates));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new MagicException("%maven: " + e.getCause(), e.getCause());
            }
        }
    }

    private List<Path> resolveNow(List<String> coordinates, PrintStream log) {
        var collect = new CollectRequest();
        for (String coordinate : coordinates) {
            DefaultArtifact artifact;
            try {
                artifact = new DefaultArtifact(coordinate);
            } catch (IllegalArgumentException e) {
                throw new MagicException("%maven: bad coordinates '" + coordinate
                        + "': expected group:artifact:version (or group:artifact:extension[:classifier]:version)");
            }
            collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
        }
        List<RemoteRepository> remotes = repositories();
        collect.setRepositories(remotes);
        var request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        RepositorySystem sys = system();
        DefaultRepositorySystemSession session = session(sys, log);
        try {
            var paths = new ArrayList<Path>();
            for (ArtifactResult result : sys.resolveDependencies(session, request).getArtifactResults()) {
                if (result.getArtifact() != null && result.getArtifact().getFile() != null) {
                    paths.add(result.getArtifact().getFile().toPath());
                }
            }
            return paths;
        } catch (DependencyResolutionException e) {
            throw new MagicException("%maven: cannot resolve " + String.join(", ", coordinates) + ": "
                    + rootMessage(e) + "\n(time-outs: connect " + connectTimeout.toSeconds() + " s, read "
                    + readTimeout.toSeconds() + " s; IAMNB_MAVEN_CONNECT_TIMEOUT, IAMNB_MAVEN_READ_TIMEOUT)\n(looked in " + localRepository + " and "
                    + String.join(", ", remotes.stream().map(r -> r.getId() + " " + r.getUrl()).toList()) + ")", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 400 ? message.substring(0, 400) + "…" : message;
    }

    private synchronized RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private DefaultRepositorySystemSession session(RepositorySystem sys, PrintStream log) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(sys.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setSystemProperties(System.getProperties()); // JDK-activated profiles in poms
        session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) connectTimeout.toMillis());
        session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) readTimeout.toMillis());
        session.setTransferListener(new AbstractTransferListener() {
            @Override
            public void transferSucceeded(TransferEvent event) {
                if (event.getRequestType() == TransferEvent.RequestType.GET && event.getResource().getResourceName().endsWith(".jar")) {
                    log.println("downloaded " + event.getResource().getRepositoryUrl() + event.getResource().getResourceName()
                            + String.format(Locale.ROOT, " (%,d bytes)", event.getTransferredBytes()));
                }
            }
        });
        return session;
    }
}
