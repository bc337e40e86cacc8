package dev.jinaclip.benchmarks;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Texts through tokenizer and the full-size text tower: one call of {@code count} texts of {@code words} words. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class TextEmbeddingBenchmark {

    /** "count x words": a query-like batch, a passage batch, and a ragged mix. */
    @Param({"32x10", "8x300", "16x10-300"})
    public String shape;

    private JinaClipOnnxEngine engine;
    private List<ClipInput> texts;

    @Setup(Level.Trial)
    public void load() throws IOException {
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(BenchModels.modelFolder())
                .intraOpThreads(Runtime.getRuntime().availableProcessors()).build());
        String[] parts = shape.split("x");
        int count = Integer.parseInt(parts[0]);
        texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int words = parts[1].contains("-")
                    ? (i % 2 == 0 ? 10 : 300)
                    : Integer.parseInt(parts[1]);
            texts.add(ClipInput.text(BenchModels.text(words, i)));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public ClipEmbeddings embed() {
        return engine.embed(texts);
    }
}
