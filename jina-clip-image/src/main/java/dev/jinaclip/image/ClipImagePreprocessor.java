package dev.jinaclip.image;

import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.image.internal.BicubicResampler;
import dev.jinaclip.image.internal.CropGeometry;
import dev.jinaclip.image.internal.ImageDecoder;
import dev.jinaclip.image.internal.RgbRows;
import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * jina-clip-v1's image preprocessing, matching the Python reference (Pillow + torchvision) byte for byte.
 *
 * <p>The pipeline: decode (JPEG, PNG, GIF, BMP, WebP, TIFF; first frame or page) → convert to RGB as Pillow's
 * {@code convert('RGB')} does → resize the shortest side to {@link #imageSize()} with Pillow's antialiased bicubic
 * filter (long side {@code int(size * long / short)}) → centre crop {@code size × size} (offsets rounded half to
 * even) → scale to [0, 1] and normalise with CLIP's mean ({@link #MEAN_RED}, {@link #MEAN_GREEN},
 * {@link #MEAN_BLUE}) and standard deviation ({@link #STD_RED}, {@link #STD_GREEN}, {@link #STD_BLUE}) in float32,
 * as {@code (v / 255 - mean) / std}, in CHW order R, G, B.
 *
 * <p>Conversion to RGB follows the reference: alpha is dropped, not composited (a transparent pixel keeps its
 * stored colour); grey is replicated; palettes are expanded; CMYK uses Pillow's naive formula
 * {@code 255 - k - c * (255 - k) / 255} (CMYK JPEGs are read with Adobe's inverted polarity, as Pillow does); ICC
 * profiles and EXIF orientation are ignored. One deliberate difference: samples wider than 8 bits keep their high
 * 8 bits ({@code v >> 8} for 16-bit), also for 16-bit grey, which Pillow instead clips at 255 (so the reference
 * turns most 16-bit grey images white); for 16-bit RGB(A) PNGs this is exactly what Pillow does.
 *
 * <p>The parity tests ({@code ImageParityTest}, fixtures from {@code src/test/scripts/make_image_parity_fixtures.py})
 * match the reference exactly for JPEG (baseline, progressive, grey, CMYK, YCCK), PNG (8- and 16-bit, grey,
 * palette, alpha), GIF, BMP, TIFF and lossless WebP. Known difference: lossy WebP is decoded by TwelveMonkeys'
 * pure-Java VP8 decoder, whose chroma upsampling and YUV conversion differ from libwebp's (on the test image 40 %
 * of values are exact, mean difference 2.8, up to 73).
 *
 * <p>Images whose header declares more than {@link #maxPixels()} pixels are refused before decoding. Broken data
 * (empty, unsupported format, truncated, corrupt) raises {@link ImageDecodingException}; it never yields an image.
 *
 * <p>Immutable and thread-safe; share one instance. Create it with {@link #builder()} or {@link #create()}.
 */
public final class ClipImagePreprocessor {

    /** Side of the square model input in pixels: jina-clip-v1's, 224. */
    public static final int DEFAULT_IMAGE_SIZE = JinaClipModel.JINA_CLIP_V1.imageSize();
    /**
     * Default pixel limit: Pillow's {@code MAX_IMAGE_PIXELS} (1024 × 1024 × 1024 / 4 / 3 = 89,478,485, about
     * 9459 × 9459), above which Pillow warns of a decompression bomb (it refuses above twice that). Decoding an
     * image at the limit takes about 270 MB for the 8-bit RGB pixels.
     */
    public static final long DEFAULT_MAX_PIXELS = 89_478_485L;

    /** Mean of the red channel (OpenAI CLIP's, used by jina-clip-v1). */
    public static final float MEAN_RED = 0.48145466f;
    /** Mean of the green channel. */
    public static final float MEAN_GREEN = 0.4578275f;
    /** Mean of the blue channel. */
    public static final float MEAN_BLUE = 0.40821073f;
    /** Standard deviation of the red channel. */
    public static final float STD_RED = 0.26862954f;
    /** Standard deviation of the green channel. */
    public static final float STD_GREEN = 0.26130258f;
    /** Standard deviation of the blue channel. */
    public static final float STD_BLUE = 0.27577711f;

    /** The largest file read whole into a byte array. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    private static final float[][] NORMALISED = normalisedValues();

    private final int imageSize;
    private final long maxPixels;
    private final ImageDecoder decoder;

    private ClipImagePreprocessor(Builder builder) {
        this.imageSize = builder.imageSize;
        this.maxPixels = builder.maxPixels;
        this.decoder = new ImageDecoder(maxPixels);
    }

    /** A preprocessor with the defaults: 224 × 224, {@link #DEFAULT_MAX_PIXELS}. */
    public static ClipImagePreprocessor create() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Side of the square output in pixels. */
    public int imageSize() {
        return imageSize;
    }

    /** The largest number of pixels an image may declare. */
    public long maxPixels() {
        return maxPixels;
    }

    /** Number of floats in one image's pixel values: {@code 3 * imageSize() * imageSize()}. */
    public int pixelValuesLength() {
        return 3 * imageSize * imageSize;
    }

    /**
     * The width and height {@code encoded} declares, read from its header only (for a GIF, its logical screen),
     * with the checks that come before decoding: a supported format, a readable header, at most
     * {@link #maxPixels()} pixels. It costs microseconds whatever size the image claims, so it can vet an image
     * before anything decodes it (a thumbnailer, an upload to the hosted API); data damaged past the header is
     * found only by decoding.
     *
     * @throws ImageTooLargeException  if the image declares more than {@link #maxPixels()} pixels
     * @throws ImageDecodingException if the data is empty, of an unsupported format, or its header is unreadable
     * @throws NullPointerException   if {@code encoded} is null
     */
    public Dimension declaredSize(byte[] encoded) {
        return decoder.declaredSize(Objects.requireNonNull(encoded, "encoded"));
    }

    /**
     * The resized and centre-cropped image as {@link BufferedImage#TYPE_INT_RGB}, before normalisation.
     *
     * @param encoded an encoded image (JPEG, PNG, GIF, BMP, WebP or TIFF)
     * @throws ImageTooLargeException  if the image declares more than {@link #maxPixels()} pixels
     * @throws ImageDecodingException if the data is empty, of an unsupported format, truncated or corrupt
     * @throws NullPointerException   if {@code encoded} is null
     */
    public BufferedImage crop(byte[] encoded) {
        return toImage(cropRgb(decoder.decode(Objects.requireNonNull(encoded, "encoded"))));
    }

    /**
     * The resized and centre-cropped image of {@link #crop(byte[])}, encoded as an 8-bit RGB PNG. PNG is lossless
     * and an image of {@link #imageSize()} square is neither resized nor cropped again, so the model input of this
     * PNG is the model input of {@code encoded}: {@code pixelValues(cropPng(encoded))} equals
     * {@code pixelValues(encoded)}. The hosted backend's image token saver uploads it.
     *
     * @throws ImageTooLargeException  if the image declares more than {@link #maxPixels()} pixels
     * @throws ImageDecodingException if the data is empty, of an unsupported format, truncated or corrupt
     * @throws NullPointerException   if {@code encoded} is null
     */
    public byte[] cropPng(byte[] encoded) {
        return png(crop(encoded));
    }

    /**
     * The resized and centre-cropped image read from {@code file}; see {@link #crop(byte[])}.
     *
     * @throws ImageDecodingException also if the file does not exist or cannot be read
     */
    public BufferedImage crop(Path file) {
        return toImage(cropRgb(decoder.decode(read(file))));
    }

    /**
     * The resized and centre-cropped {@code image}, converted from its stored samples as described in the class
     * documentation (Java's colour management is used only for layouts Pillow has no counterpart for:
     * premultiplied alpha, floating-point samples, colour spaces other than grey, RGB and CMYK). The pixel limit
     * does not apply: it guards decoding, and this image is already decoded.
     */
    public BufferedImage crop(BufferedImage image) {
        return toImage(cropRgb(rowsOf(image)));
    }

    /**
     * The model input for {@code encoded}: {@link #pixelValuesLength()} floats, CHW, R then G then B.
     *
     * @throws ImageTooLargeException  if the image declares more than {@link #maxPixels()} pixels
     * @throws ImageDecodingException if the data is empty, of an unsupported format, truncated or corrupt
     */
    public float[] pixelValues(byte[] encoded) {
        return normalise(cropRgb(decoder.decode(Objects.requireNonNull(encoded, "encoded"))));
    }

    /** The model input for the image in {@code file}; see {@link #pixelValues(byte[])}. */
    public float[] pixelValues(Path file) {
        return normalise(cropRgb(decoder.decode(read(file))));
    }

    /** The model input for an already decoded {@code image}; see {@link #crop(BufferedImage)}. */
    public float[] pixelValues(BufferedImage image) {
        return normalise(cropRgb(rowsOf(image)));
    }

    /**
     * Writes the model input for {@code encoded} into {@code batch[offset .. offset + pixelValuesLength())}, for
     * filling a {@code [n, 3, size, size]} batch tensor without copies. Nothing is written if it fails.
     *
     * @throws IndexOutOfBoundsException if the range does not fit in {@code batch}
     * @see #pixelValues(byte[])
     */
    public void writePixelValues(byte[] encoded, float[] batch, int offset) {
        checkRange(batch, offset);
        normalise(cropRgb(decoder.decode(Objects.requireNonNull(encoded, "encoded"))), batch, offset);
    }

    /**
     * Like {@link #writePixelValues(byte[], float[], int)}, into a buffer (a direct one, that ONNX Runtime reads
     * without a copy), from index {@code offset} on; the buffer's position is not used or moved.
     */
    public void writePixelValues(byte[] encoded, FloatBuffer batch, int offset) {
        Objects.requireNonNull(batch, "batch");
        Objects.checkFromIndexSize(offset, pixelValuesLength(), batch.limit());
        normalise(cropRgb(decoder.decode(Objects.requireNonNull(encoded, "encoded"))), batch, offset);
    }

    /** Like {@link #writePixelValues(byte[], float[], int)}, for the image in {@code file}. */
    public void writePixelValues(Path file, float[] batch, int offset) {
        checkRange(batch, offset);
        normalise(cropRgb(decoder.decode(read(file))), batch, offset);
    }

    /** Like {@link #writePixelValues(byte[], float[], int)}, for an already decoded {@code image}. */
    public void writePixelValues(BufferedImage image, float[] batch, int offset) {
        checkRange(batch, offset);
        normalise(cropRgb(rowsOf(image)), batch, offset);
    }

    private byte[] cropRgb(RgbRows rows) {
        CropGeometry g;
        try {
            g = CropGeometry.of(rows.width(), rows.height(), imageSize);
        } catch (IllegalArgumentException e) {
            throw new ImageDecodingException(e.getMessage(), e);
        }
        return BicubicResampler.resizeWindow(rows, g.resizedWidth(), g.resizedHeight(), g.left(), g.top(),
                imageSize, imageSize);
    }

    private static RgbRows rowsOf(BufferedImage image) {
        return RgbRows.of(Objects.requireNonNull(image, "image"));
    }

    private static byte[] read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ImageDecodingException("image file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodingException("image file not found: " + file, e);
        } catch (IOException e) {
            throw new ImageDecodingException("cannot read image file " + file + ": " + e, e);
        }
    }

    private BufferedImage toImage(byte[] rgb) {
        BufferedImage image = new BufferedImage(imageSize, imageSize, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, p = 0; i < pixels.length; i++, p += 3) {
            pixels[i] = (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | (rgb[p + 2] & 0xFF);
        }
        return image;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            // the JDK's own PNG writer: always present
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }

    private float[] normalise(byte[] rgb) {
        float[] values = new float[pixelValuesLength()];
        normalise(rgb, values, 0);
        return values;
    }

    private void normalise(byte[] rgb, float[] dst, int offset) {
        normalise(rgb, FloatBuffer.wrap(dst), offset);
    }

    private void normalise(byte[] rgb, FloatBuffer dst, int offset) {
        int plane = imageSize * imageSize;
        for (int c = 0; c < 3; c++) {
            float[] table = NORMALISED[c];
            int o = offset + c * plane;
            for (int i = 0, p = c; i < plane; i++, p += 3) {
                dst.put(o + i, table[rgb[p] & 0xFF]);
            }
        }
    }

    private void checkRange(float[] batch, int offset) {
        Objects.requireNonNull(batch, "batch");
        Objects.checkFromIndexSize(offset, pixelValuesLength(), batch.length);
    }

    /** {@code (v / 255f - mean) / std} in float32 for every byte value, as torchvision's ToTensor + Normalize. */
    private static float[][] normalisedValues() {
        float[] mean = {MEAN_RED, MEAN_GREEN, MEAN_BLUE};
        float[] std = {STD_RED, STD_GREEN, STD_BLUE};
        float[][] table = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                table[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        return table;
    }

    /** Collects settings for a {@link ClipImagePreprocessor}. */
    public static final class Builder {
        /** The largest {@link #imageSize(int)}. */
        public static final int MAX_IMAGE_SIZE = 8192;

        private int imageSize = DEFAULT_IMAGE_SIZE;
        private long maxPixels = DEFAULT_MAX_PIXELS;

        private Builder() {
        }

        /**
         * Side of the square output in pixels; default {@link #DEFAULT_IMAGE_SIZE} (224, what jina-clip-v1 expects).
         * Must be between 1 and {@value #MAX_IMAGE_SIZE}.
         */
        public Builder imageSize(int imageSize) {
            if (imageSize < 1 || imageSize > MAX_IMAGE_SIZE) {
                throw new IllegalArgumentException("imageSize must be between 1 and " + MAX_IMAGE_SIZE + ", was "
                        + imageSize);
            }
            this.imageSize = imageSize;
            return this;
        }

        /**
         * The largest number of pixels (width × height) an image may declare; larger images are refused before
         * decoding with {@link ImageTooLargeException}. Default {@link #DEFAULT_MAX_PIXELS}. Must be positive.
         */
        public Builder maxPixels(long maxPixels) {
            if (maxPixels < 1) {
                throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
            }
            this.maxPixels = maxPixels;
            return this;
        }

        /** The preprocessor; the builder can go on making others. */
        public ClipImagePreprocessor build() {
            return new ClipImagePreprocessor(this);
        }
    }
}
