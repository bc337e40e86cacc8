package dev.jinaclip.api.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of {@code POST /v1/embeddings}. Null fields are left out, so a jina-clip-v1 request carries only
 * {@code model}, {@code input}, {@code embedding_type}, {@code normalized} and {@code truncate}.
 *
 * @param input plain strings when the batch is all text, else {@link InputItem}s
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingRequestBody(
        @JsonProperty("model") String model,
        @JsonProperty("input") List<Object> input,
        @JsonProperty("embedding_type") String embeddingType,
        @JsonProperty("normalized") Boolean normalized,
        @JsonProperty("truncate") Boolean truncate,
        @JsonProperty("dimensions") Integer dimensions,
        @JsonProperty("task") String task) {
}
