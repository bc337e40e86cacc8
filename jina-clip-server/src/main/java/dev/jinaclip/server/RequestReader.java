package dev.jinaclip.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.api.JinaClipApiConfig;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.JinaClipModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a request body (already parsed JSON) into an {@link EmbeddingsRequest} for the served model, refusing
 * what the hosted API refuses: unknown fields and wrong types (422), another model or too many inputs (400); and
 * what this server refuses: image URLs unless the engine fetches them (400), images over its limits (413).
 */
final class RequestReader implements AutoCloseable {

    private final JinaClipModel model;
    private final ImageLimits imageLimits;
    private final ImageDownloads imageDownloads;

    /** @param imageDownloads how image URLs are downloaded, or {@code null} if the engine fetches none */
    RequestReader(JinaClipModel model, ImageLimits imageLimits, ImageDownloads imageDownloads) {
        this.model = model;
        this.imageLimits = imageLimits;
        this.imageDownloads = imageDownloads;
    }

    EmbeddingsRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalidField("body", "model_attributes_type", "the body is not a JSON object");
        }
        Set<String> fields = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        RequestShape shape = RequestShape.of(fields);
        Set<String> allowed = shape.fields(model);
        for (String field : fields) {
            if (!allowed.contains(field)) {
                throw ApiProblem.invalidField(field, "extra_forbidden", "Extra inputs are not permitted ("
                        + (shape == RequestShape.OPENAI ? "an OpenAI-shaped request, which has " : "")
                        + "fields " + allowed + " for " + model.modelName() + ")");
            }
        }
        checkModel(body.get("model"));
        List<ClipInput> inputs = inputs(body.get("input"), shape);
        if (shape == RequestShape.OPENAI) {
            checkDimensions(body.get("dimensions"));
            if (body.has("user") && !body.get("user").isTextual()) {
                throw ApiProblem.invalidField("user", "string_type", "Input should be a valid string");
            }
            return new EmbeddingsRequest(shape, inputs, encodingFormat(body.get("encoding_format")), true, false);
        }
        OutputType type = embeddingType(body.get("embedding_type"));
        boolean normalized = bool("normalized", body.get("normalized"), true);
        boolean truncate = bool("truncate", body.get("truncate"), false);
        // downloads last: a request refused for its fields costs no download
        if (inputs.stream().anyMatch(ClipInput.ImageUrl.class::isInstance)) {
            inputs = imageDownloads.resolve(inputs);
        }
        return new EmbeddingsRequest(shape, inputs, type, normalized, truncate);
    }

    private void checkModel(JsonNode value) {
        if (value == null || value.isNull()) {
            throw ApiProblem.invalidField("model", "missing", "Field required");
        }
        if (!value.isTextual()) {
            throw ApiProblem.invalidField("model", "string_type", "Input should be a valid string");
        }
        if (!model.modelName().equals(value.asText())) {
            throw ApiProblem.of(400, "INPUT_MODEL_NOT_FOUND", "Model '" + value.asText()
                    + "' is not served here; this server serves " + model.modelName());
        }
    }

    private void checkDimensions(JsonNode value) {
        if (value != null && !value.isNull() && !model.supportsDimensions()) {
            throw ApiProblem.of(400, "INPUT_DIMENSIONS_NOT_SUPPORTED", model.modelName() + " has a fixed "
                    + model.dimension() + " dimensions and takes no 'dimensions'; leave it out");
        }
    }

    private List<ClipInput> inputs(JsonNode value, RequestShape shape) {
        if (value == null || value.isNull()) {
            throw ApiProblem.invalidField("input", "missing", "Field required");
        }
        if (!value.isArray()) {
            return List.of(input(value, 0, shape));
        }
        if (value.isEmpty()) {
            throw ApiProblem.of(400, "INPUT_EMPTY", "input is an empty list: send at least one input");
        }
        if (value.size() > JinaClipApiConfig.MAX_INPUTS_PER_REQUEST) {
            // the hosted API's own words
            throw ApiProblem.of(400, "INPUT_TOO_MANY", "input length is larger than the largest allowed size "
                    + JinaClipApiConfig.MAX_INPUTS_PER_REQUEST + " (was " + value.size() + ")");
        }
        List<ClipInput> inputs = new ArrayList<>(value.size());
        Iterator<JsonNode> items = value.elements();
        for (int position = 0; items.hasNext(); position++) {
            inputs.add(input(items.next(), position, shape));
        }
        return inputs;
    }

    private ClipInput input(JsonNode item, int position, RequestShape shape) {
        String field = "input[" + position + "]";
        if (item.isTextual()) {
            return ClipInput.text(item.asText());
        }
        if (shape == RequestShape.OPENAI) {
            throw ApiProblem.invalidField(field, "string_type", "an OpenAI-shaped request takes texts only"
                    + (item.isNumber() || item.isArray() ? " (token arrays are not supported)" : "")
                    + "; send images in the Jina shape, {\"image\": <base64>}");
        }
        if (!item.isObject() || item.size() != 1 || !(item.has("text") || item.has("image"))) {
            throw ApiProblem.invalidField(field, "union_tag_invalid",
                    "an input is a string, {\"text\": <string>} or {\"image\": <URL or base64>}");
        }
        JsonNode content = item.has("text") ? item.get("text") : item.get("image");
        if (!content.isTextual()) {
            throw ApiProblem.invalidField(field, "string_type", "Input should be a valid string");
        }
        return item.has("text") ? ClipInput.text(content.asText()) : image(content.asText(), position);
    }

    private ClipInput image(String value, int position) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return imageUrl(value.strip(), position);
        }
        // base64, raw or as a data: URI; never a file: URL, which would read the server's disk
        return imageLimits.image(value, position);
    }

    private ClipInput imageUrl(String url, int position) {
        if (imageDownloads == null) {
            throw ApiProblem.of(400, "INPUT_REMOTE_IMAGE_OFF", "Input " + position
                    + ": this server does not fetch image URLs (spring.ai.jina-clip.onnx.fetch-remote-images is"
                    + " off); send the image as base64");
        }
        try {
            // downloaded once the whole body has been read (ImageDownloads)
            return ClipInput.imageUrl(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(400, "INVALID_INPUT", "Input " + position + ": image URL " + url
                    + " is not a valid URL (" + e.getMessage() + ")");
        }
    }

    private static OutputType embeddingType(JsonNode value) {
        if (value != null && value.isArray()) {
            // the hosted API takes a list, but how it answers one is not documented: refuse rather than guess
            throw ApiProblem.invalidField("embedding_type", "string_type", "this server takes one embedding_type,"
                    + " not a list (" + value + "): send one request per type");
        }
        return outputType("embedding_type", value, false);
    }

    private static OutputType encodingFormat(JsonNode value) {
        return outputType("encoding_format", value, true);
    }

    private static OutputType outputType(String field, JsonNode value, boolean openAiOnly) {
        if (value == null || value.isNull()) {
            return OutputType.FLOAT;
        }
        Optional<OutputType> type = value.isTextual() ? OutputType.of(value.asText()) : Optional.empty();
        if (type.isPresent() && (type.get().openAi() || !openAiOnly)) {
            return type.get();
        }
        List<String> accepted = Arrays.stream(OutputType.values()).filter(t -> t.openAi() || !openAiOnly)
                .map(OutputType::apiValue).toList();
        throw ApiProblem.invalidField(field, "enum", "Input should be one of " + accepted + ", not " + value
                + (openAiOnly && type.isPresent() ? " (sign-packed vectors are the Jina shape's embedding_type)" : ""));
    }

    private static boolean bool(String field, JsonNode value, boolean absent) {
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw ApiProblem.invalidField(field, "bool_type", "Input should be a valid boolean");
        }
        return value.asBoolean();
    }

    /** Cancels the image downloads in progress. */
    @Override
    public void close() {
        if (imageDownloads != null) {
            imageDownloads.close();
        }
    }
}
