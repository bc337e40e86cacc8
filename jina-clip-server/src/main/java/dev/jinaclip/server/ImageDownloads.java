package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.internal.RemoteImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Downloads the images a request gives by URL while it is read, before it is queued, with the engine's downloader
 * settings (hosts, address rules, size, time limits): so that a slow image host holds no place in the queue, and
 * a downloaded image is measured (pixels, tiles billed in {@code usage}) like one sent as base64.
 *
 * <p>One request's downloads are bounded together too: their bytes by the body-size limit (they stand in for a
 * body that would carry them as base64), their time by twice {@code image-download-timeout}; the first failure
 * ends the request and cancels the rest.
 */
final class ImageDownloads implements AutoCloseable {

    private static final String BODY_SETTING = "jina-clip.server.max-body-size";

    private final RemoteImages downloader;
    private final ImageLimits limits;
    private final long maxBytes;
    private final Duration deadline;

    ImageDownloads(JinaClipOnnxConfig config, ImageLimits limits, long maxBytes) {
        this.downloader = new RemoteImages(config);
        this.limits = limits;
        this.maxBytes = maxBytes;
        this.deadline = config.imageDownloadTimeout().multipliedBy(2);
    }

    /**
     * {@code inputs} with each image URL replaced by the image's bytes, all downloaded at once.
     *
     * @throws dev.jinaclip.onnx.RemoteImageException for the first download to fail (the others are cancelled)
     * @throws ApiProblem 413 for a downloaded image over the pixel limit or downloads over the body-size limit
     *                    together; 504 past the deadline; 503 if interrupted (stopping)
     */
    List<ClipInput> resolve(List<ClipInput> inputs) {
        List<ClipInput> resolved = new ArrayList<>(inputs);
        // by input position, null for the inputs that are not URLs
        List<CompletableFuture<byte[]>> downloads = new ArrayList<>(inputs.size());
        BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        int urls = 0;
        for (int position = 0; position < inputs.size(); position++) {
            CompletableFuture<byte[]> download = null;
            if (inputs.get(position) instanceof ClipInput.ImageUrl image) {
                int at = position;
                download = downloader.fetch(image.url().toString(), position);
                download.whenComplete((bytes, error) -> done.add(at));
                urls++;
            }
            downloads.add(download);
        }
        long end = System.nanoTime() + deadline.toNanos();
        long total = 0;
        try {
            for (int left = urls; left > 0; left--) {
                Integer position = done.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (position == null) {
                    throw ApiProblem.of(504, "REMOTE_IMAGE_TIMEOUT", left + " of the request's " + urls
                            + " image URLs were not downloaded within " + deadline.toSeconds() + " s (twice"
                            + " spring.ai.jina-clip.onnx.image-download-timeout): send fewer URLs a request");
                }
                byte[] bytes = Answers.await(downloads.get(position));
                total += bytes.length;
                if (total > maxBytes) {
                    throw ApiProblem.of(413, "INPUT_IMAGE_TOO_LARGE", InputErrors.message(position, "the images"
                            + " given by URL add up to more than " + maxBytes + " bytes with this one ("
                            + BODY_SETTING + ")"));
                }
                resolved.set(position, limits.checked(bytes, position));
            }
            return resolved;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.stopping();
        } finally {
            downloads.stream().filter(download -> download != null && !download.isDone())
                    .forEach(download -> download.cancel(true));
        }
    }

    @Override
    public void close() {
        downloader.close();
    }
}
