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

/** JPEG photos end to end (decode, preprocess, full-size vision tower): one call of 8 images. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class ImageEmbeddingBenchmark {

    @Param({"1280x960"})
    public String size;

    @Param({"8"})
    public int maxBatchSize;

    private JinaClipOnnxEngine engine;
    private final List<ClipInput> images = new ArrayList<>();

    @Setup(Level.Trial)
    public void load() throws IOException {
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(BenchModels.modelFolder())
                .maxBatchSize(maxBatchSize).intraOpThreads(Runtime.getRuntime().availableProcessors()).build());
        String[] wh = size.split("x");
        for (int i = 0; i < 8; i++) {
            images.add(ClipInput.imageBytes(
                    BenchModels.photoJpeg(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), i)));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    public ClipEmbeddings embed() {
        return engine.embed(images);
    }
}
