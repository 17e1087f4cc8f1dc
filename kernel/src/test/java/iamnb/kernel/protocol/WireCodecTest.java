package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireCodecTest {
    private final ObjectMapper json = new ObjectMapper();
    private final WireCodec codec = new WireCodec(Signer.forKey("secret"), json);

    private Message request() {
        ObjectNode content = json.createObjectNode().put("code", "1+1");
        return new Message(List.of("client-id".getBytes(StandardCharsets.UTF_8)),
                Header.create("execute_request", "s1", "alice"), null, null, content, List.of());
    }

    @Test
    void encode_whenMessage_thenIdentitiesDelimiterSignatureAndFourJsonParts() {
        List<byte[]> frames = codec.encode(request());
        assertEquals(7, frames.size());
        assertArrayEquals("client-id".getBytes(StandardCharsets.UTF_8), frames.get(0));
        assertArrayEquals(WireCodec.DELIMITER, frames.get(1));
        assertEquals(64, frames.get(2).length, "hex HMAC-SHA256");
        assertEquals("{}", new String(frames.get(4), StandardCharsets.UTF_8));
    }

    @Test
    void decode_whenSignedWithSameKey_thenRoundTrips() {
        Message decoded = codec.decode(codec.encode(request()));
        assertEquals("execute_request", decoded.type());
        assertEquals("1+1", decoded.content().get("code").asText());
        assertEquals(1, decoded.identities().size());
    }

    @Test
    void signature_whenKnownVector_thenMatchesHmacSha256OfTheFourParts() {
        // HMAC-SHA256("key", "abcd") computed independently (Python: hmac.new(b"key", b"abcd", sha256))
        byte[] sig = Signer.forKey("key").sign(List.of(bytes("a"), bytes("b"), bytes("c"), bytes("d")));
        assertEquals("2a31ec0ee8d878c9eece9fb0df79b3b90b2256240163aa5ee50d176d3d1121f8",
                new String(sig, StandardCharsets.US_ASCII));
        assertTrue(Signer.forKey("key").verify(sig, List.of(bytes("a"), bytes("b"), bytes("c"), bytes("d"))));
    }

    @Test
    void decode_whenSignatureBad_thenRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        byte[] forged = frames.get(2).clone();
        forged[0] = (byte) (forged[0] == 'a' ? 'b' : 'a');
        frames.set(2, forged);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("bad signature"));
    }

    @Test
    void decode_whenContentTamperedAfterSigning_thenRejected() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.set(6, bytes("{\"code\":\"System.exit(0)\"}"));
        assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
    }

    @Test
    void decode_whenSignatureMissingButKeySet_thenRejected() {
        List<byte[]> frames = new WireCodec(Signer.forKey(""), json).encode(request());
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("missing signature"));
    }

    @Test
    void decode_whenNoKey_thenUnsignedMessagesAccepted() {
        WireCodec open = new WireCodec(Signer.forKey(""), json);
        List<byte[]> frames = open.encode(request());
        assertEquals(0, frames.get(2).length);
        assertEquals("execute_request", open.decode(frames).type());
    }

    @Test
    void decode_whenNoDelimiterOrTooFewFrames_thenRejectedWithReason() {
        assertThrows(InvalidMessageException.class, () -> codec.decode(List.of(bytes("x"))));
        List<byte[]> truncated = codec.encode(request()).subList(0, 5);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(truncated));
        assertTrue(e.getMessage().contains("needs at least 5"));
    }

    @Test
    void decode_whenExtraFrames_thenKeptAsBuffers() {
        List<byte[]> frames = new ArrayList<>(codec.encode(request()));
        frames.add(bytes("buffer-1"));
        assertEquals(1, codec.decode(frames).buffers().size());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
