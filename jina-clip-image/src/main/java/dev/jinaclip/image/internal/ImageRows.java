package dev.jinaclip.image.internal;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * RGB rows from a decoded {@link BufferedImage}, converted as Pillow's {@code convert('RGB')} does: from the stored
 * samples, never through Java's colour management.
 *
 * <ul>
 *   <li>Alpha is dropped, not composited: a transparent pixel keeps its stored colour.</li>
 *   <li>Grey is replicated to R, G and B; palette images are expanded through the palette (its alpha ignored).</li>
 *   <li>CMYK (ink amounts) uses Pillow's naive {@code cmyk2rgb}.</li>
 *   <li>Samples wider than 8 bits keep their high 8 bits ({@code v >> (bits - 8)}, so 16-bit {@code v >> 8}), which
 *       is what Pillow does for 16-bit RGB(A) PNGs; unlike Pillow, 16-bit grey is scaled the same way instead of
 *       being clipped at 255. Narrower samples are scaled to 0..255 with rounding.</li>
 *   <li>Embedded ICC profiles are ignored, as in the reference.</li>
 * </ul>
 *
 * <p>Other layouts (premultiplied alpha, floating-point samples, colour spaces other than grey, RGB and CMYK)
 * are converted with {@link BufferedImage#getRGB}, that is with Java's colour conversion to sRGB.
 */
final class ImageRows implements RgbRows {

    private enum Kind { INDEXED, GRAY, RGB, CMYK, JAVA_SRGB }

    private final BufferedImage image;
    private final Raster raster;
    private final Kind kind;
    private final int bands;
    private final int[] shifts;
    private final int[] maxValues;
    private final byte[][] palette;
    private final boolean eightBit;
    private final int[] samples;

    ImageRows(BufferedImage image) {
        this.image = image;
        this.raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        this.kind = kindOf(cm, raster);
        this.bands = raster.getNumBands();
        this.shifts = new int[bands];
        this.maxValues = new int[bands];
        for (int b = 0; b < bands && kind != Kind.INDEXED && kind != Kind.JAVA_SRGB; b++) {
            int bits = cm.getComponentSize(b);
            shifts[b] = Math.max(bits - 8, 0);
            maxValues[b] = bits < 8 ? (1 << bits) - 1 : 0;
        }
        this.palette = kind == Kind.INDEXED ? palette((IndexColorModel) cm) : null;
        this.eightBit = Arrays.stream(shifts).allMatch(s -> s == 0) && Arrays.stream(maxValues).allMatch(m -> m == 0);
        this.samples = new int[raster.getWidth() * (kind == Kind.JAVA_SRGB ? 1 : bands)];
    }

    private static Kind kindOf(ColorModel cm, Raster raster) {
        if (cm instanceof IndexColorModel && raster.getNumBands() == 1) {
            return Kind.INDEXED;
        }
        int type = raster.getTransferType();
        boolean integral = type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT
                || type == DataBuffer.TYPE_INT;
        if (!integral || cm.isAlphaPremultiplied() || raster.getNumBands() != cm.getNumComponents()) {
            return Kind.JAVA_SRGB;
        }
        return switch (cm.getColorSpace().getType()) {
            case ColorSpace.TYPE_GRAY -> Kind.GRAY;
            case ColorSpace.TYPE_RGB -> Kind.RGB;
            case ColorSpace.TYPE_CMYK -> Kind.CMYK;
            default -> Kind.JAVA_SRGB;
        };
    }

    private static byte[][] palette(IndexColorModel cm) {
        byte[][] rgb = new byte[3][cm.getMapSize()];
        cm.getReds(rgb[0]);
        cm.getGreens(rgb[1]);
        cm.getBlues(rgb[2]);
        return rgb;
    }

    @Override
    public int width() {
        return raster.getWidth();
    }

    @Override
    public int height() {
        return raster.getHeight();
    }

    @Override
    public void readRow(int y, byte[] dst) {
        int width = raster.getWidth();
        int[] s = samples;
        int o = 0;
        if (kind == Kind.JAVA_SRGB) {
            image.getRGB(0, y, width, 1, s, 0, width);
            for (int x = 0; x < width; x++) {
                dst[o++] = (byte) (s[x] >> 16);
                dst[o++] = (byte) (s[x] >> 8);
                dst[o++] = (byte) s[x];
            }
            return;
        }
        raster.getPixels(raster.getMinX(), raster.getMinY() + y, width, 1, s);
        switch (kind) {
            case INDEXED -> {
                int last = palette[0].length - 1;
                for (int x = 0; x < width; x++) {
                    int i = Math.min(s[x], last);
                    dst[o++] = palette[0][i];
                    dst[o++] = palette[1][i];
                    dst[o++] = palette[2][i];
                }
            }
            case GRAY -> {
                for (int p = 0; p < width * bands; p += bands) {
                    byte v = (byte) to8Bits(s[p], 0);
                    dst[o++] = v;
                    dst[o++] = v;
                    dst[o++] = v;
                }
            }
            case RGB -> {
                if (eightBit) {
                    for (int p = 0; p < width * bands; p += bands) {
                        dst[o++] = (byte) s[p];
                        dst[o++] = (byte) s[p + 1];
                        dst[o++] = (byte) s[p + 2];
                    }
                    return;
                }
                for (int p = 0; p < width * bands; p += bands) {
                    dst[o++] = (byte) to8Bits(s[p], 0);
                    dst[o++] = (byte) to8Bits(s[p + 1], 1);
                    dst[o++] = (byte) to8Bits(s[p + 2], 2);
                }
            }
            default -> {
                for (int p = 0; p < width * bands; p += bands) {
                    int k = to8Bits(s[p + 3], 3);
                    dst[o++] = (byte) ColorMath.cmykToRgb(to8Bits(s[p], 0), k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(to8Bits(s[p + 1], 1), k);
                    dst[o++] = (byte) ColorMath.cmykToRgb(to8Bits(s[p + 2], 2), k);
                }
            }
        }
    }

    private int to8Bits(int sample, int band) {
        int max = maxValues[band];
        if (max != 0) {
            return (sample * 255 + max / 2) / max;
        }
        return (sample >>> shifts[band]) & 0xFF;
    }
}
