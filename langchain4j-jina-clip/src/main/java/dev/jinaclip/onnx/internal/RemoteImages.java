package dev.jinaclip.onnx.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads images given by {@code http(s)} URL, as the hosted API would, so code written for the hosted backend
 * also runs locally. Bounded in size and time; text and HTML answers are refused. An application that embeds
 * URLs supplied by its users should vet them (or turn fetching off), as it would for any server-side fetch.
 */
public final class RemoteImages {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final long maxBytes;

    public RemoteImages(long maxBytes) {
        this(new OkHttpClient.Builder().callTimeout(TIMEOUT).connectTimeout(Duration.ofSeconds(10)).build(),
                maxBytes);
    }

    RemoteImages(OkHttpClient http, long maxBytes) {
        this.http = http;
        this.maxBytes = maxBytes;
    }

    /**
     * The image's bytes.
     *
     * @throws IllegalArgumentException naming the input and URL if the download fails or is too large
     */
    public byte[] fetch(String url, int position) {
        Request request = new Request.Builder().url(url).header("Accept", "image/*").build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IllegalArgumentException("Input " + position + ": downloading image " + url
                        + " failed with HTTP " + response.code());
            }
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            if (type != null && !type.type().equals("image") && !type.type().equals("application")) {
                throw new IllegalArgumentException("Input " + position + ": " + url + " is not an image (Content-Type "
                        + type + ")");
            }
            if (body.contentLength() > maxBytes) {
                throw tooLarge(position, url);
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw tooLarge(position, url);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Input " + position + ": cannot download image " + url + ": "
                    + e.getMessage(), e);
        }
    }

    private IllegalArgumentException tooLarge(int position, String url) {
        return new IllegalArgumentException("Input " + position + ": image " + url + " is larger than " + maxBytes
                + " bytes");
    }
}
