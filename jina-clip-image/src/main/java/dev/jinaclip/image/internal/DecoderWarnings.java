package dev.jinaclip.image.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Collects an {@link ImageReader}'s warnings and tells which of them mean the pixels cannot be trusted.
 *
 * <p>Readers report some damage only as a warning and return an image anyway: a truncated JPEG comes back with
 * its missing part painted grey, with warnings such as "Truncated File - Missing EOI marker" (TwelveMonkeys) or
 * "Premature end of JPEG file" (libjpeg). Warnings about truncation or corrupt data are fatal; libjpeg's
 * "N extraneous bytes before marker", which valid files from some cameras trigger and Pillow accepts, and
 * warnings about metadata (ICC profiles, thumbnails) are not.
 */
final class DecoderWarnings implements IIOReadWarningListener {

    private static final List<String> FATAL = List.of(
            "truncat", "premature", "missing eoi", "end of file", "end of stream", "eof", "corrupt",
            "bad huffman", "data segment");

    private final List<String> warnings = new ArrayList<>();

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        warnings.add(warning == null ? "" : warning);
    }

    /** The first warning that means the decoded pixels are incomplete or damaged, if any. */
    Optional<String> firstFatal() {
        return warnings.stream().filter(DecoderWarnings::isFatal).findFirst();
    }

    static boolean isFatal(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        if (w.contains("extraneous bytes")) {
            return false;
        }
        return FATAL.stream().anyMatch(w::contains);
    }
}
