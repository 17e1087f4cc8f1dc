package iamnb.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iamnb.InvalidInputException;
import java.io.IOException;

/**
 * JSON from someone else (a snapshot file, a policy document from a file or from IAM), parsed within limits and
 * with errors that say where. Jackson's own limits ({@link StreamReadConstraints}) are what stop a document nested
 * a million levels deep before it reaches code that recurses; this class sets them, and turns every parse failure,
 * those included, into an {@link InvalidInputException} naming the origin, line and column.
 */
public final class JsonInput {
    /**
     * How deeply a snapshot file may nest. The deepest JSON AWS tools print for a snapshot is a policy document inside
     * a policy version inside {@code gaad.json} (about 12 levels) or a CloudTrail record's request parameters (about
     * 20); 128 leaves room for any real service payload and is far below what would strain a thread's stack.
     */
    public static final int MAX_FILE_DEPTH = 128;
    /**
     * How deeply a policy document may nest. The policy grammar itself is six levels deep ({@code {"Statement": [{
     * "Condition": {op: {key: [value]}}}]}}); anything deeper is not a policy.
     */
    public static final int MAX_POLICY_DEPTH = 32;

    private JsonInput() {}

    /** A mapper for snapshot files: nesting limited to {@link #MAX_FILE_DEPTH}, Jackson's other limits as they are. */
    public static ObjectMapper fileMapper() {
        return mapper(MAX_FILE_DEPTH);
    }

    /** A mapper for policy documents: nesting limited to {@link #MAX_POLICY_DEPTH}. */
    public static ObjectMapper policyMapper() {
        return mapper(MAX_POLICY_DEPTH);
    }

    private static ObjectMapper mapper(int depth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(depth).build())
                .build();
        return new ObjectMapper(factory);
    }

    /**
     * Parses {@code text} as one JSON value; null when the text holds none (only white space).
     *
     * @throws InvalidInputException "{@code origin}: not valid JSON at line L, column C: problem", also when a limit
     *     (nesting, number or name length) is exceeded
     */
    public static JsonNode readTree(ObjectMapper mapper, String text, String origin) {
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            try {
                return mapper.readTree(p);
            } catch (JsonProcessingException e) {
                throw invalid(origin, e, p);
            }
        } catch (IOException e) {
            // a String source has no I/O of its own; closing it cannot fail either
            throw new InvalidInputException(origin + ": cannot be read as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * The error for a failed parse. Jackson leaves the location out of some errors (the limits among them); the
     * parser still knows where it stopped.
     */
    public static InvalidInputException invalid(String origin, JsonProcessingException e, JsonParser parser) {
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() < 0) && parser != null) {
            at = parser.currentLocation();
        }
        String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new InvalidInputException(origin + ": not valid JSON" + where + ": " + plain(e.getOriginalMessage()), e);
    }

    /** Jackson names its own setting in limit errors; a notebook user cannot change it, so say what was found. */
    private static String plain(String message) {
        if (message == null) {
            return "";
        }
        int hint = message.indexOf(", from `StreamReadConstraints");
        return hint < 0 ? message : message.substring(0, hint) + ")";
    }
}
