package dev.jinaclip.image.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;

/**
 * Places a GIF's first frame on its logical screen, as Pillow does.
 *
 * <p>ImageIO returns only the frame's own rectangle; Pillow returns the logical screen (grown to include the
 * frame if the frame sticks out), with the area outside the frame filled with the frame's transparent colour index
 * if it has one, else index 0. Most GIFs have a first frame that covers the screen, and then nothing changes.
 *
 * @param width     canvas width
 * @param height    canvas height
 * @param left      frame position on the canvas
 * @param top       frame position on the canvas
 * @param fillIndex palette index outside the frame
 */
record GifCanvas(int width, int height, int left, int top, int fillIndex) {

    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";
    private static final String IMAGE_FORMAT = "javax_imageio_gif_image_1.0";

    /** The canvas of image 0, from the headers only (no pixel is decoded). */
    static GifCanvas of(ImageReader reader) throws IOException {
        IIOMetadataNode image = tree(reader.getImageMetadata(0), IMAGE_FORMAT);
        IIOMetadataNode frame = child(image, "ImageDescriptor");
        int left = intAttribute(frame, "imageLeftPosition", 0);
        int top = intAttribute(frame, "imageTopPosition", 0);
        int right = left + intAttribute(frame, "imageWidth", reader.getWidth(0));
        int bottom = top + intAttribute(frame, "imageHeight", reader.getHeight(0));
        IIOMetadataNode screen = child(tree(reader.getStreamMetadata(), STREAM_FORMAT), "LogicalScreenDescriptor");
        int width = Math.max(right, intAttribute(screen, "logicalScreenWidth", 0));
        int height = Math.max(bottom, intAttribute(screen, "logicalScreenHeight", 0));
        IIOMetadataNode control = child(image, "GraphicControlExtension");
        boolean transparent = control != null && "TRUE".equalsIgnoreCase(control.getAttribute("transparentColorFlag"));
        int fill = transparent ? intAttribute(control, "transparentColorIndex", 0) : 0;
        return new GifCanvas(width, height, left, top, fill);
    }

    /** {@code frame} on this canvas; {@code frame} itself if it covers the canvas. */
    BufferedImage place(BufferedImage frame) {
        ColorModel cm = frame.getColorModel();
        if (left == 0 && top == 0 && frame.getWidth() == width && frame.getHeight() == height
                || !(cm instanceof IndexColorModel)) {
            return frame;
        }
        WritableRaster canvas = cm.createCompatibleWritableRaster(width, height);
        int[] row = new int[width];
        Arrays.fill(row, fillIndex);
        for (int y = 0; y < height; y++) {
            canvas.setSamples(0, y, width, 1, 0, row);
        }
        canvas.setRect(left, top, frame.getRaster());
        return new BufferedImage(cm, canvas, false, null);
    }

    private static IIOMetadataNode tree(IIOMetadata metadata, String format) {
        return metadata == null ? null : (IIOMetadataNode) metadata.getAsTree(format);
    }

    private static IIOMetadataNode child(IIOMetadataNode node, String name) {
        if (node == null) {
            return null;
        }
        var children = node.getElementsByTagName(name);
        return children.getLength() == 0 ? null : (IIOMetadataNode) children.item(0);
    }

    private static int intAttribute(IIOMetadataNode node, String name, int fallback) {
        if (node == null || node.getAttribute(name).isEmpty()) {
            return fallback;
        }
        return Integer.parseInt(node.getAttribute(name));
    }
}
