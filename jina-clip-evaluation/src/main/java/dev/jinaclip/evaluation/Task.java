package dev.jinaclip.evaluation;

/** The four categories of jina-clip-v1's published benchmark table, in its column order. */
public enum Task {

    /** Text queries, text documents: a BEIR-style dataset. */
    TEXT_TEXT("text-text", "Text-Text (BEIR, R@" + Task.TABLE_K + ")"),
    /** Captions as queries, images as the gallery. */
    TEXT_TO_IMAGE("text-to-image", "Text-to-Image (R@" + Task.TABLE_K + ")"),
    /** Images as queries, captions as the gallery. */
    IMAGE_TO_TEXT("image-to-text", "Image-to-Text (R@" + Task.TABLE_K + ")"),
    /** Images as queries and as the gallery, relevant when of the same class. */
    IMAGE_IMAGE("image-image", "Image-Image (R@" + Task.TABLE_K + ")");

    /** The cut-off the published table reports: Recall@5. */
    public static final int TABLE_K = 5;

    private final String key;
    private final String column;

    Task(String key, String column) {
        this.key = key;
        this.column = column;
    }

    /** The name in the detail table and the JSON report. */
    public String key() {
        return key;
    }

    /** The column title in the published table's layout. */
    public String column() {
        return column;
    }
}
