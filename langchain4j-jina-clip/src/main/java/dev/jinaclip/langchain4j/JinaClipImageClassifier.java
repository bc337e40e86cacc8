package dev.jinaclip.langchain4j;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.core.classification.ZeroShotClassifier;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.langchain4j.internal.ContentMapper;
import dev.jinaclip.langchain4j.internal.ExceptionMapper;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.message.ImageContent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Zero-shot classification of LangChain4j {@link Image}s with a jina-clip model: the {@link ZeroShotClassifier}
 * of {@code jina-clip-core} over the model's engine, with LangChain4j's image type and exceptions. Its settings
 * (labels, prompt template, logit scale, batch size) are the core classifier's.
 *
 * <pre>{@code
 * var classifier = JinaClipImageClassifier.builder(model).labels("cat", "dog", "bicycle").build();
 * String label = classifier.classify(Image.builder().url("https://example.com/photo.jpg").build()).best().label();
 * }</pre>
 *
 * <p>Failures are the exceptions {@link JinaClipEmbeddingModel} throws: {@code RetriableException} or
 * {@code NonRetriableException} families, by {@link JinaClipException#isRetryable()}, and an
 * {@link IllegalArgumentException} naming the position of an unusable image. It calls the engine, not the model,
 * so the model's listeners do not see the classifier's calls. Thread-safe; it does not close the model.
 */
public final class JinaClipImageClassifier {

    private final ZeroShotClassifier classifier;

    private JinaClipImageClassifier(ZeroShotClassifier classifier) {
        this.classifier = classifier;
    }

    /** A builder of a classifier over {@code model}'s engine: hosted, local, or any engine the model wraps. */
    public static Builder builder(JinaClipEmbeddingModel model) {
        return new Builder(Objects.requireNonNull(model, "model").engine());
    }

    /** A builder of a classifier over {@code engine}, for an engine built elsewhere (a Spring bean, say). */
    public static Builder builder(ClipEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Classifies one image.
     *
     * @throws IllegalArgumentException if the image is {@code null} or unusable ({@code Input 0: ...})
     */
    public Classification classify(Image image) {
        return classifyAll(Collections.singletonList(image)).get(0);
    }

    /**
     * Classifies images, {@link ZeroShotClassifier#batchSize()} per engine call.
     *
     * @return one classification per image, in the order given
     * @throws IllegalArgumentException naming the position of a {@code null} or unusable image
     */
    public List<Classification> classifyAll(List<Image> images) {
        Objects.requireNonNull(images, "images");
        List<ClipInput> inputs = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == null) {
                throw InputErrors.invalid(i, "image is null");
            }
            inputs.add(ContentMapper.toClipInput(i, ImageContent.from(images.get(i))));
        }
        try {
            return classifier.classifyAll(inputs);
        } catch (JinaClipException e) {
            throw ExceptionMapper.map(e);
        }
    }

    /** The framework-neutral classifier this one maps onto: its labels, prompts and settings. */
    public ZeroShotClassifier classifier() {
        return classifier;
    }

    @Override
    public String toString() {
        return "JinaClipImageClassifier{" + classifier + "}";
    }

    /** Collects the classifier's settings, each documented on its setter in {@link ZeroShotClassifier.Settings}. */
    public static final class Builder extends ZeroShotClassifier.Settings<Builder> {
        private final ClipEngine engine;

        private Builder(ClipEngine engine) {
            this.engine = engine;
        }

        /**
         * The classifier; it embeds the prompts on first use.
         *
         * @throws IllegalArgumentException naming the setting (or the label) that is wrong
         */
        public JinaClipImageClassifier build() {
            return new JinaClipImageClassifier(toClassifier(engine));
        }
    }
}
