package iamnb.kernel.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every session starts with: imports (merged into one snippet, so they cost one compilation), static
 * imports of the notebook bridge, extra class path entries and start-up scripts.
 *
 * <p>{@link #DEFAULT_PACKAGES} is the single list to extend when the library grows a package. Packages that
 * are not on the class path at run time are skipped, so start-up never fails on a missing one.
 */
public record Preload(List<String> packages, List<String> staticImports, List<String> classPath,
        List<Path> startupScripts) {

    /** Packages imported on demand ({@code import p.*;}) into every session. */
    public static final List<String> DEFAULT_PACKAGES = List.of(
            "java.util", "java.time", "java.nio.file", "java.util.stream",
            "tech.tablesaw.api",
            "iamnb.kernel.display.api", // Markdown, Html, Json, Image, Svg, Progress, DisplayHandle
            "iamnb", "iamnb.model", "iamnb.source", "iamnb.policy", "iamnb.audit", "iamnb.runbook", "iamnb.chart",
            "iamnb.catalog", "iamnb.org");

    /** Static imports: the notebook API ({@code display}, {@code updateDisplay}, {@code clearOutput}). */
    public static final List<String> DEFAULT_STATIC_IMPORTS = List.of("iamnb.kernel.display.api.Notebook.*");

    public Preload {
        packages = List.copyOf(packages);
        staticImports = List.copyOf(staticImports);
        classPath = List.copyOf(classPath);
        startupScripts = List.copyOf(startupScripts);
    }

    /**
     * The defaults plus the environment: {@code IAMNB_CLASSPATH} (extra class path entries) and
     * {@code IAMNB_STARTUP} (.jsh files run after the imports), both path lists separated by the platform's
     * path separator.
     */
    public static Preload fromEnvironment(Map<String, String> env) {
        return new Preload(DEFAULT_PACKAGES, DEFAULT_STATIC_IMPORTS, pathList(env.get("IAMNB_CLASSPATH")),
                pathList(env.get("IAMNB_STARTUP")).stream().map(Path::of).toList());
    }

    /** The one import snippet: every package that exists for {@code loader}, then the static imports. */
    public String importSnippet(ClassLoader loader) {
        List<String> lines = new ArrayList<>();
        packages.stream().filter(p -> exists(p, loader)).forEach(p -> lines.add("import " + p + ".*;"));
        staticImports.forEach(s -> lines.add("import static " + s + ";"));
        return String.join(" ", lines);
    }

    static boolean exists(String packageName, ClassLoader loader) {
        boolean inJdk = ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(packageName));
        return inJdk || loader.getResource(packageName.replace('.', '/') + "/") != null;
    }

    private static List<String> pathList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Stream.of(value.split(java.io.File.pathSeparator)).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
