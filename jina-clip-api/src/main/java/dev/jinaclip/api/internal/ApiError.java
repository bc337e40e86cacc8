package dev.jinaclip.api.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An error body: {@code {"detail", "code", "request_id"}}, where {@code detail} is a string or a FastAPI list
 * of {@code {"loc", "msg"}}, and 422 answers may add {@code "errors": [{"field", "message"}]}.
 *
 * @param detail           the detail text, with any validation errors appended; null if none
 * @param validationErrors each validation error as "location: message"
 */
public record ApiError(String code, String detail, List<String> validationErrors, String requestId) {

    public static ApiError parse(byte[] body) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : Json.MAPPER.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            // a proxy's HTML page or plain text: keep its start as the detail
            String text = new String(body, StandardCharsets.UTF_8);
            return new ApiError(null, text.isBlank() ? null : Snippet.of(text), List.of(), null);
        }
        List<String> errors = new ArrayList<>();
        String detail = null;
        JsonNode detailNode = root.get("detail");
        if (detailNode != null && detailNode.isArray()) {
            detailNode.forEach(e -> errors.add(validationError(e.get("loc"), e.get("msg"))));
        } else if (detailNode != null && !detailNode.isNull()) {
            detail = detailNode.isTextual() ? detailNode.asText() : detailNode.toString();
        }
        JsonNode errorsNode = root.get("errors");
        if (errorsNode != null && errorsNode.isArray()) {
            errorsNode.forEach(e -> errors.add(validationError(e.get("field"), e.get("message"))));
        }
        if (!errors.isEmpty()) {
            String joined = String.join("; ", errors);
            detail = detail == null ? joined : detail + ": " + joined;
        }
        return new ApiError(text(root.get("code")), detail, List.copyOf(errors), text(root.get("request_id")));
    }

    private static String validationError(JsonNode location, JsonNode message) {
        String where;
        if (location == null || location.isNull()) {
            where = "";
        } else if (location.isArray()) {
            List<String> parts = new ArrayList<>();
            location.forEach(p -> parts.add(p.asText()));
            where = String.join(".", parts);
        } else {
            where = location.asText();
        }
        String what = message == null || message.isNull() ? "invalid" : message.asText();
        return where.isEmpty() ? what : where + ": " + what;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
