package dev.jinaclip.core.classification;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.JinaClipException;
import dev.jinaclip.core.internal.InputErrors;
import dev.jinaclip.core.internal.SettingChecks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Zero-shot image classification over any {@link ClipEngine}: each label becomes a text prompt ("a photo of a
 * {@code <label>}"), and an image's probability for a label is the softmax, over all labels, of the cosine
 * similarity between the image's and the prompt's embeddings times the logit scale.
 *
 * <p>The prompts are embedded once, on first use, as {@link ClipInputType#QUERY QUERY}: a prompt is a short text
 * compared with image embeddings, which is text-to-image retrieval, where a text is the query (jina-clip-v2 embeds
 * it with its {@code retrieval.query} task; v1 embeds queries and documents alike). Images are embedded as
 * documents, in batches of {@link #batchSize()}: one engine call per batch. Immutable and thread-safe; it does not
 * close the engine.
 *
 * <pre>{@code
 * ZeroShotClassifier classifier = ZeroShotClassifier.builder(engine).labels("cat", "dog", "bicycle").build();
 * String label = classifier.classify(ClipInput.imageFile(Path.of("photo.jpg"))).best().label();
 * }</pre>
 */
public final class ZeroShotClassifier {

    /** The placeholder that the prompt template's label takes the place of. */
    public static final String LABEL_PLACEHOLDER = "{}";
    /** The default prompt template, CLIP's own. */
    public static final String DEFAULT_PROMPT_TEMPLATE = "a photo of a " + LABEL_PLACEHOLDER;
    /**
     * The default logit scale: OpenAI CLIP's, whose training clamps its learned scale at 100. The probabilities
     * are {@code softmax(logitScale × cosine)}; a larger scale makes them sharper. It is the inverse of a softmax
     * temperature.
     */
    public static final double DEFAULT_LOGIT_SCALE = 100;
    /**
     * The default number of images per engine call: enough for the engines' own batching and concurrency to
     * work at full width, few enough that a failed call loses little work.
     */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final ClipEngine engine;
    private final List<String> labels;
    private final String promptTemplate;
    private final List<String> prompts;
    private final double logitScale;
    private final int batchSize;
    private volatile double[][] labelVectors;

    private ZeroShotClassifier(ClipEngine engine, Settings<?> settings) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.labels = checkedLabels(settings.labels);
        this.promptTemplate = checkedTemplate(settings.promptTemplate);
        this.prompts = labels.stream().map(label -> promptTemplate.replace(LABEL_PLACEHOLDER, label)).toList();
        double scale = settings.logitScale == null ? DEFAULT_LOGIT_SCALE : settings.logitScale;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("logitScale must be a positive finite number, was " + scale);
        }
        this.logitScale = scale;
        this.batchSize = SettingChecks.atLeast(settings.batchSize, DEFAULT_BATCH_SIZE, 1, "batchSize");
    }

    /** A builder of a classifier over {@code engine}: the hosted API client or the in-process ONNX engine. */
    public static Builder builder(ClipEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Classifies one image.
     *
     * @throws IllegalArgumentException if the input is not a usable image ({@code Input 0: ...})
     * @throws JinaClipException        for a failure of the backend
     */
    public Classification classify(ClipInput image) {
        return classifyAll(List.of(requireImage(image, 0))).get(0);
    }

    /**
     * Classifies images, {@link #batchSize()} per engine call.
     *
     * <p>Errors name positions in {@code images}. Where the images take more than one batch, a backend failure is
     * a {@link JinaClipException} of the backend's kind and retryability, naming the positions of the failed batch
     * in {@code images}, with the backend's own exception as its cause (find it with
     * {@link JinaClipException#find}).
     *
     * @return one classification per image, in the order given
     * @throws IllegalArgumentException naming the position of an input that is {@code null}, a text, or not a
     *                                  usable image
     * @throws JinaClipException        for a failure of the backend; nothing is returned for the batches before it
     */
    public List<Classification> classifyAll(List<ClipInput> images) {
        Objects.requireNonNull(images, "images");
        for (int i = 0; i < images.size(); i++) {
            requireImage(images.get(i), i);
        }
        if (images.isEmpty()) {
            return List.of();
        }
        double[][] labelVectors = labelVectors();
        boolean split = images.size() > batchSize;
        List<Classification> results = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += batchSize) {
            List<ClipInput> batch = images.subList(from, Math.min(images.size(), from + batchSize));
            for (float[] image : embedImages(batch, from, split).vectors()) {
                results.add(Scores.classify(Scores.unit(image), labels, labelVectors, logitScale));
            }
        }
        return results;
    }

    /** The labels, in the order given. */
    public List<String> labels() {
        return labels;
    }

    /** The prompt template, with {@value #LABEL_PLACEHOLDER} where a label goes. */
    public String promptTemplate() {
        return promptTemplate;
    }

    /** The texts embedded for the labels: the template with each label, in the labels' order. */
    public List<String> prompts() {
        return prompts;
    }

    /** The factor applied to the cosine similarities before the softmax. */
    public double logitScale() {
        return logitScale;
    }

    /** The most images in one engine call. */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String toString() {
        return "ZeroShotClassifier{labels=" + labels + ", promptTemplate='" + promptTemplate + "', logitScale="
                + logitScale + ", batchSize=" + batchSize + ", engine=" + engine + "}";
    }

    /** The prompts' unit vectors, embedded on first use; a failed attempt is made again on the next call. */
    private double[][] labelVectors() {
        double[][] vectors = labelVectors;
        if (vectors == null) {
            synchronized (this) {
                vectors = labelVectors;
                if (vectors == null) {
                    List<ClipInput> inputs = prompts.stream().map(ClipInput::text).toList();
                    List<float[]> embedded;
                    try {
                        embedded = engine.embed(inputs, ClipInputType.QUERY).vectors();
                    } catch (IllegalArgumentException e) {
                        // its "Input <n>" is a prompt, not an image of the caller's list
                        throw new IllegalArgumentException("The backend refused the label prompts (input n is the"
                                + " prompt of labels[n]): " + e.getMessage(), e);
                    }
                    vectors = new double[embedded.size()][];
                    for (int l = 0; l < vectors.length; l++) {
                        vectors[l] = Scores.unit(embedded.get(l));
                    }
                    labelVectors = vectors;
                }
            }
        }
        return vectors;
    }

    /** One engine call; its errors' positions counted from {@code offset}, where they are positions in a batch. */
    private ClipEmbeddings embedImages(List<ClipInput> batch, int offset, boolean split) {
        try {
            return engine.embed(batch, ClipInputType.DOCUMENT);
        } catch (IllegalArgumentException e) {
            if (offset == 0) {
                throw e;
            }
            throw new IllegalArgumentException(InputErrors.renumbered(e.getMessage(), offset), e);
        } catch (JinaClipException e) {
            if (!split) {
                throw e;
            }
            String message = InputErrors.namesPosition(e.getMessage()) ? InputErrors.renumbered(e.getMessage(), offset)
                    : "Images " + offset + ".." + (offset + batch.size() - 1) + ": " + e.getMessage();
            throw new JinaClipException(e.kind(), e.isRetryable(), message, e);
        }
    }

    private static ClipInput requireImage(ClipInput input, int position) {
        if (input == null) {
            throw InputErrors.invalid(position, "is null");
        }
        if (!input.isImage()) {
            throw InputErrors.invalid(position, "is a text; a classifier takes images");
        }
        return input;
    }

    private static List<String> checkedLabels(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("labels must not be empty: give the classes to choose from");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                throw new IllegalArgumentException("labels[" + i + "] is null");
            }
            if (label.isBlank()) {
                throw new IllegalArgumentException("labels[" + i + "] is blank");
            }
            Integer first = seen.putIfAbsent(label, i);
            if (first != null) {
                throw new IllegalArgumentException("labels[" + i + "] '" + label + "' repeats labels[" + first + "]");
            }
        }
        return List.copyOf(labels);
    }

    private static String checkedTemplate(String template) {
        if (template == null) {
            return DEFAULT_PROMPT_TEMPLATE;
        }
        int first = template.indexOf(LABEL_PLACEHOLDER);
        if (first < 0 || template.indexOf(LABEL_PLACEHOLDER, first + 1) >= 0) {
            throw new IllegalArgumentException("promptTemplate must contain " + LABEL_PLACEHOLDER
                    + " exactly once, where the label goes, was '" + template + "'");
        }
        return template;
    }

    /**
     * The classifier's settings, each declared once: {@link Builder} makes a classifier of them, and the LangChain4j
     * and Spring AI classifiers' builders extend this class. Unset values take the defaults that each setter
     * documents; nothing is validated before the classifier is made.
     *
     * @param <B> the type that the setters return
     */
    public abstract static class Settings<B extends Settings<B>> {
        private List<String> labels;
        private String promptTemplate;
        private Double logitScale;
        private Integer batchSize;

        /** Settings at their defaults. */
        protected Settings() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** The labels to choose from, distinct and not blank; required. */
        public B labels(List<String> labels) {
            this.labels = labels == null ? null : new ArrayList<>(labels);
            return self();
        }

        /** The labels to choose from, distinct and not blank; required. */
        public B labels(String... labels) {
            return labels(labels == null ? null : Arrays.asList(labels));
        }

        /**
         * The text embedded for each label, with {@value ZeroShotClassifier#LABEL_PLACEHOLDER} (exactly once) where
         * the label goes; default {@code "a photo of a {}"}.
         */
        public B promptTemplate(String promptTemplate) {
            this.promptTemplate = promptTemplate;
            return self();
        }

        /**
         * The factor applied to cosine similarities before the softmax, positive: larger is sharper (the inverse of
         * a temperature); default {@value ZeroShotClassifier#DEFAULT_LOGIT_SCALE}, OpenAI CLIP's.
         */
        public B logitScale(Double logitScale) {
            this.logitScale = logitScale;
            return self();
        }

        /** The most images in one engine call, at least 1; default {@value ZeroShotClassifier#DEFAULT_BATCH_SIZE}. */
        public B batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return self();
        }

        /**
         * A classifier of these settings over {@code engine}; it embeds nothing yet.
         *
         * @throws IllegalArgumentException naming the setting (or the label) that is wrong
         */
        protected final ZeroShotClassifier toClassifier(ClipEngine engine) {
            return new ZeroShotClassifier(engine, this);
        }
    }

    /** Collects a classifier's settings, each documented on its setter. */
    public static final class Builder extends Settings<Builder> {
        private final ClipEngine engine;

        private Builder(ClipEngine engine) {
            this.engine = engine;
        }

        /**
         * The classifier; it embeds the prompts on first use.
         *
         * @throws IllegalArgumentException naming the setting (or the label) that is wrong
         */
        public ZeroShotClassifier build() {
            return toClassifier(engine);
        }
    }
}
