package iamnb.internal;

import iamnb.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict decoding of someone else's bytes as text. Java's readers either replace a bad byte silently or fail with
 * an I/O error that names no position; both hide a file that is simply not UTF-8. Here it is invalid input, and
 * the message names the byte.
 *
 * <p>Text is UTF-8, with or without a byte order mark. UTF-16 is accepted when a byte order mark announces it,
 * because that is what Windows PowerShell 5's {@code >} writes (and Jackson reads such a {@code gaad.json} too).
 */
public final class StrictText {
    private StrictText() {}

    /**
     * Decodes the first {@code length} bytes.
     *
     * @throws InvalidInputException "{@code origin}: not UTF-8 at byte N (0xFF); save the file as UTF-8"
     */
    public static String decode(byte[] bytes, int length, String origin) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3;
        } else if (length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start = 2;
        } else if (length >= 2 && bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start = 2;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate(length - start + 16);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String name = charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16 (as its byte order mark says)";
            throw new InvalidInputException(origin + ": not " + name + " at byte " + at + " (0x"
                    + String.format("%02X", bytes[at] & 0xFF) + "); save the file as UTF-8");
        }
        return out.flip().toString();
    }
}
