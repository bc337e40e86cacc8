package dev.jinaclip.rag.ingest;

import dev.jinaclip.rag.store.Modality;
import java.nio.file.Path;

/**
 * A file of the corpus that the app indexes.
 *
 * @param path where it is
 * @param source its path relative to the corpus folder, with forward slashes: its key in the store and ledger
 * @param modality whether it is split into passages or indexed as an image
 * @param mediaType its media type, from its extension
 */
public record CorpusFile(Path path, String source, Modality modality, String mediaType) {
}
