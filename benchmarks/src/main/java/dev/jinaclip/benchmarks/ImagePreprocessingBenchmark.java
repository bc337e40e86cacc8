package dev.jinaclip.benchmarks;

import dev.jinaclip.image.ClipImagePreprocessor;
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
import org.openjdk.jmh.annotations.Warmup;

/** One JPEG from bytes to the 3×224×224 {@code pixel_values} (decode, RGB, Pillow bicubic, crop, normalise). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ImagePreprocessingBenchmark {

    @Param({"640x480", "1920x1080", "4000x3000"})
    public String size;

    private final ClipImagePreprocessor preprocessor = ClipImagePreprocessor.create();
    private final float[] pixels = new float[3 * 224 * 224];
    private byte[] jpeg;

    @Setup(Level.Trial)
    public void image() {
        String[] wh = size.split("x");
        jpeg = BenchModels.photoJpeg(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 1);
    }

    @Benchmark
    public float[] pixelValues() {
        preprocessor.writePixelValues(jpeg, pixels, 0);
        return pixels;
    }
}
