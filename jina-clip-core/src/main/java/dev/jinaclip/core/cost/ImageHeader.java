package dev.jinaclip.core.cost;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * An image's size from its header, through the ImageIO readers on the class path (the JDK's JPEG, PNG, GIF, BMP
 * and TIFF; TwelveMonkeys' WebP and JPEG when present). No pixel is decoded: a reader's {@code getWidth} reads up
 * to the frame header (JPEG's SOF, PNG's IHDR) and stops.
 */
final class ImageHeader {

    private static final String GIF_STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private final int width;
    private final int height;

    private ImageHeader(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * @throws UnreadableHeaderException if no reader knows the format or the header cannot be read
     */
    static ImageHeader read(ImageInputStream in) throws UnreadableHeaderException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new UnreadableHeaderException("no image reader recognises its format", null);
        }
        ImageReader reader = readers.next();
        String format = format(reader);
        try {
            boolean gif = "gif".equals(format);
            reader.setInput(in, true, !gif);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (gif) {
                // Pillow, and so the reference pipeline, sees a GIF's logical screen, not its first frame
                Node screen = child(reader.getStreamMetadata(), "LogicalScreenDescriptor");
                width = Math.max(width, intAttribute(screen, "logicalScreenWidth"));
                height = Math.max(height, intAttribute(screen, "logicalScreenHeight"));
            }
            if (width <= 0 || height <= 0) {
                throw new UnreadableHeaderException("its header gives the size " + width + "×" + height, null);
            }
            return new ImageHeader(width, height);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableHeaderException("its " + format + " header cannot be read ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    private static String format(ImageReader reader) {
        try {
            return reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
    }

    private static Node child(IIOMetadata metadata, String name) {
        if (metadata == null) {
            return null;
        }
        for (Node node = metadata.getAsTree(GIF_STREAM_FORMAT).getFirstChild(); node != null;
             node = node.getNextSibling()) {
            if (name.equals(node.getNodeName())) {
                return node;
            }
        }
        return null;
    }

    private static int intAttribute(Node node, String name) {
        Node attribute = node == null ? null : node.getAttributes().getNamedItem(name);
        return attribute == null ? 0 : Integer.parseInt(attribute.getNodeValue());
    }

    /** The reason an image's size cannot be known from its header, in words. */
    static final class UnreadableHeaderException extends Exception {
        UnreadableHeaderException(String problem, Throwable cause) {
            super(problem, cause);
        }
    }
}
