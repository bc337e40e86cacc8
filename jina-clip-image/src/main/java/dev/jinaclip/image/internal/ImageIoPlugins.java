package dev.jinaclip.image.internal;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Makes sure the TwelveMonkeys readers (JPEG incl. CMYK/YCCK, WebP, TIFF) are registered with ImageIO.
 *
 * <p>ImageIO finds them through {@code META-INF/services} on the class path at its first use, but not when it was
 * first used from a class loader that cannot see them (application servers, some fat-jar launchers). Readers that
 * are already registered are left alone. PNG, GIF and BMP come with the JDK.
 */
final class ImageIoPlugins {

    private ImageIoPlugins() {
    }

    /** Registers the missing readers; cheap after the first call. */
    static void ensureRegistered() {
        Holder.touch();
    }

    private static final class Holder {
        static {
            IIORegistry registry = IIORegistry.getDefaultInstance();
            List<ImageReaderSpi> readers = List.of(
                    new JPEGImageReaderSpi(), new WebPImageReaderSpi(), new TIFFImageReaderSpi());
            for (ImageReaderSpi reader : readers) {
                if (registry.getServiceProviderByClass(reader.getClass()) == null) {
                    registry.registerServiceProvider(reader, ImageReaderSpi.class);
                }
            }
        }

        static void touch() {
        }
    }
}
