package dev.jinaclip.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files of jina-clip-v1 for one variant, in a folder laid out like the Hugging Face repo
 * {@code jinaai/jina-clip-v1}: {@code tokenizer.json}, {@code onnx/text_model.onnx}, {@code onnx/vision_model.onnx}.
 *
 * @param directory   the model folder
 * @param tokenizer   {@code tokenizer.json}
 * @param textModel   the text tower
 * @param visionModel the vision tower
 */
public record ModelFiles(Path directory, Path tokenizer, Path textModel, Path visionModel) {

    /** The tokenizer's path in the repo. */
    public static final String TOKENIZER = "tokenizer.json";

    public ModelFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(textModel, "textModel");
        Objects.requireNonNull(visionModel, "visionModel");
    }

    /** The repo paths a variant needs. */
    public static List<String> repoPaths(OnnxVariant variant) {
        return List.of(TOKENIZER, variant.textModelPath(), variant.visionModelPath());
    }

    /**
     * The files of {@code variant} in {@code directory}.
     *
     * @throws IllegalArgumentException if a file is missing; the message lists what is missing and what was found
     */
    public static ModelFiles in(Path directory, OnnxVariant variant) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(variant, "variant");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Model folder " + directory.toAbsolutePath() + " does not exist;"
                    + " it should hold " + String.join(", ", repoPaths(variant)));
        }
        List<String> missing = new ArrayList<>();
        for (String path : repoPaths(variant)) {
            if (!Files.isRegularFile(directory.resolve(path))) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Model folder " + directory.toAbsolutePath() + " lacks "
                    + String.join(", ", missing) + " for variant " + variant + "; found: " + found(directory));
        }
        return new ModelFiles(directory, directory.resolve(TOKENIZER),
                directory.resolve(variant.textModelPath()), directory.resolve(variant.visionModelPath()));
    }

    private static String found(Path directory) {
        List<String> files = new ArrayList<>();
        for (Path folder : List.of(directory, directory.resolve("onnx"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(Files::isRegularFile)
                        .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list model folder " + folder, e);
            }
        }
        files.sort(null);
        return files.isEmpty() ? "nothing" : String.join(", ", files);
    }
}
