package dev.jinaclip.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The jina-clip models that the hosted API serves, with what their request schema accepts.
 */
public enum JinaClipModelName {

    /** jina-clip-v1: 768 dimensions, 224×224 images; requests carry no {@code dimensions} and no {@code task}. */
    JINA_CLIP_V1("jina-clip-v1", 768, false),

    /** jina-clip-v2: 1024 dimensions (Matryoshka, truncatable with {@code dimensions}), 512×512 images. */
    JINA_CLIP_V2("jina-clip-v2", 1024, true);

    private final String apiName;
    private final int dimension;
    private final boolean v2Schema;

    JinaClipModelName(String apiName, int dimension, boolean v2Schema) {
        this.apiName = apiName;
        this.dimension = dimension;
        this.v2Schema = v2Schema;
    }

    /** The name sent as {@code model}. */
    public String apiName() {
        return apiName;
    }

    /** The full dimension of the model's vectors. */
    public int dimension() {
        return dimension;
    }

    /** Whether the request schema has {@code dimensions} (1 to the full dimension). */
    public boolean supportsDimensions() {
        return v2Schema;
    }

    /** Whether the request schema has {@code task} (only {@code retrieval.query}, for queries). */
    public boolean supportsQueryTask() {
        return v2Schema;
    }

    /**
     * The model with this API name.
     *
     * @throws IllegalArgumentException if no supported model has that name
     */
    public static JinaClipModelName fromApiName(String name) {
        for (JinaClipModelName model : values()) {
            if (model.apiName.equals(name)) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unsupported modelName '" + name + "'; supported: "
                + Arrays.stream(values()).map(JinaClipModelName::apiName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return apiName;
    }
}
