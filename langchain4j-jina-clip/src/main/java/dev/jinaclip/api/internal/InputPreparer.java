package dev.jinaclip.api.internal;

import dev.jinaclip.core.ClipInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Checks every input before anything is sent, so a bad input fails the call before any request is billed,
 * with an error that names its position.
 */
public final class InputPreparer {

    private final long maxImageBytes;

    public InputPreparer(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * @throws IllegalArgumentException naming the position of the first bad input
     */
    public List<PreparedInput> prepare(List<ClipInput> inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs must not be null");
        }
        List<PreparedInput> prepared = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            prepared.add(prepare(i, inputs.get(i)));
        }
        return prepared;
    }

    private PreparedInput prepare(int position, ClipInput input) {
        if (input == null) {
            throw bad(position, "is null");
        }
        if (input instanceof ClipInput.Text text) {
            if (text.text().isBlank()) {
                throw bad(position, "text is blank");
            }
            return PreparedInput.text(position, text.text());
        }
        if (input instanceof ClipInput.ImageUrl url) {
            return imageUrl(position, url.url());
        }
        if (input instanceof ClipInput.ImageFile file) {
            return imageFile(position, file.path());
        }
        if (input instanceof ClipInput.ImageBase64 base64) {
            return imageBase64(position, base64.base64());
        }
        byte[] bytes = ((ClipInput.ImageBytes) input).bytes();
        checkSize(position, bytes.length, "image");
        return PreparedInput.imageBytes(position, bytes);
    }

    private PreparedInput imageUrl(int position, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (url.getHost() == null) {
                    throw bad(position, "image URL has no host: " + url);
                }
                return PreparedInput.imageUrl(position, url.toString());
            }
            case "file" -> {
                Path path;
                try {
                    path = Path.of(url);
                } catch (IllegalArgumentException e) {
                    throw bad(position, "image URL is not a valid file: URI: " + url);
                }
                return imageFile(position, path);
            }
            case "data" -> {
                return imageBase64(position, url.toString());
            }
            default -> throw bad(position, "image URL '" + (scheme.isEmpty() ? url : scheme + ":...")
                    + "' is neither http(s), file: nor data:; pass an http(s) URL, a file or base64 data");
        }
    }

    private PreparedInput imageFile(int position, Path path) {
        if (!Files.isRegularFile(path)) {
            throw bad(position, "image file does not exist or is not a regular file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw bad(position, "image file is not readable: " + path);
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("Input " + position + ": cannot read image file " + path, e);
        }
        checkSize(position, size, "image file " + path);
        return PreparedInput.imageFile(position, path, size);
    }

    private PreparedInput imageBase64(int position, String value) {
        String base64 = value;
        if (base64.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = base64.indexOf(',');
            if (comma < 0 || !base64.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                throw bad(position, "image data: URI is not base64-encoded (expected data:<mime>;base64,<data>)");
            }
            base64 = base64.substring(comma + 1);
        }
        // line-wrapped (MIME) base64 is common; the API wants it unwrapped
        base64 = base64.replaceAll("\\s+", "");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw bad(position, "image is neither an http(s) URL nor valid base64 (" + e.getMessage() + ")");
        }
        checkSize(position, decoded.length, "image");
        return PreparedInput.imageBase64(position, base64, decoded.length);
    }

    private void checkSize(int position, long bytes, String what) {
        if (bytes == 0) {
            throw bad(position, what + " is empty (0 bytes)");
        }
        if (bytes > maxImageBytes) {
            throw bad(position, what + " is " + bytes + " bytes; the API accepts images up to " + maxImageBytes
                    + " bytes (8 MB): downscale or recompress it");
        }
    }

    private static IllegalArgumentException bad(int position, String problem) {
        return new IllegalArgumentException("Input " + position + ": " + problem);
    }
}
