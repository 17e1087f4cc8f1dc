package iamnb.kernel.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code %classpath lib/*.jar classes/}: adds jars and class folders (globs allowed,
 * {@code **} crosses folders, {@code ~} is home) to the session's class path. Without
 * arguments, lists what was added.
 */
public final class ClasspathMagic implements Magic {

    private final ClassPathAdditions added;

    public ClasspathMagic(ClassPathAdditions added) {
        this.added = added;
    }

    @Override
    public String name() {
        return "classpath";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "path-or-glob ... — add jars or class folders to the class path";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        if (call.argList().isEmpty()) {
            List<Path> entries = added.entries();
            context.out().println(entries.isEmpty() ? "nothing added to the class path yet"
                    : String.join("\n", entries.stream().map(Path::toString).toList()));
            return;
        }
        var found = new LinkedHashSet<Path>();
        for (String arg : call.argList()) {
            List<Path> matches = expand(context.workingDirectory(), arg);
            if (matches.isEmpty()) {
                throw new MagicException("%classpath: nothing matches " + arg + " (looked from "
                        + context.workingDirectory() + ")");
            }
            found.addAll(matches);
        }
        int count = added.addAll(found, context);
        context.out().println("added " + count + (count == 1 ? " entry" : " entries") + " to the class path"
                + (count < found.size() ? " (" + (found.size() - count) + " already there)" : ""));
    }

    static Path resolve(Path base, String name) {
        String expanded = name.equals("~") || name.startsWith("~/")
                ? System.getProperty("user.home") + name.substring(1) : name;
        return base.resolve(expanded).normalize();
    }

    /** The existing files a path or glob names, sorted. */
    static List<Path> expand(Path base, String pattern) {
        Path whole = resolve(base, pattern);
        if (!pattern.matches(".*[*?\\[{].*")) {
            return Files.exists(whole) ? List.of(whole) : List.of();
        }
        // Walk from the longest folder prefix without wildcards.
        Path root = whole.getRoot();
        Path dir = root;
        for (Path part : whole) {
            if (part.toString().matches(".*[*?\\[{].*")) {
                break;
            }
            dir = dir == null ? part : dir.resolve(part);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + whole);
        var out = new ArrayList<Path>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(matcher::matches).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What this session added to its class path, shared by %classpath and %maven. */
    public static final class ClassPathAdditions {
        private final Set<Path> entries = new LinkedHashSet<>();

        /** Adds the new ones; returns how many were new. */
        public synchronized int addAll(Iterable<Path> paths, MagicContext context) {
            int count = 0;
            for (Path p : paths) {
                Path abs = p.toAbsolutePath().normalize();
                if (entries.add(abs)) {
                    context.addToClasspath(abs);
                    count++;
                }
            }
            return count;
        }

        public synchronized List<Path> entries() {
            return List.copyOf(entries);
        }
    }
}
