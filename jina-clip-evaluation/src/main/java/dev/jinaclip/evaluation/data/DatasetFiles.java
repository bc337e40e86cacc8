package dev.jinaclip.evaluation.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reading the datasets' files: numbered lines, JSON Lines objects, image paths. */
final class DatasetFiles {

    /** The image file names accepted, by extension: what both backends decode. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "webp", "tif", "tiff");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetFiles() {
    }

    /** One line of a file and its number, counted from 1. */
    record Line(Path file, int number, String text) {
        DatasetException error(String problem) {
            return new DatasetException(file, number, problem);
        }
    }

    /** The file's lines, UTF-8 (a leading byte order mark removed), with their numbers; blank lines left out. */
    static List<Line> lines(Path file) {
        requireFile(file);
        List<String> all;
        try {
            all = Files.readAllLines(file);
        } catch (CharacterCodingException e) {
            throw new DatasetException(file, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new DatasetException(file, "cannot be read", e);
        }
        List<Line> lines = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            String text = i == 0 && all.get(0).startsWith("\uFEFF") ? all.get(0).substring(1) : all.get(i);
            if (!text.isBlank()) {
                lines.add(new Line(file, i + 1, text));
            }
        }
        return lines;
    }

    /** The line as a JSON object. */
    static JsonNode object(Line line) {
        JsonNode node;
        try {
            node = JSON.readTree(line.text());
        } catch (JsonProcessingException e) {
            throw line.error("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw line.error("not a JSON object");
        }
        return node;
    }

    /** A field that must hold a string (or a number, for ids). */
    static String string(Line line, JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw line.error("no \"" + field + "\"");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw line.error("\"" + field + "\" is not a string");
        }
        return value.asText();
    }

    /** A field that may be absent or null (then empty) and otherwise holds a string. */
    static String optionalString(Line line, JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw line.error("\"" + field + "\" is not a string");
        }
        return value.asText();
    }

    static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file, Files.exists(file) ? "not a file" : "not found");
        }
        if (!Files.isReadable(file)) {
            throw new DatasetException(file, "cannot be read");
        }
    }

    static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new DatasetException(directory, Files.exists(directory) ? "not a folder" : "not found");
        }
    }

    /** The problem of a file whose name has none of the {@link #IMAGE_EXTENSIONS}. */
    static String notAnImageName() {
        return "not an image file name (accepted: "
                + String.join(", ", IMAGE_EXTENSIONS.stream().sorted().map(e -> "." + e).toList()) + ")";
    }

    /** Whether the name ends in one of {@link #IMAGE_EXTENSIONS}. */
    static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
