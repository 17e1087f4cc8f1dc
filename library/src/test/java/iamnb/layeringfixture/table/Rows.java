package iamnb.layeringfixture.table;

import iamnb.layeringfixture.source.Reader;

/** Legal for LayeringTest: table uses source, a lower layer. */
public final class Rows {
    public Reader reader() {
        return new Reader();
    }
}
