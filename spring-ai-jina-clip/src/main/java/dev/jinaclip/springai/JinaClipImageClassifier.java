package dev.jinaclip.springai;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.classification.Classification;
import dev.jinaclip.core.classification.ZeroShotClassifier;
import dev.jinaclip.core.internal.InputErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.content.Media;
import org.springframework.core.io.Resource;

/**
 * Zero-shot classification of images with jina-clip in Spring: the {@link ZeroShotClassifier} of
 * {@code jina-clip-core} over the {@link ClipEngine} bean, taking Spring AI {@link Media} and Spring
 * {@link Resource}s and throwing Spring AI's exceptions. Its settings (labels, prompt template, logit scale, batch
 * size) are the core classifier's. The labels are the application's, so it declares the bean itself:
 *
 * <pre>{@code
 * @Bean
 * JinaClipImageClassifier animals(ClipEngine engine) {
 *     return JinaClipImageClassifier.builder(engine).labels("cat", "dog", "bird").build();
 * }
 * }</pre>
 *
 * <p>An image is a {@link Media} of MIME type {@code image/*} (bytes, a {@code Resource}, a {@code URL}, or a URL
 * or base64 string), as {@link JinaClipDocumentEmbeddingModel} takes it, or a {@link Resource}. Failures are a
 * {@code TransientAiException} or {@code NonTransientAiException} by {@link JinaClipException#isRetryable()}, and an
 * {@link IllegalArgumentException} naming the position of an unusable image. It calls the engine directly, so its
 * calls are not observed as embedding calls. Thread-safe; it does not close the engine.
 *
 * @since 0.1.0
 */
public final class JinaClipImageClassifier {

    private final ZeroShotClassifier classifier;

    private JinaClipImageClassifier(ZeroShotClassifier classifier) {
        this.classifier = classifier;
    }

    /** A builder of a classifier over {@code engine}: the hosted API client or the in-process ONNX engine. */
    public static Builder builder(ClipEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine must not be null"));
    }

    /**
     * Classifies one image.
     *
     * @throws IllegalArgumentException if the media is not a usable image ({@code Input 0: ...})
     */
    public Classification classify(Media image) {
        return classifyAll(List.of(Objects.requireNonNull(image, "image must not be null"))).get(0);
    }

    /**
     * Classifies one image file or resource.
     *
     * @throws IllegalArgumentException if the resource cannot be read, or is not a usable image
     */
    public Classification classify(Resource image) {
        return classify(input(Objects.requireNonNull(image, "image must not be null"))).get(0);
    }

    /**
     * Classifies images, {@link ZeroShotClassifier#batchSize()} per engine call.
     *
     * @return one classification per image, in the order given
     * @throws IllegalArgumentException naming the position of a {@code null} or unusable image
     */
    public List<Classification> classifyAll(List<Media> images) {
        Objects.requireNonNull(images, "images must not be null");
        List<ClipInput> inputs = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i) == null) {
                throw InputErrors.invalid(i, "image is null");
            }
            inputs.add(ClipDocuments.image(images.get(i), i));
        }
        return classify(inputs);
    }

    /** The framework-neutral classifier this one maps onto: its labels, prompts and settings. */
    public ZeroShotClassifier classifier() {
        return classifier;
    }

    @Override
    public String toString() {
        return "JinaClipImageClassifier{" + classifier + "}";
    }

    private List<Classification> classify(List<ClipInput> inputs) {
        try {
            return classifier.classifyAll(inputs);
        } catch (JinaClipException e) {
            throw AiExceptions.map(e);
        }
    }

    /** A file as itself, so that the engine reads it (and names it in errors); any other resource as its bytes. */
    private static List<ClipInput> input(Resource image) {
        try {
            return List.of(image.isFile() ? ClipInput.imageFile(image.getFile().toPath())
                    : ClipInput.imageBytes(image.getContentAsByteArray()));
        } catch (IOException e) {
            throw InputErrors.invalid(0, "cannot read image " + image.getDescription() + ": " + e.getMessage(), e);
        }
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
