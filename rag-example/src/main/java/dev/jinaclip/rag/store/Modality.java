package dev.jinaclip.rag.store;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.Locale;

/** What an entry of the embedding store came from: a passage of a text file, or an image. */
public enum Modality {

    /** A passage of a .md or .txt file; the segment's text is the passage. */
    TEXT,

    /** An image; the segment's text is a short label ("Image astronaut.jpg"), its vector is the picture's. */
    IMAGE;

    /** The value stored under {@link EntryMetadata#MODALITY}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A store filter that keeps only entries of this modality. */
    public Filter filter() {
        return metadataKey(EntryMetadata.MODALITY).isEqualTo(value());
    }

    /**
     * The modality of a stored segment.
     *
     * @throws IllegalArgumentException if the segment was not stored by this app
     */
    public static Modality of(TextSegment segment) {
        String value = segment.metadata().getString(EntryMetadata.MODALITY);
        if (value == null) {
            throw new IllegalArgumentException("Segment without " + EntryMetadata.MODALITY + " metadata: " + segment);
        }
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
