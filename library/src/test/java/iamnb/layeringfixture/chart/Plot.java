package iamnb.layeringfixture.chart;

/** Planted violation for LayeringTest: the library uses the kernel. */
public final class Plot {
    public Object display() {
        return new iamnb.layeringfixture.kernel.Display();
    }
}
