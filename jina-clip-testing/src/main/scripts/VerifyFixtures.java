import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the fixtures written by make_onnx_fixtures.py through ONNX Runtime (Java) and DJL tokenizers and
 * compares them with the expected.json files. Not part of the Maven build; a manual check:
 *
 * <pre>
 * ./mvnw -q -pl langchain4j-jina-clip dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat /tmp/cp.txt)" jina-clip-testing/src/main/scripts/VerifyFixtures.java jina-clip-testing/src/main/resources/models
 * </pre>
 */
public class VerifyFixtures {

    static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    static final ObjectMapper JSON = new ObjectMapper();
    static int failures = 0;

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "jina-clip-testing/src/main/resources/models");
        System.out.println("ONNX Runtime " + ENV.getVersion());

        try (Stream<Path> files = Files.walk(models)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList()) {
                describe(models, p);
            }
        }
        tokenizers(models);
        tiny(models, "tiny", false);
        tiny(models, "tiny-with-mask", true);
        fp16(models);
        semantic(models);
        onnxRuntimeChecksDeclaredDims(models);
        badSignatures(models);
        System.out.println(failures == 0 ? "ALL CHECKS PASSED" : failures + " CHECK(S) FAILED");
        System.exit(failures == 0 ? 0 : 1);
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            failures++;
            System.out.println("  FAIL: " + what);
        }
    }

    static void describe(Path models, Path p) throws Exception {
        try (OrtSession s = ENV.createSession(p.toString(), new OrtSession.SessionOptions())) {
            StringBuilder sb = new StringBuilder(models.relativize(p).toString()).append("\n");
            for (NodeInfo n : s.getInputInfo().values()) sb.append("   in  ").append(info(n)).append("\n");
            for (NodeInfo n : s.getOutputInfo().values()) sb.append("   out ").append(info(n)).append("\n");
            sb.append("   metadata ").append(s.getMetadata().getCustomMetadata());
            System.out.println(sb);
        }
    }

    static String info(NodeInfo n) {
        TensorInfo t = (TensorInfo) n.getInfo();
        return n.getName() + " " + t.type + " " + Arrays.toString(t.getShape())
                + " " + Arrays.toString(t.getDimensionNames());
    }

    // ------------------------------------------------------------------ tokenizers

    static void tokenizers(Path models) throws Exception {
        System.out.println("== tokenizers (DJL)");
        JsonNode sem = JSON.readTree(models.resolve("semantic/expected.json").toFile());
        try (HuggingFaceTokenizer fileDefaults = HuggingFaceTokenizer.newInstance(models.resolve("tiny/tokenizer.json"));
             HuggingFaceTokenizer overridden = HuggingFaceTokenizer.builder()
                     .optTokenizerPath(models.resolve("tiny/tokenizer.json"))
                     .optPadding(false).optTruncation(true).optMaxLength(512).build()) {
            Encoding e = fileDefaults.encode("red");
            System.out.println("  file defaults: \"red\" -> " + e.getIds().length + " ids, first 4 "
                    + Arrays.toString(Arrays.copyOf(e.getIds(), 4)));
            for (JsonNode t : sem.get("text")) {
                long[] ids = overridden.encode(t.get("text").asText()).getIds();
                long[] want = toLongs(t.get("input_ids").get(0));
                check(Arrays.equals(ids, want), "tokenize " + t.get("text") + " " + Arrays.toString(ids));
            }
            JsonNode tiny = JSON.readTree(models.resolve("tiny/expected.json").toFile());
            int checked = 0;
            for (JsonNode c : tiny.get("text")) {
                if (!c.has("texts")) continue;
                try (HuggingFaceTokenizer tk = HuggingFaceTokenizer.builder()
                        .optTokenizerPath(models.resolve("tiny/tokenizer.json"))
                        .optPadding(false).optTruncation(true).optMaxLength(c.get("max_length").asInt()).build()) {
                    for (int i = 0; i < c.get("texts").size(); i++) {
                        long[] ids = tk.encode(c.get("texts").get(i).asText()).getIds();
                        long[] want = Arrays.stream(toLongs(c.get("input_ids").get(i))).filter(x -> x != 0).toArray();
                        check(Arrays.equals(ids, want), "tokenize tiny case " + c.get("name") + " row " + i);
                        checked++;
                    }
                }
            }
            System.out.println("  tiny/expected.json: " + checked + " texts tokenize to their input_ids");
            String red600 = "red ".repeat(600);
            check(overridden.encode(red600).getIds().length == 512, "truncation at 512");
            System.out.println("  overridden: \"red \" x 600 -> " + overridden.encode(red600).getIds().length
                    + " ids; file defaults -> " + fileDefaults.encode(red600).getIds().length + " ids");
        }
        try (HuggingFaceTokenizer mini = HuggingFaceTokenizer.builder()
                .optTokenizerPath(models.resolve("bad-signature/text-input-name/tokenizer.json"))
                .optPadding(false).build()) {
            long[] ids = mini.encode("a red cat").getIds();
            System.out.println("  mini tokenizer: \"a red cat\" -> " + Arrays.toString(ids));
            check(Arrays.equals(ids, new long[]{101, 100, 2417, 100, 102}), "mini tokenizer");
        }
    }

    // ------------------------------------------------------------------ tiny

    static void tiny(Path models, String folder, boolean withMask) throws Exception {
        System.out.println("== " + folder);
        JsonNode exp = JSON.readTree(models.resolve(folder + "/expected.json").toFile());
        double tol = 1e-4;
        double worst = 0;
        try (OrtSession text = session(models.resolve(folder + "/onnx/text_model.onnx"));
             OrtSession vision = session(models.resolve(folder + "/onnx/vision_model.onnx"))) {
            for (JsonNode c : exp.get("text")) {
                long[][] ids = toLongs2(c.get("input_ids"));
                long[][] mask = c.has("attention_mask") ? toLongs2(c.get("attention_mask")) : null;
                float[][] out = runText(text, ids, withMask ? mask : null);
                worst = Math.max(worst, compareRows(c.get("name").asText(), out, c.get("text_embeds"), tol));
            }
            for (JsonNode c : exp.get("image")) {
                float[][] out = runVision(vision, pixels(c.get("pixel_values")));
                worst = Math.max(worst, compareRows(c.get("name").asText(), out, c.get("image_embeds"), tol));
            }
        }
        System.out.printf("  max relative deviation from expected.json: %.3g%n", worst);
    }

    static double compareRows(String name, float[][] out, JsonNode rows, double tol) {
        check(out.length == rows.size(), name + " batch size");
        double worst = 0;
        for (int i = 0; i < out.length; i++) {
            JsonNode r = rows.get(i);
            float[] v = out[i];
            check(v.length == 768, name + " dim");
            double norm = norm(v);
            double sum = 0;
            for (float x : v) sum += x;
            double scale = Math.max(1, r.get("l2norm").asDouble());
            worst = Math.max(worst, Math.abs(norm - r.get("l2norm").asDouble()) / scale);
            worst = Math.max(worst, Math.abs(sum - r.get("sum").asDouble()) / scale / 10);
            for (int k = 0; k < 8; k++) worst = Math.max(worst, Math.abs(v[k] - r.get("first8").get(k).asDouble()) / scale);
            if (r.has("full")) {
                for (int k = 0; k < 768; k++) worst = Math.max(worst, Math.abs(v[k] - r.get("full").get(k).asDouble()) / scale);
            }
        }
        check(worst < tol, name + " deviates " + worst);
        return worst;
    }

    // ------------------------------------------------------------------ fp16

    static void fp16(Path models) throws Exception {
        System.out.println("== tiny fp16 variants vs fp32 (ONNX Runtime both)");
        JsonNode exp = JSON.readTree(models.resolve("tiny/expected.json").toFile());
        try (OrtSession t32 = session(models.resolve("tiny/onnx/text_model.onnx"));
             OrtSession t16 = session(models.resolve("tiny/onnx/text_model_fp16.onnx"));
             OrtSession v32 = session(models.resolve("tiny/onnx/vision_model.onnx"));
             OrtSession v16 = session(models.resolve("tiny/onnx/vision_model_fp16.onnx"))) {
            double minCos = 1, maxAbs = 0, minAbs = Double.MAX_VALUE, maxRel = 0;
            for (JsonNode c : exp.get("text")) {
                long[][] ids = toLongs2(c.get("input_ids"));
                float[][] a = runText(t32, ids, null), b = runText(t16, ids, null);
                for (int i = 0; i < a.length; i++) {
                    minCos = Math.min(minCos, cos(a[i], b[i]));
                    double d = maxAbsDiff(a[i], b[i]);
                    maxAbs = Math.max(maxAbs, d);
                    minAbs = Math.min(minAbs, d);
                    maxRel = Math.max(maxRel, d / maxAbs(a[i]));
                }
            }
            System.out.printf("  text:  min cos %.6f, max|diff| per row in [%.3g, %.3g], max rel %.3g%n", minCos, minAbs, maxAbs, maxRel);
            check(minCos > 0.999 && maxRel < 0.05, "text fp16 close to fp32");
            minCos = 1; maxAbs = 0; minAbs = Double.MAX_VALUE; maxRel = 0;
            for (JsonNode c : exp.get("image")) {
                float[][] px = pixels(c.get("pixel_values"));
                float[][] a = runVision(v32, px), b = runVision(v16, px);
                for (int i = 0; i < a.length; i++) {
                    minCos = Math.min(minCos, cos(a[i], b[i]));
                    double d = maxAbsDiff(a[i], b[i]);
                    maxAbs = Math.max(maxAbs, d);
                    minAbs = Math.min(minAbs, d);
                    maxRel = Math.max(maxRel, d / maxAbs(a[i]));
                }
            }
            System.out.printf("  image: min cos %.6f, max|diff| per row in [%.3g, %.3g], max rel %.3g%n", minCos, minAbs, maxAbs, maxRel);
            check(minCos > 0.999 && maxRel < 0.05, "image fp16 close to fp32");
        }
    }

    // ------------------------------------------------------------------ semantic

    static void semantic(Path models) throws Exception {
        System.out.println("== semantic");
        JsonNode exp = JSON.readTree(models.resolve("semantic/expected.json").toFile());
        List<float[]> texts = new ArrayList<>(), images = new ArrayList<>();
        try (OrtSession text = session(models.resolve("semantic/onnx/text_model.onnx"));
             OrtSession vision = session(models.resolve("semantic/onnx/vision_model.onnx"))) {
            for (JsonNode c : exp.get("text")) {
                float[][] out = runText(text, toLongs2(c.get("input_ids")), null);
                compareRows(c.get("text").asText(), out, c.get("text_embeds"), 1e-4);
                texts.add(out[0]);
            }
            for (JsonNode c : exp.get("image")) {
                float[][] out = runVision(vision, pixels(c.get("pixel_values")));
                compareRows(c.get("name").asText(), out, c.get("image_embeds"), 1e-4);
                images.add(out[0]);
            }
        }
        JsonNode want = exp.get("cosine").get("values");
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = 0; j < images.size(); j++) {
                worst = Math.max(worst, Math.abs(cos(texts.get(i), images.get(j)) - want.get(i).get(j).asDouble()));
            }
        }
        System.out.printf("  cosine table max deviation %.3g%n", worst);
        check(worst < 1e-4, "semantic cosines");
    }

    // ------------------------------------------------------------------ bad signatures

    static void onnxRuntimeChecksDeclaredDims(Path models) throws Exception {
        System.out.println("== ONNX Runtime rejects a 256x256 image for a graph declaring 224x224");
        try (OrtSession s = session(models.resolve("tiny/onnx/vision_model.onnx"));
             OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(new float[3 * 256 * 256]), new long[]{1, 3, 256, 256})) {
            s.run(Map.of("pixel_values", t)).close();
            check(false, "256x256 accepted");
        } catch (ai.onnxruntime.OrtException e) {
            System.out.println("  " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    static void badSignatures(Path models) throws Exception {
        System.out.println("== bad-signature: every graph loads and runs");
        try (Stream<Path> files = Files.walk(models.resolve("bad-signature"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".onnx")).sorted().toList()) {
                try (OrtSession s = session(p)) {
                    Map<String, OnnxTensor> in = new HashMap<>();
                    try {
                        for (NodeInfo n : s.getInputInfo().values()) {
                            TensorInfo t = (TensorInfo) n.getInfo();
                            long[] shape = t.getShape().clone();
                            shape[0] = 2;
                            if (shape.length == 2) shape[1] = 5;
                            int count = (int) Arrays.stream(shape).reduce(1, (x, y) -> x * y);
                            switch (t.type) {
                                case INT64 -> in.put(n.getName(), OnnxTensor.createTensor(ENV, LongBuffer.wrap(new long[count]), shape));
                                case INT32 -> in.put(n.getName(), OnnxTensor.createTensor(ENV, IntBuffer.wrap(new int[count]), shape));
                                default -> in.put(n.getName(), OnnxTensor.createTensor(ENV, FloatBuffer.wrap(new float[count]), shape));
                            }
                        }
                        try (OrtSession.Result r = s.run(in)) {
                            System.out.println("  " + models.relativize(p) + " -> "
                                    + Arrays.toString(((OnnxTensor) r.get(0)).getInfo().getShape()));
                        }
                    } finally {
                        in.values().forEach(OnnxTensor::close);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static OrtSession session(Path p) throws Exception {
        return ENV.createSession(p.toString(), new OrtSession.SessionOptions());
    }

    static float[][] runText(OrtSession s, long[][] ids, long[][] mask) throws Exception {
        int b = ids.length, l = ids[0].length;
        long[] flat = new long[b * l];
        for (int i = 0; i < b; i++) System.arraycopy(ids[i], 0, flat, i * l, l);
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(ENV, LongBuffer.wrap(flat), new long[]{b, l}));
        if (s.getInputNames().contains("attention_mask")) {
            long[] m = new long[b * l];
            for (int i = 0; i < b; i++) System.arraycopy(mask[i], 0, m, i * l, l);
            in.put("attention_mask", OnnxTensor.createTensor(ENV, LongBuffer.wrap(m), new long[]{b, l}));
        }
        try (OrtSession.Result r = s.run(in)) {
            return (float[][]) r.get("text_embeds").get().getValue();
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    static float[][] runVision(OrtSession s, float[][] images) throws Exception {
        int b = images.length, n = 3 * 224 * 224;
        float[] flat = new float[b * n];
        for (int i = 0; i < b; i++) System.arraycopy(images[i], 0, flat, i * n, n);
        try (OnnxTensor t = OnnxTensor.createTensor(ENV, FloatBuffer.wrap(flat), new long[]{b, 3, 224, 224});
             OrtSession.Result r = s.run(Map.of("pixel_values", t))) {
            return (float[][]) r.get("image_embeds").get().getValue();
        }
    }

    /** pixel_values specs from expected.json, CHW, one float[3*224*224] per batch row. */
    static float[][] pixels(JsonNode specs) {
        float[][] out = new float[specs.size()][3 * 224 * 224];
        for (int i = 0; i < specs.size(); i++) {
            JsonNode s = specs.get(i);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 224; y++) {
                    for (int x = 0; x < 224; x++) {
                        float v;
                        if (s.get("kind").asText().equals("constant")) {
                            v = (float) s.get("per_channel").get(c).asDouble();
                        } else {
                            int b = s.get("b").asInt();
                            v = (float) ((x * 7 + y * 13 + c * 29 + b * 5) % 256) / 127.5f - 1.0f;
                        }
                        out[i][(c * 224 + y) * 224 + x] = v;
                    }
                }
            }
        }
        return out;
    }

    static long[] toLongs(JsonNode a) {
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) r[i] = a.get(i).asLong();
        return r;
    }

    static long[][] toLongs2(JsonNode a) {
        long[][] r = new long[a.size()][];
        for (int i = 0; i < r.length; i++) r[i] = toLongs(a.get(i));
        return r;
    }

    static double norm(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return Math.sqrt(s);
    }

    static double cos(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d += (double) a[i] * b[i];
        return d / (norm(a) * norm(b));
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    static double maxAbs(float[] a) {
        double m = 0;
        for (float x : a) m = Math.max(m, Math.abs(x));
        return m;
    }
}
