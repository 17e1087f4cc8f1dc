package iamnb.kernel.magics;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 */
public final class MavenResolver {

    public static final RemoteRepository CENTRAL =
            new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build();

    private final Path localRepository;
    private final List<RemoteRepository> repositories = new ArrayList<>(List.of(CENTRAL));
    private RepositorySystem system;

    public MavenResolver(Path localRepository) {
        this.localRepository = localRepository;
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
                    + rootMessage(e) + "\n(looked in " + localRepository + " and "
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
