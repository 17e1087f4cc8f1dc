package iamnb.kernel.display;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;

/** AWT images ({@code BufferedImage} and friends) as base64 image/png without line breaks. */
public final class ImageRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof RenderedImage image)) {
            return Optional.empty();
        }
        return Optional.of(MimeBundle.of(MimeTypes.PNG, Base64.getEncoder().encodeToString(png(image)))
                .with(MimeTypes.TEXT, image.getClass().getSimpleName() + " " + image.getWidth() + "×" + image.getHeight()));
    }

    static byte[] png(RenderedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new RenderException("no PNG writer accepts this " + image.getClass().getName(), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
