package dev.jinaclip.image.internal;

import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.image.ImageTooLargeException;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes encoded images (JPEG, PNG, GIF, BMP, WebP, TIFF) with ImageIO and the TwelveMonkeys plugins into
 * {@link RgbRows} that hold what Pillow's {@code Image.open(...).convert('RGB')} would.
 *
 * <p>The first image (first frame of a GIF or animated WebP, first page of a TIFF) is decoded; a GIF's first frame
 * is placed on its logical screen as Pillow does ({@link GifCanvas}). The size is read from the header and checked
 * against the pixel limit before any pixel is decoded. Data the reader cannot decode, or decodes only with a
 * warning about truncation or corruption ({@link DecoderWarnings}), is rejected: a damaged file never yields an
 * image. JPEGs are read as raw components and colour-converted here, as libjpeg and Pillow do, so that embedded ICC
 * profiles are ignored as in the reference. Formats other than the six supported ones are refused even if an
 * ImageIO reader is installed for them. Thread-safe: each call uses its own reader.
 */
public final class ImageDecoder {

    private static final String SUPPORTED = "JPEG, PNG, GIF, BMP, WebP, TIFF";
    private static final Set<String> SUPPORTED_FORMATS = Set.of("jpeg", "png", "gif", "bmp", "webp", "tiff");

    private final long maxPixels;

    /** A decoder that refuses images declaring more than {@code maxPixels} pixels. */
    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
        ImageIoPlugins.ensureRegistered();
    }

    /**
     * Decodes {@code data}.
     *
     * @throws ImageTooLargeException  if the header declares more than the pixel limit
     * @throws ImageDecodingException if the data is empty, of an unsupported format, truncated or corrupt
     */
    public RgbRows decode(byte[] data) {
        return read(data, this::decode);
    }

    /**
     * The size {@code data} declares, read from its header only: no pixel is decoded.
     *
     * @throws ImageTooLargeException  if the header declares more than the pixel limit
     * @throws ImageDecodingException if the data is empty, of an unsupported format, or its header is unreadable
     */
    public Dimension declaredSize(byte[] data) {
        return read(data, (reader, in, bytes) -> {
            Header header = header(reader, in, formatName(reader));
            return new Dimension(header.width(), header.height());
        });
    }

    private <T> T read(byte[] data, Step<T> step) {
        if (data.length == 0) {
            throw new ImageDecodingException("image data is empty (0 bytes)");
        }
        ContainerCheck.checkLength(data);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            ImageReader reader = supportedReader(ImageIO.getImageReaders(in), data);
            try {
                return step.apply(reader, in, data);
            } catch (ImageDecodingException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new ImageDecodingException("cannot decode " + formatName(reader)
                        + " image (truncated or corrupt?): " + describe(e), e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            // only closing an in-memory stream can get here
            throw new ImageDecodingException("cannot read image data: " + e, e);
        }
    }

    /**
     * The first reader for a supported format. Others are refused: the JDK's WBMP reader, for one, accepts many
     * random byte sequences that start with two zero bytes.
     */
    private static ImageReader supportedReader(Iterator<ImageReader> readers, byte[] data) {
        String other = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            String format = formatName(reader);
            if (SUPPORTED_FORMATS.contains(format)) {
                return reader;
            }
            other = other == null ? format : other;
            reader.dispose();
        }
        throw new ImageDecodingException((other == null ? "unsupported or unrecognised image format"
                : "unsupported image format " + other) + " (" + data.length + " bytes starting with "
                + hexStart(data) + "); supported: " + SUPPORTED);
    }

    private RgbRows decode(ImageReader reader, ImageInputStream in, byte[] data) throws IOException {
        String format = formatName(reader);
        DecoderWarnings warnings = new DecoderWarnings();
        reader.addIIOReadWarningListener(warnings);
        Header header = header(reader, in, format);
        RgbRows rows;
        if (format.equals("jpeg")) {
            rows = jpegRows(reader, data);
        } else {
            BufferedImage image = reader.read(0);
            rows = RgbRows.of(header.canvas() != null ? header.canvas().place(image) : image);
        }
        Optional<String> fatal = warnings.firstFatal();
        if (fatal.isPresent()) {
            throw new ImageDecodingException("truncated or corrupt " + format + " image: the decoder warned '"
                    + fatal.get() + "'");
        }
        if (rows.width() != header.width() || rows.height() != header.height()) {
            throw new ImageDecodingException(format + " image declares " + header.width() + "x" + header.height()
                    + " but decodes to " + rows.width() + "x" + rows.height());
        }
        return rows;
    }

    /** Reads the size from the header and checks it against the pixel limit. */
    private Header header(ImageReader reader, ImageInputStream in, String format) throws IOException {
        reader.setInput(in, true, true);
        GifCanvas canvas = format.equals("gif") ? GifCanvas.of(reader) : null;
        int width = canvas != null ? canvas.width() : reader.getWidth(0);
        int height = canvas != null ? canvas.height() : reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw new ImageDecodingException(format + " image declares an empty size " + width + "x" + height);
        }
        if ((long) width * height > maxPixels) {
            throw new ImageTooLargeException(width, height, maxPixels);
        }
        return new Header(width, height, canvas);
    }

    private static RgbRows jpegRows(ImageReader reader, byte[] data) throws IOException {
        Raster raster = reader.readRaster(0, null);
        if (raster.getTransferType() != DataBuffer.TYPE_BYTE) {
            throw new ImageDecodingException("JPEG images with more than 8 bits per sample are not supported");
        }
        JpegColorSpace colorSpace = JpegColorSpace.of(data, raster.getNumBands());
        int expectedBands = switch (colorSpace) {
            case GRAY -> 1;
            case RGB, YCBCR -> 3;
            case CMYK, YCCK -> 4;
        };
        if (raster.getNumBands() != expectedBands) {
            throw new ImageDecodingException("JPEG image has " + expectedBands + " colour components but decodes to "
                    + raster.getNumBands());
        }
        return new JpegRows(raster, colorSpace);
    }

    /** The reader's format, with aliases mapped to one name: jpeg, png, gif, bmp, webp, tiff, or another. */
    private static String formatName(ImageReader reader) {
        String name;
        try {
            name = reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "image";
        }
        return switch (name) {
            case "jpg" -> "jpeg";
            case "wbp" -> "webp";
            case "tif", "bigtiff" -> "tiff";
            default -> name;
        };
    }

    private static String describe(Throwable e) {
        StringBuilder message = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException) {
                return message.append(message.length() == 0 ? "" : ": ").append("the data ends early").toString();
            }
            String m = t.getMessage();
            if (m != null && !m.isBlank() && message.indexOf(m) < 0) {
                message.append(message.length() == 0 ? "" : ": ").append(m);
            }
        }
        return message.length() == 0 ? e.getClass().getSimpleName() : message.toString();
    }

    /** The size an image declares; for a GIF, its logical screen, on which the first frame is placed. */
    private record Header(int width, int height, GifCanvas canvas) {
    }

    /** What is done with an opened reader. */
    @FunctionalInterface
    private interface Step<T> {
        T apply(ImageReader reader, ImageInputStream in, byte[] data) throws IOException;
    }

    private static String hexStart(byte[] data) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(data.length, 8); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", data[i] & 0xFF));
        }
        return hex.toString();
    }
}
