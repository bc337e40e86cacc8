package dev.jinaclip.benchmarks;

import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.internal.ClipTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The models the benchmarks run: the full-size random-weight stand-ins, or the tiny ones for smoke runs. */
final class BenchModels {

    /** Names the folder of the stand-in models. */
    static final String MODELS_ENV = "JINA_CLIP_BENCH_MODELS";
    static final Path DEFAULT_MODELS = Path.of("/tmp/bench-models");
    // far above the text tower's window, so that a count is never cut
    private static final int COUNTING_LIMIT = 1 << 16;

    private BenchModels() {
    }

    /** The folder made by {@code shared/bench-models/make_bench_models.py}: {@code $JINA_CLIP_BENCH_MODELS}. */
    static Path modelsDirectory() {
        String dir = System.getenv(MODELS_ENV);
        return dir == null || dir.isBlank() ? DEFAULT_MODELS : Path.of(dir);
    }

    /**
     * A model folder laid out like the Hugging Face repo, linking to the bench models and to the BERT-uncased
     * tokenizer of the test fixtures; deleted when the JVM exits.
     */
    static Path modelFolder() throws IOException {
        Path models = modelsDirectory();
        for (String file : new String[] {"text_model.onnx", "vision_model.onnx"}) {
            if (!Files.isRegularFile(models.resolve(file))) {
                throw new IllegalStateException(models.resolve(file) + " is missing: run /usr/bin/python3 "
                        + "shared/bench-models/make_bench_models.py --out " + models + " (see benchmarks/README.md)");
            }
        }
        Path folder = Files.createTempDirectory("jina-clip-bench");
        Path onnx = Files.createDirectories(folder.resolve("onnx"));
        Path text = Files.createSymbolicLink(onnx.resolve("text_model.onnx"), models.resolve("text_model.onnx"));
        Path vision = Files.createSymbolicLink(onnx.resolve("vision_model.onnx"),
                models.resolve("vision_model.onnx"));
        Path tokenizer = Files.copy(
                repoRoot().resolve("jina-clip-testing/src/main/resources/models/tiny/tokenizer.json"),
                folder.resolve("tokenizer.json"));
        // deleteOnExit runs in reverse order: files first, then their folders
        for (Path path : new Path[] {folder, onnx, text, vision, tokenizer}) {
            path.toFile().deleteOnExit();
        }
        return folder;
    }

    /**
     * The engine's settings for a workload: these models, its {@code maxTextTokens}, the given threads, and a
     * text longer than {@code maxTextTokens} an error, so that no workload is truncated unseen.
     */
    static JinaClipOnnxConfig engineConfig(int maxTextTokens, BenchOptions options) throws IOException {
        return JinaClipOnnxConfig.builder().modelDirectory(modelFolder()).maxTextTokens(maxTextTokens)
                .failOnTruncation(true).intraOpThreads(options.intraOpThreads())
                .maxInferenceMemory(options.maxInferenceMemory()).build();
    }

    /** A tokenizer that counts a text's tokens without truncating it. */
    static ClipTokenizer tokenCounter(Path tokenizerJson) {
        return new ClipTokenizer(tokenizerJson, COUNTING_LIMIT, true);
    }

    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("langchain4j-jina-clip"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the benchmarks from inside the jina-clip-java checkout");
    }
}
