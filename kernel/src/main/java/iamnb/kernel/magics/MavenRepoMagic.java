package iamnb.kernel.magics;

/** {@code %mavenRepo id url}: adds a repository for later {@code %maven}; alone, lists them. */
public final class MavenRepoMagic implements Magic {

    private final MavenResolver resolver;

    public MavenRepoMagic(MavenResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "mavenRepo";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "id url — add a Maven repository for %maven (alone: list them)";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        var args = call.argList();
        if (args.isEmpty()) {
            context.out().println("local " + resolver.localRepository());
            resolver.repositories().forEach(r -> context.out().println(r.getId() + " " + r.getUrl()));
            return;
        }
        if (args.size() != 2) {
            throw new MagicException("%mavenRepo expects an id and a URL, e.g. %mavenRepo internal https://repo.example.com/maven2/");
        }
        resolver.addRepository(args.get(0), args.get(1));
        context.out().println("added repository " + args.get(0) + " " + args.get(1));
    }
}
