package iamnb.kernel.magics;

import java.util.Map;

/** The magics every kernel starts with, registered explicitly. */
public final class StandardMagics {
    private StandardMagics() {}

    /** A registry holding every standard magic; {@code env} is the kernel's process environment. */
    public static MagicRegistry create(Map<String, String> env) {
        var registry = new MagicRegistry();
        var environment = new Environment(env);
        var classPath = new ClasspathMagic.ClassPathAdditions();
        var maven = MavenResolver.fromEnvironment(MavenResolver.defaultLocalRepository(), env);
        return registry
                .register(new MavenMagic(maven, classPath))
                .register(new MavenRepoMagic(maven))
                .register(new ClasspathMagic(classPath))
                .register(new LoadMagic())
                .register(new TimeMagic())
                .register(new TimeitMagic())
                .register(HtmlMagic.html())
                .register(HtmlMagic.markdown())
                .register(new ShellMagic("bash", environment))
                .register(new ShellMagic("sh", environment))
                .register(new EnvMagic(environment))
                .register(new VarsMagic())
                .register(new LsMagic(registry));
    }
}
