package iamnb.kernel.display;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Jackson trees built by notebook code with its own Jackson (added with {@code %maven}).
 *
 * <p>The shaded kernel jar relocates the kernel's Jackson (to {@code iamnb.shaded.com.fasterxml.jackson}), so that
 * a notebook's {@code %maven} of another Jackson version is not shadowed by the kernel's. A notebook's
 * {@code JsonNode} is then a different class from the kernel's and {@code instanceof} misses it. This recognises it
 * by name and reads it back as the JSON text that every Jackson 2 {@code JsonNode.toString()} prints.
 */
final class ForeignJsonTrees {
    /**
     * The notebook's class name, assembled at run time: the shade plugin rewrites string constants that look like
     * relocated class names, and this one must stay the unrelocated name.
     */
    private static final String JSON_NODE = String.join(".", "com", "fasterxml", "jackson", "databind", "JsonNode");

    private ForeignJsonTrees() {}

    /** True for a Jackson tree class of another copy of Jackson than the kernel's. */
    static boolean isForeignTree(Class<?> type) {
        if (JsonNode.class.isAssignableFrom(type)) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(JSON_NODE)) {
                return true;
            }
        }
        return false;
    }

    /** A module for the display mapper: a foreign tree is written as the JSON it holds, not as a bean. */
    static SimpleModule module() {
        return new SimpleModule("iamnb-foreign-json-trees") {
            @Override
            public void setupModule(SetupContext context) {
                context.addSerializers(new Serializers.Base() {
                    @Override
                    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                            BeanDescription description) {
                        return isForeignTree(type.getRawClass()) ? new AsJsonText() : null;
                    }
                });
            }
        };
    }

    private static final class AsJsonText extends StdSerializer<Object> {
        private static final ObjectMapper PARSER = new ObjectMapper();

        AsJsonText() {
            super(Object.class);
        }

        @Override
        public void serialize(Object tree, JsonGenerator out, SerializerProvider provider) throws IOException {
            provider.defaultSerializeValue(PARSER.readTree(tree.toString()), out);
        }
    }
}
