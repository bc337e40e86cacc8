package dev.jinaclip.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One input of a mixed batch: {@code {"text": ...}} or {@code {"image": <URL or raw base64>}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputItem(@JsonProperty("text") String text, @JsonProperty("image") String image) {

    public static InputItem text(String text) {
        return new InputItem(text, null);
    }

    public static InputItem image(String urlOrBase64) {
        return new InputItem(null, urlOrBase64);
    }
}
