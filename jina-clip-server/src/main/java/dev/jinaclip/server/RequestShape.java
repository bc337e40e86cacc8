package dev.jinaclip.server;

import dev.jinaclip.core.JinaClipModel;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two request shapes the endpoint accepts. A body with a field only OpenAI's request has
 * ({@code encoding_format}, {@code dimensions}, {@code user}) is read as OpenAI's; any other body as the Jina
 * API's, whose fields are the model's {@link JinaClipModel#requestFields()}. A body mixing both shapes' own fields
 * is refused (422), so nothing is read under the wrong meaning.
 */
enum RequestShape {

    JINA, OPENAI;

    /** The fields only OpenAI's embeddings request has. */
    static final Set<String> OPENAI_ONLY = Set.of("encoding_format", "dimensions", "user");

    /** The shape of a body with these fields. */
    static RequestShape of(Set<String> fields) {
        return fields.stream().anyMatch(OPENAI_ONLY::contains) ? OPENAI : JINA;
    }

    /** The fields a body of this shape may have. */
    Set<String> fields(JinaClipModel model) {
        Set<String> fields = new TreeSet<>(this == JINA ? model.requestFields() : OPENAI_ONLY);
        fields.add("model");
        fields.add("input");
        return fields;
    }
}
