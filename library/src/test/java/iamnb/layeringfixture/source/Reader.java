package iamnb.layeringfixture.source;

/** Planted violation for LayeringTest: source uses policy, a package of its own layer. */
public final class Reader {
    public Object engine() {
        return new iamnb.layeringfixture.policy.Engine();
    }
}
