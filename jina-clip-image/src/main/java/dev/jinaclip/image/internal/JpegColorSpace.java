package dev.jinaclip.image.internal;

import dev.jinaclip.image.ImageDecodingException;

/**
 * The colour space of a JPEG's stored components, decided as libjpeg's {@code default_decompress_parms} does
 * ({@code jdapimin.c}), which is what Pillow's decoder sees.
 */
enum JpegColorSpace {
    GRAY, YCBCR, RGB, CMYK, YCCK;

    /** Marker bytes. */
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP14 = 0xEE;

    /**
     * Reads the markers before the first scan of {@code jpeg} and applies libjpeg's rules: 1 component is grey;
     * 3 are YCbCr with a JFIF marker, RGB with an Adobe marker of transform 0 or component ids 'R','G','B',
     * otherwise YCbCr; 4 are CMYK without an Adobe marker or with transform 0, otherwise YCCK.
     *
     * @param jpeg                the encoded image
     * @param decodedComponents   the number of components the decoder returned, used if no frame header is found
     */
    static JpegColorSpace of(byte[] jpeg, int decodedComponents) {
        boolean jfif = false;
        int adobeTransform = -1;
        int[] componentIds = null;
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF || marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            int data = pos + 4;
            int dataLength = Math.min(length - 2, jpeg.length - data);
            if (marker == APP0 && dataLength >= 14 && startsWith(jpeg, data, "JFIF\0")) {
                jfif = true;
            } else if (marker == APP14 && dataLength >= 12 && startsWith(jpeg, data, "Adobe")) {
                adobeTransform = jpeg[data + 11] & 0xFF;
            } else if (isStartOfFrame(marker) && dataLength >= 6 && componentIds == null) {
                int n = jpeg[data + 5] & 0xFF;
                componentIds = new int[n];
                for (int i = 0; i < n && data + 6 + 3 * i < jpeg.length; i++) {
                    componentIds[i] = jpeg[data + 6 + 3 * i] & 0xFF;
                }
            }
            pos += 2 + length;
        }
        int components = componentIds == null ? decodedComponents : componentIds.length;
        switch (components) {
            case 1:
                return GRAY;
            case 3:
                if (jfif) {
                    return YCBCR;
                }
                if (adobeTransform >= 0) {
                    return adobeTransform == 0 ? RGB : YCBCR;
                }
                return componentIds != null && componentIds[0] == 'R' && componentIds[1] == 'G'
                        && componentIds[2] == 'B' ? RGB : YCBCR;
            case 4:
                return adobeTransform <= 0 ? CMYK : YCCK;
            default:
                throw new ImageDecodingException("a JPEG with " + components + " colour components is not supported");
        }
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static boolean startsWith(byte[] data, int offset, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (data[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
