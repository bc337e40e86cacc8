package dev.jinaclip.onnx;

import static dev.jinaclip.testing.Fixtures.cosine;
import static dev.jinaclip.testing.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.core.ClipInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading: which files, which variant, and a clear error for a wrong or missing file. */
class JinaClipOnnxEngineLoadTest {

    static JinaClipOnnxConfig.Builder config(Path folder) {
        return JinaClipOnnxConfig.builder().modelDirectory(folder).intraOpThreads(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            text-input-name      | text_model.onnx   | has no input 'input_ids'
            text-input-dtype     | text_model.onnx   | input 'input_ids' is INT32
            text-output-name     | text_model.onnx   | has no output 'text_embeds'
            text-output-dim      | text_model.onnx   | output 'text_embeds' has shape [-1, 512]
            text-output-unpooled | text_model.onnx   | output 'text_embeds' has shape [-1, -1, 768]
            vision-input-name    | vision_model.onnx | has no input 'pixel_values'
            vision-input-size    | vision_model.onnx | input 'pixel_values' has shape [-1, 3, 256, 256]
            vision-output-name   | vision_model.onnx | has no output 'image_embeds'
            vision-output-dim    | vision_model.onnx | output 'image_embeds' has shape [-1, 512]
            """)
    void should_reject_a_graph_with_the_wrong_signature_naming_the_file(String fixture, String file, String problem) {
        assertThatThrownBy(() -> JinaClipOnnxEngine.load(config(model("bad-signature/" + fixture)).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file)
                .hasMessageContaining("does not have the jina-clip signature")
                .hasMessageContaining(problem);
    }

    @Test
    void should_list_missing_files(@TempDir Path folder) throws IOException {
        Files.copy(model("tiny").resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        Files.createDirectories(folder.resolve("onnx"));
        Files.copy(model("tiny").resolve("onnx/text_model.onnx"), folder.resolve("onnx/text_model.onnx"));

        assertThatThrownBy(() -> JinaClipOnnxEngine.load(config(folder).build()))
                .hasMessageContaining("lacks onnx/vision_model.onnx")
                .hasMessageContaining("found: onnx/text_model.onnx, tokenizer.json");
    }

    @Test
    void should_name_a_file_that_is_not_onnx(@TempDir Path folder) throws IOException {
        Files.copy(model("tiny").resolve("tokenizer.json"), folder.resolve("tokenizer.json"));
        Files.createDirectories(folder.resolve("onnx"));
        Files.writeString(folder.resolve("onnx/text_model.onnx"), "not a model");
        Files.copy(model("tiny").resolve("onnx/vision_model.onnx"), folder.resolve("onnx/vision_model.onnx"));

        assertThatThrownBy(() -> JinaClipOnnxEngine.load(config(folder).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot load ONNX model")
                .hasMessageContaining("text_model.onnx");
    }

    @Test
    void should_name_a_broken_tokenizer(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("tokenizer.json"), "{ broken");
        Files.createDirectories(folder.resolve("onnx"));
        for (String file : List.of("onnx/text_model.onnx", "onnx/vision_model.onnx")) {
            Files.copy(model("tiny").resolve(file), folder.resolve(file));
        }

        assertThatThrownBy(() -> JinaClipOnnxEngine.load(config(folder).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot load tokenizer")
                .hasMessageContaining("tokenizer.json");
    }

    @Test
    void should_load_the_chosen_variant() {
        try (JinaClipOnnxEngine fp32 = JinaClipOnnxEngine.load(config(model("tiny")).build());
             JinaClipOnnxEngine fp16 = JinaClipOnnxEngine.load(config(model("tiny")).variant(OnnxVariant.FP16).build())) {

            float[] a = fp32.embed(List.of(ClipInput.text("a red car"))).vectors().get(0);
            float[] b = fp16.embed(List.of(ClipInput.text("a red car"))).vectors().get(0);

            assertThat(fp16.files().textModel()).endsWith(Path.of("onnx", "text_model_fp16.onnx"));
            assertThat(cosine(a, b)).isGreaterThan(0.9999);
            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void should_explain_how_to_get_cuda_when_the_cpu_artifact_is_on_the_class_path() {
        assertThatThrownBy(() -> JinaClipOnnxEngine.load(config(model("tiny"))
                .executionProvider(ExecutionProvider.CUDA).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CUDA was asked for")
                .hasMessageContaining("onnxruntime_gpu");
    }

    @Test
    void should_refuse_to_embed_after_close() {
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(config(model("tiny")).build());
        engine.close();

        assertThatThrownBy(() -> engine.embed(List.of(ClipInput.text("red"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void should_validate_settings() {
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().maxTextTokens(8193).build())
                .hasMessageContaining("maxTextTokens must be between 3 and 8192");
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().maxBatchSize(0).build())
                .hasMessageContaining("maxBatchSize must be at least 1");
        assertThat(JinaClipOnnxConfig.builder().build().maxTextTokens()).isEqualTo(512);
        assertThatThrownBy(() -> JinaClipOnnxConfig.builder().modelDirectory(Path.of("m")).revision("v2").build())
                .hasMessageContaining("remove hub, repoId, revision and cacheDirectory");
    }
}
