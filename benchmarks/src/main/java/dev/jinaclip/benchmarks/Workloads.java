package dev.jinaclip.benchmarks;

import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/** The workloads of the suite and their inputs (issue 9, "Benchmark suite"). */
final class Workloads {

    static final String SHORT_TEXTS = "short-texts";
    static final String LONG_TEXTS = "long-texts";
    static final String MIXED_TEXTS = "mixed-texts";
    static final String IMAGES = "images";
    static final String LARGE_IMAGES = "large-images";
    static final String TEXT_8192 = "text-8192";
    static final String TEXT_4096 = "text-4096";
    static final String HOSTED = "hosted";
    static final String CONCURRENT = "concurrent";
    static final String TEXTS_THEN_IMAGES = "texts-then-images";
    static final String SERVER_TEXTS = "server-texts";
    static final String SERVER_IMAGES = "server-images";
    static final String SERVER_BURST = "server-burst";

    /** Measured three ways: raw ONNX Runtime, preprocessing alone, end to end. */
    static final List<String> LOCAL = List.of(SHORT_TEXTS, LONG_TEXTS, MIXED_TEXTS, IMAGES, LARGE_IMAGES,
            TEXT_8192, TEXT_4096);
    /** Every workload, in the order {@code run.sh all} runs them. */
    static final List<String> ALL = List.of(SHORT_TEXTS, LONG_TEXTS, MIXED_TEXTS, IMAGES, LARGE_IMAGES,
            TEXT_8192, TEXT_4096, TEXTS_THEN_IMAGES, CONCURRENT, HOSTED, SERVER_TEXTS, SERVER_IMAGES, SERVER_BURST);

    static final int SHORT_COUNT = 64;
    static final int SHORT_WORDS = 12;
    static final int LONG_COUNT = 8;
    static final int LONG_TOKENS = 2000;
    static final int LONG_MAX_TEXT_TOKENS = 2048;
    static final int IMAGE_COUNT = 32;
    static final int LARGE_IMAGE_COUNT = 8;
    static final long MIX_SEED = 9;

    /** The concurrent workload: callers sharing one engine, and what each call embeds. */
    static final int CONCURRENT_CALLERS = 4;
    static final int MIX_SHORT_TEXTS = 16;
    static final int MIX_LONG_TEXTS = 2;
    static final int MIX_IMAGES = 4;

    /** The server load workloads: clients, each sending one input a request, back to back. */
    static final int LOAD_CLIENTS = 16;
    /** Distinct short texts the clients send in turn. */
    static final int LOAD_TEXTS = 256;
    /** The burst: simultaneous requests against a server admitting 2 at once and queueing 8. */
    static final int BURST_REQUESTS = 64;
    static final int BURST_MAX_BATCHES = 1;
    static final int BURST_MAX_PENDING = 10;

    private Workloads() {
    }

    /** The local workload of that name. */
    static LocalWorkload local(String name) {
        return switch (name) {
            case SHORT_TEXTS -> new LocalWorkload(name, SHORT_COUNT + " texts of " + SHORT_WORDS + " words",
                    JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS, true);
            case LONG_TEXTS -> new LocalWorkload(name, LONG_COUNT + " texts of about " + LONG_TOKENS + " tokens",
                    LONG_MAX_TEXT_TOKENS, true);
            case MIXED_TEXTS -> new LocalWorkload(name, "workloads " + SHORT_TEXTS + " and " + LONG_TEXTS
                    + " shuffled (seed " + MIX_SEED + ") in one call", LONG_MAX_TEXT_TOKENS, true);
            case IMAGES -> new LocalWorkload(name, IMAGE_COUNT + " JPEGs of 640x480",
                    JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS, false);
            case LARGE_IMAGES -> new LocalWorkload(name, LARGE_IMAGE_COUNT + " JPEGs of 4032x3024",
                    JinaClipOnnxConfig.DEFAULT_MAX_TEXT_TOKENS, false);
            case TEXT_8192, TEXT_4096 -> new LocalWorkload(name, "one text of exactly " + exactTokens(name)
                    + " tokens", JinaClipOnnxConfig.MAX_TEXT_TOKENS, true);
            default -> throw new IllegalArgumentException("Not a local workload: " + name + " (local: " + LOCAL
                    + ")");
        };
    }

