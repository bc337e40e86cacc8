package dev.jinaclip.api;

/**
 * How the API returns vectors. Both give the same float32 values; {@code BASE64} is about a quarter of the
 * response size of {@code FLOAT}'s JSON numbers.
 */
public enum EmbeddingType {

    /** JSON arrays of numbers. */
    FLOAT("float"),

    /** Base64 strings of little-endian float32 values, decoded by the client. */
    BASE64("base64");

    private final String apiValue;

    EmbeddingType(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The value sent as {@code embedding_type}. */
    public String apiValue() {
        return apiValue;
    }

    /** The API's spelling, which configuration uses too. */
    @Override
    public String toString() {
        return apiValue;
    }
}
