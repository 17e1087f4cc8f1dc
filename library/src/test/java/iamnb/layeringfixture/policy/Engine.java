package iamnb.layeringfixture.policy;

import iamnb.layeringfixture.model.Record;

/** Legal for LayeringTest: policy uses the model below it. */
public final class Engine {
    public Record record() {
        return new Record();
    }
}
