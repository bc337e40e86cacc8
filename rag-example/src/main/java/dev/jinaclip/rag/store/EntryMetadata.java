package dev.jinaclip.rag.store;

/**
 * The metadata keys of the segments this app stores, so that any LangChain4j store (in-memory, pgvector) can
 * filter on them and the page can show where a result came from.
 */
public final class EntryMetadata {

    /** The file's path relative to the corpus folder, with forward slashes ({@code images/astronaut.jpg}). */
    public static final String SOURCE = "source";

    /** {@code text} or {@code image}: see {@link Modality}. */
    public static final String MODALITY = "modality";

    /** The file's media type ({@code text/markdown}, {@code image/jpeg}, ...). */
    public static final String MEDIA_TYPE = "media_type";

    /** The SHA-256 of the file's content, in hex. */
    public static final String SHA256 = "sha256";

    /** The position of a passage within its file, from 0. */
    public static final String PASSAGE = "passage";

    /** The file name of an image's thumbnail in the data folder's {@code thumbnails/}. */
    public static final String THUMBNAIL = "thumbnail";

    private EntryMetadata() {
    }
}