    /**
     * The inputs of a local workload, in the order of the engine call.
     *
     * @param tokenCount the tokenizer's untruncated count for a text, to make texts of exact lengths
     */
    static LocalWorkload.Inputs inputs(LocalWorkload workload, ToIntFunction<String> tokenCount) {
        return switch (workload.name()) {
            case SHORT_TEXTS -> LocalWorkload.Inputs.texts(shortTexts(SHORT_COUNT, 1000));
            case LONG_TEXTS -> LocalWorkload.Inputs.texts(longTexts(LONG_COUNT, 2000, tokenCount));
            case MIXED_TEXTS -> {
                List<String> texts = new ArrayList<>(shortTexts(SHORT_COUNT, 1000));
                texts.addAll(longTexts(LONG_COUNT, 2000, tokenCount));
                Collections.shuffle(texts, new Random(MIX_SEED));
                yield LocalWorkload.Inputs.texts(texts);
            }
            case IMAGES -> LocalWorkload.Inputs.images(BenchInputs.photoJpegs(IMAGE_COUNT, 640, 480, 3000));
            case LARGE_IMAGES -> LocalWorkload.Inputs.images(
                    BenchInputs.photoJpegs(LARGE_IMAGE_COUNT, 4032, 3024, 4000));
            case TEXT_8192, TEXT_4096 -> LocalWorkload.Inputs.texts(
                    List.of(BenchInputs.textOfTokens(exactTokens(workload.name()), 5000, tokenCount)));
            default -> throw new IllegalArgumentException("Not a local workload: " + workload.name());
        };
    }

    /** What the first call after the cold load embeds: a short text, or a 640x480 JPEG. */
    static ClipInput firstInput(LocalWorkload workload) {
        return workload.text() ? ClipInput.text(BenchInputs.sentence(SHORT_WORDS, 1))
                : ClipInput.imageBytes(BenchInputs.photoJpeg(640, 480, 1));
    }

    /** {@link #firstInput} in words, for the results. */
    static String firstInputDescription(LocalWorkload workload) {
        return workload.text() ? "a text of " + SHORT_WORDS + " words" : "a 640x480 JPEG";
    }

    /** What caller {@code caller} of the concurrent workload embeds in each call: short and long texts, images. */
    static List<ClipInput> concurrentMix(int caller, ToIntFunction<String> tokenCount) {
        List<ClipInput> inputs = new ArrayList<>();
        long seed = 10_000L * (caller + 1);
        shortTexts(MIX_SHORT_TEXTS, seed).forEach(text -> inputs.add(ClipInput.text(text)));
        longTexts(MIX_LONG_TEXTS, seed + 100, tokenCount).forEach(text -> inputs.add(ClipInput.text(text)));
        BenchInputs.photoJpegs(MIX_IMAGES, 640, 480, seed + 200)
                .forEach(jpeg -> inputs.add(ClipInput.imageBytes(jpeg)));
        Collections.shuffle(inputs, new Random(seed));
        return inputs;
    }

    /** The calls of {@value #TEXTS_THEN_IMAGES}: the inputs of workloads short-texts, then of images. */
    static List<List<ClipInput>> textsThenImages() {
        return List.of(shortTexts(SHORT_COUNT, 1000).stream().map(ClipInput::text).toList(),
                BenchInputs.photoJpegs(IMAGE_COUNT, 640, 480, 3000).stream().map(ClipInput::imageBytes).toList());
    }

    /** The JPEGs the server load clients send in turn: those of workload images. */
    static List<byte[]> loadImages() {
        return BenchInputs.photoJpegs(IMAGE_COUNT, 640, 480, 3000);
    }

    /** {@code count} texts of {@value #SHORT_WORDS} words. */
    static List<String> shortTexts(int count, long seed) {
        return BenchInputs.sentences(count, SHORT_WORDS, seed);
    }

    private static int exactTokens(String name) {
        return name.equals(TEXT_8192) ? 8192 : 4096;
    }

    // about LONG_TOKENS tokens each, a few tokens apart, so that a batch of them is ragged as real passages are
    private static List<String> longTexts(int count, long seed, ToIntFunction<String> tokenCount) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(BenchInputs.textOfTokens(LONG_TOKENS - 3 * i, seed + i, tokenCount));
        }
        return texts;
    }
}
