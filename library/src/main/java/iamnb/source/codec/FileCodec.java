package iamnb.source.codec;

import java.util.List;

/** A codec that owns the top-level names it is built with. */
abstract class FileCodec implements SnapshotCodec {
    private final List<String> names;

    FileCodec(String... names) {
        this.names = List.of(names);
    }

    @Override
    public final List<String> names() {
        return names;
    }
}
