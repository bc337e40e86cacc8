package dev.jinaclip.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {

    @TempDir
    Path dir;

    void touch(String path) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void should_find_the_files_of_the_default_variant() throws IOException {
        touch("tokenizer.json");
        touch("onnx/text_model.onnx");
        touch("onnx/vision_model.onnx");

        ModelFiles files = ModelFiles.in(dir, OnnxVariant.FP32);

        assertThat(files.textModel()).isEqualTo(dir.resolve("onnx/text_model.onnx"));
        assertThat(files.visionModel()).isEqualTo(dir.resolve("onnx/vision_model.onnx"));
        assertThat(files.tokenizer()).isEqualTo(dir.resolve("tokenizer.json"));
    }

    @Test
    void should_pick_the_files_of_a_variant() throws IOException {
        touch("tokenizer.json");
        touch("onnx/text_model_q4.onnx");
        touch("onnx/vision_model_q4.onnx");

        assertThat(ModelFiles.in(dir, OnnxVariant.Q4).visionModel()).endsWith(Path.of("onnx", "vision_model_q4.onnx"));
    }

    @Test
    void should_list_what_is_missing_and_what_was_found() throws IOException {
        touch("tokenizer.json");
        touch("onnx/text_model.onnx");
        touch("onnx/vision_model.onnx");

        assertThatThrownBy(() -> ModelFiles.in(dir, OnnxVariant.FP16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lacks onnx/text_model_fp16.onnx, onnx/vision_model_fp16.onnx for variant fp16")
                .hasMessageContaining("found: onnx/text_model.onnx, onnx/vision_model.onnx, tokenizer.json");
    }

    @Test
    void should_say_when_the_folder_does_not_exist() {
        assertThatThrownBy(() -> ModelFiles.in(dir.resolve("nope"), OnnxVariant.FP32))
                .hasMessageContaining("does not exist")
                .hasMessageContaining("tokenizer.json, onnx/text_model.onnx, onnx/vision_model.onnx");
    }

    @Test
    void should_say_found_nothing_for_an_empty_folder() {
        assertThatThrownBy(() -> ModelFiles.in(dir, OnnxVariant.FP32)).hasMessageEndingWith("found: nothing");
    }
}
