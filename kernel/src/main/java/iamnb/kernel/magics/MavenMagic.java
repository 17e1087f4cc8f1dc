package iamnb.kernel.magics;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code %maven group:artifact:version ...}: resolves the artifacts and their runtime
 * dependencies and adds the jars to the session's class path.
 */
public final class MavenMagic implements Magic {

    private final MavenResolver resolver;
    private final ClasspathMagic.ClassPathAdditions added;

    public MavenMagic(MavenResolver resolver, ClasspathMagic.ClassPathAdditions added) {
        this.resolver = resolver;
        this.added = added;
    }

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "group:artifact:version ... — add Maven artifacts and their dependencies";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        if (call.argList().isEmpty()) {
            throw new MagicException("%maven needs coordinates, e.g. %maven org.apache.commons:commons-text:1.12.0");
        }
        List<Path> jars = resolver.resolve(call.argList(), context.out(), context::interrupted);
        int count = added.addAll(jars, context);
        context.out().println("added " + count + (count == 1 ? " jar" : " jars") + " to the class path"
                + (count < jars.size() ? " (" + (jars.size() - count) + " already there)" : "")
                + (count == 0 ? "" : ": " + String.join(", ", jars.stream().map(p -> p.getFileName().toString()).toList())));
    }
}
