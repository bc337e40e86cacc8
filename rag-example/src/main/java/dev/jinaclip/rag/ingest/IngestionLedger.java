package dev.jinaclip.rag.ingest;

import dev.jinaclip.rag.store.Modality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which corpus files are in the store, with the content hash they were indexed at, kept in
 * {@code <data-dir>/ledger.json}: what lets a run skip unchanged files and remove deleted ones without reading
 * the store back. It also names the embedding model the store was built with, so that a change of model
 * re-embeds everything instead of mixing vectors of two models. One run changes it at a time; other threads may
 * read it meanwhile (which files may be served).
 */
final class IngestionLedger {

    /** The ledger file's name in the data folder. */
    static final String FILE_NAME = "ledger.json";

    private static final Logger log = LoggerFactory.getLogger(IngestionLedger.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int VERSION = 1;

    private final Path file;
    private volatile String embedder;
    private final Map<String, Entry> files;

    private IngestionLedger(Path file, String embedder, Map<String, Entry> files) {
        this.file = file;
        this.embedder = embedder;
        this.files = new ConcurrentSkipListMap<>(files); // sorted, and readable while a run changes it
    }

    /** The ledger in {@code dataDir}, or an empty one when there is none or it cannot be read. */
    static IngestionLedger load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return new IngestionLedger(file, "", Map.of());
        }
        try {
            State state = JSON.readValue(file.toFile(), State.class);
            return new IngestionLedger(file, state.embedder(), state.files());
        } catch (JacksonException e) {
            log.warn("Ignoring the unreadable ingestion ledger {} ({}): every file is indexed again", file,
                    e.getOriginalMessage());
            return new IngestionLedger(file, "", Map.of());
        }
    }

    /** Writes the ledger, through a temporary file. */
    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), new State(VERSION, embedder, files));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingestion ledger " + file.toAbsolutePath(), e);
        }
    }

    /** The embedding model the indexed vectors come from ("" when nothing is indexed yet). */
    String embedder() {
        return embedder;
    }

    /** Forgets every file, for a store emptied because its vectors came from another model. */
    void reset(String embedder) {
        this.embedder = embedder;
        files.clear();
    }

    Optional<Entry> entry(String source) {
        return Optional.ofNullable(files.get(source));
    }

    Set<String> sources() {
        return Set.copyOf(files.keySet());
    }

    void put(String source, Entry entry) {
        files.put(source, entry);
    }

    void remove(String source) {
        files.remove(source);
    }

    /** Whether an indexed image still uses this thumbnail (identical images share one). */
    boolean usesThumbnail(String name) {
        return files.values().stream().anyMatch(entry -> name.equals(entry.thumbnail()));
    }

    /** How many store entries (passages, or images) of this modality the ledger lists. */
    int count(Modality modality) {
        return files.values().stream().filter(e -> e.modality().equals(modality.value()))
                .mapToInt(Entry::entries).sum();
    }

    /**
     * What the files the ledger lists cost on the hosted API; null while a file lacks its count (a ledger written
     * before the app counted them: the next run counts them).
     */
    @Nullable HostedCost hostedCost(boolean exactText) {
        long text = 0;
        long image = 0;
        for (Entry entry : files.values()) {
            if (entry.hostedTokens() == null) {
                return null;
            }
            if (entry.modality().equals(Modality.IMAGE.value())) {
                image += entry.hostedTokens();
            } else {
                text += entry.hostedTokens();
            }
        }
        return new HostedCost(text + image, text, image, exactText);
    }

    /**
     * One indexed file.
     *
     * @param sha256 the content hash it was indexed at
     * @param modality {@code text} or {@code image}
     * @param entries how many store entries it has (passages; 1 for an image)
     * @param thumbnail an image's thumbnail file name, else null
     * @param hostedTokens what embedding it costs on the hosted API; null in a ledger written before it was counted
     */
    record Entry(String sha256, String modality, int entries, @Nullable String thumbnail,
            @Nullable Long hostedTokens) {

        Entry withHostedTokens(long tokens) {
            return new Entry(sha256, modality, entries, thumbnail, tokens);
        }
    }

    /** The file's content. */
    record State(int version, String embedder, Map<String, Entry> files) {
    }
}
