package dev.jinaclip.evaluation.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.evaluation.data.DatasetFiles.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Images and their captions, the layout Flickr8k, Flickr30k and MSCOCO captions convert to. Two forms, told
 * apart by the file's extension:
 * <ul>
 *   <li>{@code .tsv}: the header {@code image<TAB>caption}, then one line per caption: the image's path, a tab,
 *       the caption. An image with five captions has five lines; its lines need not be adjacent.</li>
 *   <li>{@code .jsonl}: one JSON object per image, {@code {"image": "path", "captions": ["...", "..."]}}.</li>
 * </ul>
 * Relative image paths are resolved against the images folder: the one given, else the captions file's folder.
 * Images keep the order of their first appearance; captions keep file order.
 *
 * @param file   the captions file
 * @param images the images, each with at least one caption
 */
public record CaptionsDataset(Path file, List<Image> images) {

    /** The TSV header. */
    static final String TSV_HEADER = "image\tcaption";

    public CaptionsDataset {
        images = List.copyOf(images);
    }

    /** One image and its captions. */
    public record Image(Path path, List<String> captions) {
        public Image {
            captions = List.copyOf(captions);
        }
    }

    /** How many captions there are in all. */
    public int captionCount() {
        return images.stream().mapToInt(image -> image.captions().size()).sum();
    }

    /**
     * Reads {@code file}.
     *
     * @param imagesDirectory where relative image paths start; {@code null}: the captions file's folder
     * @throws DatasetException naming the file and line, for anything not in the format or an image not found
     */
    public static CaptionsDataset read(Path file, Path imagesDirectory) {
        Path base = imagesDirectory != null ? imagesDirectory
                : file.toAbsolutePath().getParent();
        if (imagesDirectory != null) {
            DatasetFiles.requireDirectory(imagesDirectory);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Map<Path, List<String>> captions;
        if (name.endsWith(".tsv")) {
            captions = readTsv(file, base);
        } else if (name.endsWith(".jsonl")) {
            captions = readJsonLines(file, base);
        } else {
            throw new DatasetException(file, "a captions file must end in .tsv or .jsonl");
        }
        if (captions.isEmpty()) {
            throw new DatasetException(file, "holds no captions");
        }
        List<Image> images = new ArrayList<>(captions.size());
        captions.forEach((path, texts) -> images.add(new Image(path, texts)));
        return new CaptionsDataset(file, images);
    }

    private static Map<Path, List<String>> readTsv(Path file, Path base) {
        List<Line> lines = DatasetFiles.lines(file);
        if (lines.isEmpty() || !lines.get(0).text().strip().equals(TSV_HEADER)) {
            throw new DatasetException(file, lines.isEmpty() ? 1 : lines.get(0).number(),
                    "the first line must be the header \"" + TSV_HEADER.replace("\t", "<TAB>") + "\"");
        }
        Map<Path, List<String>> captions = new LinkedHashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            String[] fields = line.text().split("\t", -1);
            if (fields.length != 2) {
                throw line.error("expected 2 tab-separated fields (image, caption), found " + fields.length);
            }
            Path image = image(line, base, fields[0]);
            captions.computeIfAbsent(image, path -> new ArrayList<>()).add(caption(line, fields[1]));
        }
        return captions;
    }

    private static Map<Path, List<String>> readJsonLines(Path file, Path base) {
        Map<Path, List<String>> captions = new LinkedHashMap<>();
        for (Line line : DatasetFiles.lines(file)) {
            JsonNode object = DatasetFiles.object(line);
            Path image = image(line, base, DatasetFiles.string(line, object, "image"));
            JsonNode array = object.get("captions");
            if (array == null || !array.isArray() || array.isEmpty()) {
                throw line.error("\"captions\" must be a non-empty array of strings");
            }
            List<String> texts = new ArrayList<>(array.size());
            for (JsonNode caption : array) {
                if (!caption.isTextual()) {
                    throw line.error("\"captions\" must be a non-empty array of strings");
                }
                texts.add(caption(line, caption.asText()));
            }
            if (captions.putIfAbsent(image, texts) != null) {
                throw line.error("image " + image + " appears on two lines; give all its captions on one");
            }
        }
        return captions;
    }

    private static Path image(Line line, Path base, String path) {
        if (path.isBlank()) {
            throw line.error("no image path");
        }
        Path image = base.resolve(path.strip()).normalize();
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
            throw line.error("image not found or not readable: " + image);
        }
        if (!DatasetFiles.isImageName(image)) {
            throw line.error(DatasetFiles.notAnImageName() + ": " + image);
        }
        return image;
    }

    private static String caption(Line line, String caption) {
        if (caption.isBlank()) {
            throw line.error("empty caption");
        }
        return caption.strip();
    }
}
