package dev.jinaclip.benchmarks;

import dev.jinaclip.core.ClipInput;
import java.util.List;

/**
 * A workload of the in-process engine: texts only or images only, embedded in one call.
 *
 * @param maxTextTokens the engine's {@code maxTextTokens} for it
 * @param text          whether it embeds texts (else images)
 */
record LocalWorkload(String name, String description, int maxTextTokens, boolean text) {

    /**
     * What one call embeds.
     *
     * @param texts  the texts, or empty
     * @param images the encoded images, or empty
     */
    record Inputs(List<String> texts, List<byte[]> images) {

        static Inputs texts(List<String> texts) {
            return new Inputs(List.copyOf(texts), List.of());
        }

        static Inputs images(List<byte[]> images) {
            return new Inputs(List.of(), List.copyOf(images));
        }

        int size() {
            return texts.size() + images.size();
        }

        /** The inputs of the engine call. */
        List<ClipInput> clipInputs() {
            return texts.isEmpty() ? images.stream().map(ClipInput::imageBytes).toList()
                    : texts.stream().map(ClipInput::text).toList();
        }
    }
}
