package iamnb.kernel.display;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper renderers use: java.time as ISO-8601 text, Optional as its value or null, empty beans allowed,
 * and Jackson trees that notebook code built with its own Jackson as the JSON they hold ({@link ForeignJsonTrees}).
 */
public final class DisplayJson {
    private DisplayJson() {}

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .registerModule(ForeignJsonTrees.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
