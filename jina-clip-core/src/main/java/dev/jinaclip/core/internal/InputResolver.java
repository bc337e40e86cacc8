package dev.jinaclip.core.internal;

import dev.jinaclip.core.ClipInput;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks every input before any work starts (nothing is billed or computed for a call that would fail on a bad
 * input), with an error that names the input's position. Shared by every backend.
 */
public final class InputResolver {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final long maxImageBytes;

    /** @param maxImageBytes the largest encoded image accepted */
    public InputResolver(long maxImageBytes) {
        this.maxImageBytes = maxImageBytes;
    }

    /**
     * @throws IllegalArgumentException naming the position of the first bad input
     */
    public List<ResolvedInput> resolve(List<ClipInput> inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs must not be null");
        }
        List<ResolvedInput> resolved = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            resolved.add(resolve(i, inputs.get(i)));
        }
        return resolved;
    }

    private ResolvedInput resolve(int position, ClipInput input) {
        if (input == null) {
            throw bad(position, "is null");
        }
        if (input instanceof ClipInput.Text text) {
            if (text.text().isBlank()) {
                throw bad(position, "text is blank");
            }
            return new ResolvedInput.Text(position, text.text());
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
        return new ResolvedInput.BytesImage(position, bytes);
    }

    private ResolvedInput imageUrl(int position, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (url.getHost() == null) {
                    throw bad(position, "image URL has no host: " + ImageUrls.redacted(url.toString()));
                }
                return new ResolvedInput.RemoteImage(position, url.toString());
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

    private ResolvedInput imageFile(int position, Path path) {
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
            throw InputErrors.invalid(position, "cannot read image file " + path, e);
        }
        checkSize(position, size, "image file " + path);
        return new ResolvedInput.FileImage(position, path, size);
    }

    /**
     * The base64 of an image given as raw base64 or as a {@code data:<mime>;base64,} URI, without whitespace
     * (line-wrapped MIME base64 is common; the API wants it unwrapped); empty for a {@code data:} URI that is not
     * base64-encoded. Whether the rest is valid base64 is not checked.
     */
    public static Optional<String> base64Payload(String value) {
        String base64 = value;
        if (base64.regionMatches(true, 0, "data:", 0, 5)) {
            int comma = base64.indexOf(',');
            if (comma < 0 || !base64.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                return Optional.empty();
            }
            base64 = base64.substring(comma + 1);
        }
        return Optional.of(WHITESPACE.matcher(base64).replaceAll(""));
    }

    private ResolvedInput imageBase64(int position, String value) {
        String base64 = base64Payload(value).orElseThrow(() -> bad(position,
                "image data: URI is not base64-encoded (expected data:<mime>;base64,<data>)"));
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw bad(position, "image is neither an http(s) URL nor valid base64 (" + e.getMessage() + ")");
        }
        checkSize(position, decoded.length, "image");
        return new ResolvedInput.Base64Image(position, base64, decoded.length);
    }

    private void checkSize(int position, long bytes, String what) {
        if (bytes == 0) {
            throw bad(position, what + " is empty (0 bytes)");
        }
        if (bytes > maxImageBytes) {
            throw bad(position, what + " is " + bytes + " bytes; images up to " + maxImageBytes
                    + " bytes are accepted: downscale or recompress it");
        }
    }

    private static IllegalArgumentException bad(int position, String problem) {
        return InputErrors.invalid(position, problem);
    }
}
