package dev.jinaclip.evaluation;

import static dev.jinaclip.evaluation.ToolRunner.dataset;
import static dev.jinaclip.evaluation.ToolRunner.semanticModel;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.evaluation.ToolRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} on the committed fixture datasets with the semantic fixture model, whose vectors can be worked
 * out by hand (jina-clip-testing, models/README.md). In its concept space a text is the mean, over its tokens with
 * [CLS] and [SEP], of the token's colour axis (red, green, blue, yellow, black, white) or else 0.05·neutral; so a
 * text of colour words c and n other tokens points along c + 0.05n·neutral. A solid image of colour rgb points along
 * Σ exp(−|rgb − prototype|² / 0.18)·axis + 0.05·neutral, over the six colour prototypes. Cosines below are rounded.
 */
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void should_reproduce_the_hand_worked_recalls_of_every_task() throws Exception {
        Path json = temp.resolve("results.json");

        Result result = ToolRunner.run("evaluate", "--beir", dataset("beir"),
                "--captions", dataset("captions/captions.tsv"), "--classes", dataset("classes"),
                "--backend", "onnx", "--model-directory", semanticModel(), "--json", json.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode tasks = JSON.readTree(json.toFile()).get("backends").get(0).get("tasks");

        // Text-Text. Every document holds one colour word. For a one-word query such as "red" (neutral share 0.1)
        // a document of its colour with n other tokens scores (1 + 0.005n) / (1.005·√(1 + 0.0025n²)), which falls
        // as n grows: r1 "red" (n = 2) 1.000, r2 "Apple red" (title + text, 3) 0.999, r3 0.995, ..., r7 (8) 0.961;
        // a document of another colour shares only the neutral axis (≤ 0.037).
        //   q1 "red"   → r1, rank 1: hit at 1, 5, 10
        //   q2 "green" → g1, the only green document, rank 1 (q2's score-0 judgement of r1 is not relevance)
        //   q3 "blue"  → b2 "the blue sea at night" (n = 5) after b1 "blue sky" (n = 3), rank 2: hit at 5, 10
        //   q4 "Red" (lower-cased) → r7, the red document with most other tokens, rank 7: hit at 10 only
        //   q5 "white" → r1: no white document, so all rank by neutral share and r1 (the least neutral) is 12th
        //   q6 "black" is judged only with score 0: counted, not evaluated; q7 is judged in qrels/dev.tsv only
        // R@1 = 2/5, R@5 = 3/5, R@10 = 4/5; one relevant document per query, so MTEB's recall is the same.
        assertTask(tasks.get("text-text"), 6, 5, 12, 2.0 / 5, 3.0 / 5, 4.0 / 5);
        assertThat(tasks.get("text-text").get("recallFraction").get("5").asDouble()).isEqualTo(3.0 / 5);

        // Text-to-Image: 8 captions against 7 images.
        //   "a red apple on the table" → red.png 0.959 (darkred.png 0.917): rank 1
        //   "red" → darkred.png 0.937, after red.png 0.999: rank 2
        //   "red and yellow" → orange.png (255,128,0), a quarter red and a quarter yellow, 0.999: rank 1
        //   "red and white" → pink.png (255,128,128) 0.781, red.png 0.708: rank 1
        //   "green" → green.png 0.999, "the blue sky" → blue.png 0.989, "a ripe yellow banana" → yellow.png 0.981
        //   "a red car", blue.png's second caption: red.png 0.989, darkred 0.935, orange 0.707, pink 0.585 and
        //     yellow.png 0.014 (a red score of 0.004) rank above blue.png 0.010: rank 6, a hit at 10 only
        // R@1 = 6/8, R@5 = 7/8, R@10 = 8/8.
        assertTask(tasks.get("text-to-image"), 8, 8, 7, 6.0 / 8, 7.0 / 8, 1.0);

        // Image-to-Text: 7 images against the 8 captions.
        //   red.png → its caption "a red apple on the table" 0.959 comes 3rd, after "red" 0.999 (darkred's) and
        //     "a red car" 0.989 (blue's): a hit at 5 and 10
        //   darkred.png → "red" 0.9368, ahead of "a red car" 0.9349 (one more neutral token): rank 1
        //   every other image → its own caption first; blue.png's "the blue sky" 0.989
        // R@1 = 6/7, R@5 = R@10 = 1. MTEB's recall at 1 is lower: blue.png finds one of its two captions,
        // (5 + 0.5) / 7.
        assertTask(tasks.get("image-to-text"), 7, 7, 8, 6.0 / 7, 1.0, 1.0);
        assertThat(tasks.get("image-to-text").get("recallFraction").get("1").asDouble()).isEqualTo(5.5 / 7);

        // Image-Image: 11 images in blue (5), red (3), yellow (3); each query searches the other 10.
        //   r3 (255,150,0), orange filed under red, is nearer yellow: y2 0.938, y1 0.936, then r2 0.359: rank 3
        //   y3 (0,0,120), dark blue filed under yellow: the five blue images (0.59 to 0.60) first, y1 and y2
        //     below 0.01: a hit at 10 only
        //   every other image's nearest neighbour is of its class (cosine above 0.999)
        // R@1 = 9/11, R@5 = 10/11, R@10 = 11/11.
        assertTask(tasks.get("image-image"), 11, 11, 11, 9.0 / 11, 10.0 / 11, 1.0);

        assertThat(result.out())
                .contains("| Model / backend     | Text-Text (BEIR, R@5) | Text-to-Image (R@5) | Image-to-Text (R@5) "
                        + "| Image-Image (R@5) |")
                .contains("| jina-clip-v1 (onnx) | 0.600                 | 0.875               | 1.000               "
                        + "| 0.909             |")
                .contains("| jina-clip-v1 (onnx) | text-text     | 6       | 5         | 12      | 0.400 | 0.600 "
                        + "| 0.800 |")
                .contains("12 documents; 7 queries in queries.jsonl, 6 judged in qrels/test.tsv")
                .contains("7 images, 8 captions")
                .contains("11 images in 3 classes");
    }

    @Test
    void should_read_the_captions_as_json_lines_like_the_tsv() throws Exception {
        Path tsv = temp.resolve("tsv.json");
        Path jsonLines = temp.resolve("jsonl.json");

        ToolRunner.run("evaluate", "--captions", dataset("captions/captions.tsv"), "--backend", "onnx",
                "--model-directory", semanticModel(), "--json", tsv.toString());
        ToolRunner.run("evaluate", "--captions", dataset("captions/captions.jsonl"), "--backend", "onnx",
                "--model-directory", semanticModel(), "--json", jsonLines.toString());

        JsonNode fromTsv = JSON.readTree(tsv.toFile()).get("backends");
        assertThat(fromTsv.get(0).get("tasks").get("text-to-image").get("recall").get("5").asDouble())
                .isEqualTo(7.0 / 8);
        assertThat(JSON.readTree(jsonLines.toFile()).get("backends")).isEqualTo(fromTsv);
    }

    @Test
    void should_use_the_chosen_split_and_cut_offs() throws Exception {
        Path json = temp.resolve("dev.json");

        // qrels/dev.tsv judges q7 "yellow" → y1 "a yellow banana", the only yellow document
        Result result = ToolRunner.run("evaluate", "--beir", dataset("beir"), "--split", "dev", "--k", "2,1",
                "--backend", "onnx", "--model-directory", semanticModel(), "--json", json.toString());

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(root.get("k").toString()).isEqualTo("[1,2,5]");
        assertTask(root.get("backends").get(0).get("tasks").get("text-text"), 1, 1, 12, 1.0, 1.0, null);
        assertThat(result.out()).contains("| R@1   | R@2   | R@5   |");
    }

    @Test
    void should_draw_a_progress_bar_on_a_terminal_only() {
        String[] args = {"evaluate", "--beir", dataset("beir"), "--backend", "onnx",
            "--model-directory", semanticModel()};

        Result terminal = ToolRunner.run(Map.of(), true, args);
        Result redirected = ToolRunner.run(Map.of(), false, args);
        Result disabled = ToolRunner.run(Map.of(), true, append(args, "--no-progress"));

        assertThat(terminal.err()).contains("\rBEIR documents").contains("12/12 texts").contains("6/6 texts");
        assertThat(terminal.out()).doesNotContain("\r");
        assertThat(redirected.err()).doesNotContain("\r");
        assertThat(disabled.err()).doesNotContain("\r");
        assertThat(terminal.out()).isEqualTo(redirected.out());
    }

    @Test
    void should_print_help_with_every_option() {
        Result result = ToolRunner.run("evaluate", "--help");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("--beir=DIR", "--split=NAME", "--captions=FILE", "--images=DIR",
                "--classes=DIR", "--k=K", "--json=FILE", "--no-progress", "--backend=api|onnx", "--label=TEXT",
                "--model=NAME", "--api-key-env=VARIABLE", "--base-url=URL", "--model-directory=DIR",
                "--variant=VARIANT", "--batch-size=N", "JINA_API_KEY");
        assertThat(ToolRunner.run("--help").out()).contains("evaluate", "compare");
        assertThat(ToolRunner.run("help", "compare").out()).contains("exactly two --backend");
    }

    @Test
    void should_report_usage_errors_with_status_2() {
        assertUsageError(ToolRunner.run(), "Name a command: evaluate or compare");
        assertUsageError(ToolRunner.run("evaluate", "--backend", "onnx"),
                "Give at least one dataset: --beir, --captions or --classes");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir")), "--backend");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--backend", "local"), "local");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--backend", "onnx",
                "--base-url", "http://127.0.0.1:1"), "--base-url does not apply to --backend onnx");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--backend", "onnx",
                "--model", "jina-clip-v2"), "the onnx backend runs jina-clip-v1 only");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--k", "0", "--backend", "onnx"),
                "--k values must be at least 1, was 0");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--images", dataset("classes"),
                "--backend", "onnx"), "--images applies to --captions");
        assertUsageError(ToolRunner.run("evaluate", "--beir", dataset("beir"), "--backend", "onnx", "--backend",
                "onnx"), "Two backends are labelled 'jina-clip-v1 (onnx)'");
    }

    @Test
    void should_name_the_environment_variable_when_the_api_key_is_missing() {
        Result standard = ToolRunner.run("evaluate", "--beir", dataset("beir"), "--backend", "api");
        Result named = ToolRunner.run(Map.of("JINA_API_KEY", "jina_unused"), false, "evaluate", "--beir",
                dataset("beir"), "--backend", "api", "--api-key-env", "TEAM_JINA_KEY");

        assertThat(standard.status()).isEqualTo(1);
        assertThat(standard.err()).contains("the environment variable JINA_API_KEY is not set");
        assertThat(named.status()).isEqualTo(1);
        assertThat(named.err()).contains("the environment variable TEAM_JINA_KEY is not set");
    }

    @Test
    void should_name_the_file_and_line_of_a_malformed_dataset() throws Exception {
        Path beir = Files.createDirectories(temp.resolve("beir"));
        Files.writeString(beir.resolve("corpus.jsonl"), "{\"_id\": \"d1\", \"text\": \"red\"}\n");
        Files.writeString(beir.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"red\"}\n");
        Files.createDirectories(beir.resolve("qrels"));
        Files.writeString(beir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\t1\n");

        Result result = ToolRunner.run("evaluate", "--beir", beir.toString(), "--backend", "onnx",
                "--model-directory", semanticModel());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains(beir.resolve("qrels/test.tsv") + ":3: document \"d2\" is not in "
                + "corpus.jsonl");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void should_name_the_image_that_the_backend_cannot_decode() throws Exception {
        Path classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("red"));
        Files.write(classes.resolve("red/a.png"), Files.readAllBytes(Path.of(dataset("classes/red/r1.png"))));
        Files.writeString(classes.resolve("red/b.png"), "not a PNG");

        Result result = ToolRunner.run("evaluate", "--classes", classes.toString(), "--backend", "onnx",
                "--model-directory", semanticModel());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).contains("Error: class images item 1 ([image] file " + classes.resolve("red/b.png")
                + "): ");
    }

    private static void assertTask(JsonNode task, int queries, int evaluated, int gallery, Double r1, Double r5,
                                   Double r10) {
        assertThat(task.get("queries").asInt()).isEqualTo(queries);
        assertThat(task.get("evaluated").asInt()).isEqualTo(evaluated);
        assertThat(task.get("skipped").asInt()).isEqualTo(queries - evaluated);
        assertThat(task.get("gallery").asInt()).isEqualTo(gallery);
        assertThat(task.get("recall").get("1").asDouble()).isEqualTo(r1);
        assertThat(task.get("recall").get("5").asDouble()).isEqualTo(r5);
        if (r10 != null) {
            assertThat(task.get("recall").get("10").asDouble()).isEqualTo(r10);
        }
    }

    private static void assertUsageError(Result result, String message) {
        assertThat(result.status()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains("--help");
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
