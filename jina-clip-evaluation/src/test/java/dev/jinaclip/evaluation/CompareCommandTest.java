package dev.jinaclip.evaluation;

import static dev.jinaclip.evaluation.ToolRunner.dataset;
import static dev.jinaclip.evaluation.ToolRunner.semanticModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jinaclip.api.JinaClipApiClient;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.evaluation.ToolRunner.Result;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.FakeJinaApi;
import dev.jinaclip.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: the agreement of two backends item by item, and each one's recall. */
class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "jina_test_key_never_printed";

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path temp;

    @Test
    void should_find_an_engine_in_full_agreement_with_itself() throws Exception {
        Path json = temp.resolve("same.json");

        Result result = ToolRunner.run("compare", "--beir", dataset("beir"), "--captions",
                dataset("captions/captions.tsv"), "--classes", dataset("classes"), "--json", json.toString(),
                "--backend", "onnx", "--model-directory", semanticModel(), "--label", "first",
                "--backend", "onnx", "--model-directory", semanticModel(), "--label", "second");

        assertThat(result.status()).as(result.err()).isZero();
        JsonNode root = JSON.readTree(json.toFile());
        JsonNode sets = root.get("agreement").get("sets");
        assertThat(names(sets)).containsExactly("BEIR queries", "BEIR documents", "captions", "caption images",
                "class images", "all items");
        // 6 + 12 queries and documents, 8 captions, 7 + 11 images
        assertThat(sets.get(5).get("count").asInt()).isEqualTo(44);
        for (JsonNode set : sets) {
            assertThat(set.get("min").asDouble()).as(set.get("items").asText()).isCloseTo(1.0, within(1e-6));
        }
        JsonNode backends = root.get("backends");
        assertThat(backends.get(1).get("tasks")).isEqualTo(backends.get(0).get("tasks"));
        assertThat(result.out()).contains("Agreement of first and second").contains("| all items      | 44    |");
    }

    @Test
    void should_measure_the_agreement_of_the_local_and_the_hosted_backend() throws Exception {
        server.setDispatcher(new FakeJinaApi(JinaClipOnnxConfig.MODEL.dimension()));
        Path json = temp.resolve("hosted.json");

        Result result = ToolRunner.run(Map.of("TEST_JINA_KEY", KEY), false, "compare", "--beir", dataset("beir"),
                "--captions", dataset("captions/captions.tsv"), "--json", json.toString(),
                "--backend", "onnx", "--model-directory", semanticModel(),
                "--backend", "api", "--api-key-env", "TEST_JINA_KEY", "--base-url", server.url("/").toString());

        assertThat(result.status()).as(result.err()).isZero();
        assertThat(result.out() + result.err()).doesNotContain(KEY);
        JsonNode sets = JSON.readTree(json.toFile()).get("agreement").get("sets");
        List<ClipInput> captions = new ArrayList<>();
        for (String caption : List.of("a red apple on the table", "red", "red and yellow", "red and white", "green",
                "the blue sky", "a red car", "a ripe yellow banana")) {
            captions.add(ClipInput.text(caption));
        }
        // the same items through the two engines directly: the tool's cosines must be theirs
        double[] expected = cosines(captions);
        assertThat(names(sets)).containsExactly("BEIR queries", "BEIR documents", "captions", "caption images",
                "all items");
        JsonNode captionSet = sets.get(2);
        assertThat(captionSet.get("count").asInt()).isEqualTo(8);
        assertThat(captionSet.get("min").asDouble()).isCloseTo(Arrays.stream(expected).min().orElseThrow(),
                within(1e-6));
        assertThat(captionSet.get("mean").asDouble()).isCloseTo(Arrays.stream(expected).average().orElseThrow(),
                within(1e-6));
        double[] sorted = expected.clone();
        Arrays.sort(sorted);
        assertThat(captionSet.get("median").asDouble()).isCloseTo((sorted[3] + sorted[4]) / 2, within(1e-6));

        // each backend's recall is what evaluate gives it alone
        Path hostedAlone = temp.resolve("hosted-alone.json");
        ToolRunner.run(Map.of("TEST_JINA_KEY", KEY), false, "evaluate", "--beir", dataset("beir"), "--captions",
                dataset("captions/captions.tsv"), "--json", hostedAlone.toString(), "--backend", "api",
                "--api-key-env", "TEST_JINA_KEY", "--base-url", server.url("/").toString());
        JsonNode backends = JSON.readTree(json.toFile()).get("backends");
        assertThat(backends.get(1).get("label").asText()).isEqualTo("jina-clip-v1 (api)");
        assertThat(backends.get(1).get("tasks"))
                .isEqualTo(JSON.readTree(hostedAlone.toFile()).get("backends").get(0).get("tasks"));
        // and the local backend's the hand-worked one of EvaluateCommandTest
        assertThat(backends.get(0).get("tasks").get("text-text").get("recall").get("5").asDouble())
                .isEqualTo(3.0 / 5);
        // the fake API gives "red" one vector, as query q1 and as document r1: rank 1, so a hit at 1
        assertThat(backends.get(1).get("tasks").get("text-text").get("recall").get("1").asDouble())
                .isGreaterThanOrEqualTo(1.0 / 5);
    }

    @Test
    void should_refuse_backends_of_different_dimensions_before_embedding_anything() {
        server.setDispatcher(new FakeJinaApi(1024));

        Result result = ToolRunner.run(Map.of("JINA_API_KEY", KEY), false, "compare", "--beir", dataset("beir"),
                "--backend", "onnx", "--model-directory", semanticModel(),
                "--backend", "api", "--model", "jina-clip-v2", "--base-url", server.url("/").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("Cannot compare jina-clip-v1 (onnx) (768 dimensions) with "
                + "jina-clip-v2 (api) (1024 dimensions)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void should_require_exactly_two_backends() {
        Result result = ToolRunner.run("compare", "--beir", dataset("beir"), "--backend", "onnx");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("--backend");
    }

    private double[] cosines(List<ClipInput> inputs) {
        try (JinaClipOnnxEngine local = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder()
                .modelDirectory(Fixtures.model("semantic")).build());
             JinaClipApiClient hosted = new JinaClipApiClient(JinaClipApiConfig.builder().apiKey(KEY)
                     .baseUrl(server.url("/").toString()).build())) {
            List<float[]> a = local.embed(inputs, ClipInputType.QUERY).vectors();
            List<float[]> b = hosted.embed(inputs, ClipInputType.QUERY).vectors();
            double[] cosines = new double[inputs.size()];
            for (int i = 0; i < cosines.length; i++) {
                cosines[i] = Fixtures.cosine(a.get(i), b.get(i));
            }
            return cosines;
        }
    }

    private static List<String> names(JsonNode sets) {
        List<String> names = new ArrayList<>();
        sets.forEach(set -> names.add(set.get("items").asText()));
        return names;
    }
}
