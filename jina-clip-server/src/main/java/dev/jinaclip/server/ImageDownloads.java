package dev.jinaclip.server;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.internal.RemoteImages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads the images a request gives by URL while it is read, before it is queued, with the engine's downloader
 * settings (hosts, address rules, size, time limits): so that a slow image host holds no place in the queue, and
 * a downloaded image is measured (pixels, tiles billed in {@code usage}) like one sent as base64.
 */
final class ImageDownloads implements AutoCloseable {

    private final RemoteImages downloader;
    private final ImageLimits limits;

    ImageDownloads(JinaClipOnnxConfig config, ImageLimits limits) {
        this.downloader = new RemoteImages(config);
        this.limits = limits;
    }

    /**
     * {@code inputs} with each image URL replaced by the image's bytes, all downloaded at once.
     *
     * @throws dev.jinaclip.onnx.RemoteImageException for the first URL in input order that failed (the others are
     *                                               cancelled)
     * @throws ApiProblem a 413 for a downloaded image over the pixel limit; 503 if interrupted (stopping)
     */
    List<ClipInput> resolve(List<ClipInput> inputs) {
        List<CompletableFuture<byte[]>> downloads = new ArrayList<>(inputs.size());
        for (int position = 0; position < inputs.size(); position++) {
            downloads.add(inputs.get(position) instanceof ClipInput.ImageUrl image
                    ? downloader.fetch(image.url().toString(), position) : null);
        }
        try {
            List<ClipInput> resolved = new ArrayList<>(inputs.size());
            for (int position = 0; position < inputs.size(); position++) {
                CompletableFuture<byte[]> download = downloads.get(position);
                resolved.add(download == null ? inputs.get(position)
                        : limits.checked(Answers.await(download), position));
            }
            return resolved;
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
