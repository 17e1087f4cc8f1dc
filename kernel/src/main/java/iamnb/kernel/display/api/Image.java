package iamnb.kernel.display.api;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A PNG, JPEG or GIF picture: {@code Image.of(Path.of("diagram.png"))},
 * {@code Image.of(bytes)}, {@code Image.of(bufferedImage)}. The type is read from the bytes'
 * own signature, so a misnamed file still shows.
 */
public record Image(byte[] bytes, String mimeType) {

    public Image {
        Objects.requireNonNull(bytes, "image bytes must not be null");
        Objects.requireNonNull(mimeType, "mimeType must not be null");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("image has no bytes");
        }
        if (!mimeType.equals("image/png") && !mimeType.equals("image/jpeg") && !mimeType.equals("image/gif")) {
            throw new IllegalArgumentException("unsupported image type " + mimeType + "; use image/png, image/jpeg or image/gif");
        }
        bytes = bytes.clone();
    }

    public static Image of(byte[] bytes) {
        return new Image(bytes, sniff(bytes));
    }

    public static Image of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static Image of(RenderedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(out.toByteArray(), "image/png");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public Map<String, Object> toMimeBundle() {
        return Map.of(mimeType, Base64.getEncoder().encodeToString(bytes),
                "text/plain", mimeType + " image, " + bytes.length + " bytes");
    }

    private static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        throw new IllegalArgumentException("not a PNG, JPEG or GIF image (unknown signature)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && mimeType.equals(other.mimeType) && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * mimeType.hashCode() + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Image[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
