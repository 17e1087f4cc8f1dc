package iamnb.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private final WireCodec codec = new WireCodec(Signer.forKey("secret"));

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
        List<byte[]> frames = new WireCodec(Signer.forKey("")).encode(request());
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().contains("missing signature"));
    }

    @Test
    void decode_whenNoKey_thenUnsignedMessagesAccepted() {
        WireCodec open = new WireCodec(Signer.forKey(""));
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

    @Test
    void decode_whenSignedMessageReplayed_thenRefusedAsReplay() {
        List<byte[]> frames = codec.encode(request());
        codec.decode(frames);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> codec.decode(frames));
        assertTrue(e.getMessage().startsWith("replayed message"), e.getMessage());
    }

    @Test
    void digestHistory_whenFull_thenOldestForgottenAndSizeBounded() {
        DigestHistory history = new DigestHistory(3);
        for (String s : List.of("a", "b", "c", "d")) {
            assertTrue(history.firstSighting(bytes(s)));
        }
        assertEquals(3, history.size());
        assertTrue(history.firstSighting(bytes("a")), "the oldest was forgotten");
        assertFalse(history.firstSighting(bytes("d")), "a recent one is still known");
    }

    @Test
    void decode_whenOverTheLimit_thenRefusedWithSenderAndLimitNamed() {
        WireCodec small = new WireCodec(Signer.forKey("secret"), 4096);
        ObjectNode content = json.createObjectNode().put("code", "x".repeat(5000));
        Message big = new Message(List.of(bytes("peer")), Header.create("execute_request", "s1", "alice"), null,
                null, content, List.of());
        RejectedMessageException e = assertThrows(RejectedMessageException.class,
                () -> small.decode(small.encode(big)));
        assertEquals("MessageTooLarge", e.ename());
        assertEquals("execute_request", e.sender().type());
        assertArrayEquals(bytes("peer"), e.sender().identities().get(0));
        assertTrue(e.getMessage().contains("limit of 4096 bytes") && e.getMessage().contains("IAMNB_MAX_MESSAGE_BYTES"),
                e.getMessage());
    }

    @Test
    void decode_whenStringLongerThanJacksonsDefaultLimit_thenReadWithinOurLimit() {
        WireCodec roomy = new WireCodec(Signer.forKey("secret"), 64 * 1024 * 1024);
        String code = "/" + "*".repeat(21_000_000) + "/";
        Message big = new Message(List.of(), Header.create("execute_request", "s1", "alice"), null, null,
                json.createObjectNode().put("code", code), List.of());
        assertEquals(code.length(), roomy.decode(roomy.encode(big)).content().get("code").asText().length());
    }

    @Test
    void decode_whenContentIsNotJson_thenRefusedWithSender() {
        Signer signer = Signer.forKey("secret");
        List<byte[]> parts = List.of(Header.create("history_request", "s", "u").toJson().toString().getBytes(
                StandardCharsets.UTF_8), bytes("{}"), bytes("{}"), bytes("{not json"));
        List<byte[]> frames = new ArrayList<>(List.of(WireCodec.DELIMITER, signer.sign(parts)));
        frames.addAll(parts);
        RejectedMessageException e = assertThrows(RejectedMessageException.class, () -> codec.decode(frames));
        assertEquals("history_request", e.sender().type());
        assertTrue(e.getMessage().contains("content of history_request is not valid JSON"), e.getMessage());
    }

    @Test
    void encode_whenTextHasLoneSurrogates_thenReplacedAndPairsKept() {
        Content.Stream stream = new Content.Stream(Content.StreamName.STDOUT, "a\uD800b \uD83D\uDE00 \uDC00");
        Message m = new Message(List.of(), Header.create("stream", "s", "u"), null, null, codec.toJson(stream),
                List.of());
        byte[] content = codec.encode(m).get(5);
        assertEquals("{\"name\":\"stdout\",\"text\":\"a\uFFFDb \uD83D\uDE00 \uFFFD\"}",
                new String(content, StandardCharsets.UTF_8));
    }

    @Test
    void content_whenRequestOmitsFields_thenSpecDefaults() {
        Message m = new Message(List.of(), Header.create("execute_request", "s", "u"), null, null,
                json.createObjectNode().put("code", "1").put("silent", true), List.of());
        Content.ExecuteRequest r = codec.content(m, Content.ExecuteRequest.class);
        assertEquals(List.of(true, false, true, true), List.of(r.silent(), r.storeHistory(), r.allowStdin(),
                r.stopOnError()));
        assertEquals(java.util.Map.of(), r.userExpressions());
    }

    @Test
    void toJson_whenReplies_thenSnakeCaseLowercaseEnumsAndNoNulls() {
        assertEquals("{\"status\":\"aborted\",\"execution_count\":3}",
                codec.toJson(Content.ExecuteReply.aborted(3)).toString());
        assertEquals("{\"status\":\"incomplete\",\"indent\":\"  \"}",
                codec.toJson(new Content.IsCompleteReply(IsCompleteStatus.INCOMPLETE, "  ")).toString());
        assertEquals("{\"execution_state\":\"busy\"}",
                codec.toJson(new Content.Status(ExecutionState.BUSY)).toString());
        assertEquals("{\"status\":\"ok\",\"history\":[[1,2,\"x\"],[1,3,[\"y\",null]]]}",
                codec.toJson(new Content.HistoryReply(Content.ReplyStatus.OK, List.of(
                        Content.HistoryRow.input(1, 2, "x"), Content.HistoryRow.withOutput(1, 3, "y", null))))
                        .toString());
        assertEquals("{\"wait\":true}", codec.toJson(new Content.ClearOutput(true)).toString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
