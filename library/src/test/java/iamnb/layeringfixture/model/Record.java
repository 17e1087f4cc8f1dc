package iamnb.layeringfixture.model;

/** Planted violation for LayeringTest: the model reaches up into policy (and so forms a cycle with it). */
public final class Record {
    public Object engine() {
        return new iamnb.layeringfixture.policy.Engine();
    }
}
