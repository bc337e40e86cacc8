package dev.jinaclip.langchain4j;

import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * jina-clip-v1 text and image embeddings computed in-process with ONNX Runtime: no network at embedding time
 * (except for images given by {@code http(s)} URL), 768-dimensional, L2-normalised vectors computed with the
 * reference tokenizer and image preprocessing. Needs the {@code dev.jinaclip:jina-clip-onnx} artifact.
 *
 * <p>A drop-in replacement for {@link JinaClipApiEmbeddingModel}: both are {@link JinaClipEmbeddingModel}s, take
 * the same inputs (texts; images by URL, file or base64) and return vectors in input order. The model files come
 * from a local folder ({@link JinaClipOnnxConfig.Settings#modelDirectory(Path)}) or are downloaded once from the
 * Hugging Face Hub into the cache Python shares. Loading happens in {@link Builder#build()}. Thread-safe; share
 * one instance, and {@link #close()} it to free the native sessions.
 *
 * <pre>{@code
 * try (var model = JinaClipOnnxEmbeddingModel.builder().build()) { // downloads jinaai/jina-clip-v1 once
 *     Embedding text = model.embed("a red bicycle").content();
 *     Embedding image = model.embed(Image.builder().url(Path.of("bike.jpg").toUri()).build()).content();
 * }
 * }</pre>
 */
public class JinaClipOnnxEmbeddingModel extends JinaClipEmbeddingModel {

    /** A model over an engine loaded from {@code config}: loads the model, downloading it first if needed. */
    public JinaClipOnnxEmbeddingModel(JinaClipOnnxConfig config, List<EmbeddingModelListener> listeners) {
        super(JinaClipOnnxEngine.load(config), listeners);
    }

    /**
     * A builder: the settings of {@link JinaClipOnnxConfig.Settings} and listeners; with no settings it downloads
     * {@code jinaai/jina-clip-v1} (fp32) on first use.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the engine's settings, each documented on its setter, and listeners. */
    public static class Builder extends JinaClipOnnxConfig.Settings<Builder> {
        private final List<EmbeddingModelListener> listeners = new ArrayList<>();

        protected Builder() {
        }

        /** Listeners notified of each request, response and error; replaces those set before. */
        public Builder listeners(List<EmbeddingModelListener> listeners) {
            this.listeners.clear();
            if (listeners != null) {
                this.listeners.addAll(listeners);
            }
            return this;
        }

        /**
         * Loads the model, downloading it first if needed.
         *
         * @throws IllegalArgumentException                 if a file is missing or does not have the jina-clip
         *                                                  signature, or a setting is invalid
         * @throws dev.jinaclip.hub.ModelDownloadException if the files are not cached and cannot be downloaded
         * @throws IllegalStateException                    if the execution provider is not available
         */
        public JinaClipOnnxEmbeddingModel build() {
            return new JinaClipOnnxEmbeddingModel(toConfig(), listeners);
        }
    }
}
