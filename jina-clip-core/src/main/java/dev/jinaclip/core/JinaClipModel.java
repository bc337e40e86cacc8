package dev.jinaclip.core;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The jina-clip models and their facts: the single place where names, dimensions, image sizes and request fields
 * are declared. Both backends read them.
 */
public enum JinaClipModel {

    /**
     * jina-clip-v1: 768 dimensions, 224×224 images, served by the hosted API and runnable in process (its ONNX
     * export). The API's request schema has no {@code dimensions} and no {@code task}.
     */
    JINA_CLIP_V1("jina-clip-v1", "jinaai/jina-clip-v1", 768, false, 224, 1000,
            Set.of("model", "input", "embedding_type", "normalized", "truncate")),

    /**
     * jina-clip-v2: 1024 dimensions, truncatable with {@code dimensions} (Matryoshka), 512×512 images, text queries
     * embedded with the {@code retrieval.query} task; hosted API only.
     */
    JINA_CLIP_V2("jina-clip-v2", "jinaai/jina-clip-v2", 1024, true, 512, 4000,
            Set.of("model", "input", "embedding_type", "normalized", "truncate", "dimensions", "task"));

    /** The Hugging Face Hub revision that model files are taken from unless another is asked for. */
    public static final String DEFAULT_REVISION = "main";

    private final String modelName;
    private final String repoId;
    private final int dimension;
    private final boolean matryoshka;
    private final int imageSize;
    private final int tokensPerImageTile;
    private final Set<String> requestFields;

    JinaClipModel(String modelName, String repoId, int dimension, boolean matryoshka, int imageSize,
                  int tokensPerImageTile, Set<String> requestFields) {
        this.modelName = modelName;
        this.repoId = repoId;
        this.dimension = dimension;
        this.matryoshka = matryoshka;
        this.imageSize = imageSize;
        this.tokensPerImageTile = tokensPerImageTile;
        this.requestFields = requestFields;
    }

    /** The model's name, as the hosted API's {@code model} field and in results. */
    public String modelName() {
        return modelName;
    }

    /** The Hugging Face Hub repository of its weights. */
    public String repoId() {
        return repoId;
    }

    /** The full length of its vectors. */
    public int dimension() {
        return dimension;
    }

    /** Whether its vectors may be truncated to fewer dimensions (1 to {@link #dimension()}) and stay useful. */
    public boolean matryoshka() {
        return matryoshka;
    }

    /** Side of the square image the vision tower takes, in pixels. */
    public int imageSize() {
        return imageSize;
    }

    /**
     * Side of the square tile that the hosted API bills images by, in pixels: the image size. An image costs
     * {@link #tokensPerImageTile()} per tile, tiles counted by rounding each side up.
     */
    public int imageTileSize() {
        return imageSize;
    }

    /** Tokens the hosted API bills per image tile. */
    public int tokensPerImageTile() {
        return tokensPerImageTile;
    }

    /** The fields of the hosted API's request schema for this model; others are answered 422. */
    public Set<String> requestFields() {
        return requestFields;
    }

    /** Whether the request schema has {@code dimensions}. */
    public boolean supportsDimensions() {
        return requestFields.contains("dimensions");
    }

    /** Whether the request schema has {@code task} ({@code retrieval.query}, for text queries). */
    public boolean supportsQueryTask() {
        return requestFields.contains("task");
    }

    /**
     * The model of that name.
     *
     * @throws IllegalArgumentException naming the supported models, if none has that name
     */
    public static JinaClipModel fromName(String name) {
        for (JinaClipModel model : values()) {
            if (model.modelName.equals(name)) {
                return model;
            }
        }
        throw new IllegalArgumentException("Unsupported model '" + name + "'; supported: "
                + Arrays.stream(values()).map(JinaClipModel::modelName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return modelName;
    }
}
