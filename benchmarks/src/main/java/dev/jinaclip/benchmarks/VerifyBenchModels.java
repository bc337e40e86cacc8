package dev.jinaclip.benchmarks;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.onnx.internal.TextTower;
import dev.jinaclip.onnx.internal.VisionTower;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the engine's towers on the full-size stand-in models against the torch outputs that
 * {@code make_bench_models.py} recorded ({@code reference_outputs.json}), and that a padded row of a ragged batch
 * gives the same vector as the row alone. Prints what it compares; exits 1 on a mismatch.
 *
 * <p>Run: {@code benchmarks/run.sh verify-models}
 */
public final class VerifyBenchModels {

    private VerifyBenchModels() {
    }

    public static void main(String[] args) throws Exception {
        Path models = BenchModels.modelsDirectory();
        JsonNode reference = new ObjectMapper().readTree(models.resolve("reference_outputs.json").toFile());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        boolean ok = true;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             TextTower text = new TextTower(env, models.resolve("text_model.onnx"), options, "cpu:0", 768);
             VisionTower vision = new VisionTower(env, models.resolve("vision_model.onnx"), options, "cpu:0", 768,
                     224)) {
            JsonNode ids = reference.get("probe").get("input_ids");
            long[][] rows = new long[ids.size()][];
            for (int r = 0; r < rows.length; r++) {
                int length = 0;
                while (length < ids.get(r).size() && ids.get(r).get(length).asLong() != 0) {
                    length++;
                }
                rows[r] = new long[length]; // unpadded: the tower pads the batch itself
                for (int i = 0; i < length; i++) {
                    rows[r][i] = ids.get(r).get(i).asLong();
                }
            }
            float[][] batch = text.embed(rows);
            ok &= compare("text_model.onnx", batch, reference.get("text_model.onnx"));
            for (int r = 0; r < rows.length; r++) {
                float[] alone = text.embed(new long[][] {rows[r]})[0];
                double cos = EmbeddingChecks.cosine(alone, batch[r]);
                System.out.printf("text row %d alone vs in ragged batch: cosine %.8f%n", r, cos);
                ok &= cos >= 0.99999;
            }
            byte[] raw = Files.readAllBytes(models.resolve("probe_pixel_values.f32"));
            float[] pixels = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(pixels);
            ok &= compare("vision_model.onnx", vision.embed(java.nio.FloatBuffer.wrap(pixels), 2), reference.get("vision_model.onnx"));
        }
        System.out.println(ok ? "OK: matches torch" : "MISMATCH");
        System.exit(ok ? 0 : 1);
    }

    private static boolean compare(String name, float[][] actual, JsonNode expected) {
        boolean ok = true;
        for (int r = 0; r < actual.length; r++) {
            JsonNode first8 = expected.get("first8_per_row").get(r);
            double maxDiff = 0;
            for (int i = 0; i < 8; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(actual[r][i] - first8.get(i).asDouble()));
            }
            double norm = Math.sqrt(dot(actual[r], actual[r]));
            double expectedNorm = expected.get("l2_per_row").get(r).asDouble();
            System.out.printf("%s row %d: max |diff| of first 8 = %.2e, L2 %.5f vs torch %.5f%n", name, r, maxDiff,
                    norm, expectedNorm);
            ok &= maxDiff < 1e-3 && Math.abs(norm - expectedNorm) < 1e-3 * expectedNorm;
        }
        return ok;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }
}
