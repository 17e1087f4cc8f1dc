package iamnb.kernel.magics;

/** {@code %lsmagic}: every line and cell magic with one line of help. */
public final class LsMagic implements Magic {

    private final MagicRegistry registry;

    public LsMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "lsmagic";
    }

    @Override
    public Kind kind() {
        return Kind.LINE;
    }

    @Override
    public String help() {
        return "— list the magics";
    }

    @Override
    public void run(MagicCall call, MagicContext context) {
        context.out().print(listing());
    }

    String listing() {
        var out = new StringBuilder("Line magics:\n");
        registry.all().stream().filter(m -> m.kind().allowsLine())
                .sorted(java.util.Comparator.comparing(Magic::name))
                .forEach(m -> out.append(String.format("  %-12s %s%n", "%" + m.name(), m.help())));
        out.append("Cell magics:\n");
        registry.all().stream().filter(m -> m.kind().allowsCell())
                .sorted(java.util.Comparator.comparing(Magic::name))
                .forEach(m -> out.append(String.format("  %-12s %s%n", "%%" + m.name(), m.help())));
        return out.toString();
    }
}
