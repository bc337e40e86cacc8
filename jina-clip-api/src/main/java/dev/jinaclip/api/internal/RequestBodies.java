package dev.jinaclip.api.internal;

import dev.jinaclip.core.internal.ResolvedInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jinaclip.core.JinaClipModel;
import java.util.ArrayList;
import java.util.List;

/** Writes request bodies with exactly the fields the chosen model's request schema accepts. */
public final class RequestBodies {

    private final JinaClipModel model;
    private final String embeddingType;
    private final boolean normalized;
    private final boolean truncate;
    private final Integer dimensions;

    public RequestBodies(JinaClipModel model, String embeddingType, boolean normalized, boolean truncate,
                         Integer dimensions) {
        if (dimensions != null && !model.supportsDimensions()) {
            throw new IllegalArgumentException(model + " does not accept dimensions");
        }
        this.model = model;
        this.embeddingType = embeddingType;
        this.normalized = normalized;
        this.truncate = truncate;
        this.dimensions = dimensions;
    }

    /**
     * The JSON body for one batch.
     *
     * @param task {@code retrieval.query} for jina-clip-v2 queries, else {@code null}
     */
    public byte[] json(List<ResolvedInput> batch, String task) {
        if (task != null && !model.supportsQueryTask()) {
            throw new IllegalArgumentException(model + " does not accept task");
        }
        boolean allText = batch.stream().noneMatch(ResolvedInput::isImage);
        List<Object> input = new ArrayList<>(batch.size());
        for (ResolvedInput item : batch) {
            // an all-text batch goes as plain strings, the form every model accepts
            input.add(allText ? item.wireValue()
                    : item.isImage() ? InputItem.image(item.wireValue()) : InputItem.text(item.wireValue()));
        }
        EmbeddingRequestBody body = new EmbeddingRequestBody(
                model.modelName(), input, embeddingType, normalized, truncate, dimensions, task);
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the request body", e);
        }
    }
}
