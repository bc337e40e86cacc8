package dev.jinaclip.rag.ingest;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.jinaclip.rag.store.StoreCheckpoint;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the embedding store up to date with the corpus folder. Texts are split into passages with LangChain4j's
 * {@link DocumentSplitters#recursive}, images are embedded as pictures and get a thumbnail; every entry keeps its
 * source path, modality and media type as metadata ({@link EntryMetadata}).
 *
 * <p>A run re-embeds only what changed: a file whose SHA-256 is the one in the {@link IngestionLedger} is
 * skipped, a changed file's old entries are replaced, and the entries of a deleted file are removed. A file that
 * cannot be used (unreadable, not UTF-8, not a decodable image) is reported and skipped, and the rest of the
 * corpus is indexed regardless. One run at a time: a run asked for while one is under way is refused.
 *
 * <p>Each file's cost on the hosted API ({@link HostedCost}) is kept in the ledger beside its hash, so the report
 * says what the whole corpus costs without counting unchanged files again.
 *
 * <p>{@link #status()} tells where indexing stands (state, files done of the total, the current file), for the
 * page, the API and the readiness of the app.
 */
public class CorpusIngestor {

    private static final Logger log = LoggerFactory.getLogger(CorpusIngestor.class);

    private final MultimodalEmbeddingModel model;
    private final String embedder;
    private final EmbeddingStore<TextSegment> store;
    private final StoreCheckpoint checkpoint;
    private final Path corpusDir;
    private final Path dataDir;
    private final List<String> exclude;
    private final DocumentSplitter splitter;
    private final Thumbnails thumbnails;
    private final TokenEstimator hostedTokens;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<IndexingStatus> status;
    private volatile IngestionReport last;
    /** What the store holds: the ledger of the run under way or of the last one (as saved, before any run). */
    private volatile IngestionLedger held;

    /**
     * An ingestor of {@code rag.corpus-dir} into {@code store}, keeping its ledger in {@code rag.data-dir}.
     *
     * @param embedder names the model behind the vectors; when it differs from the ledger's, the corpus is
     *     embedded again
     * @param hostedTokens prices passages and images on the hosted API; it must change only with the embedder
     */
    public CorpusIngestor(MultimodalEmbeddingModel model, String embedder, EmbeddingStore<TextSegment> store,
            StoreCheckpoint checkpoint, Thumbnails thumbnails, TokenEstimator hostedTokens, RagProperties properties) {
        this.model = model;
        this.hostedTokens = hostedTokens;
        this.embedder = embedder;
        this.store = store;
        this.checkpoint = checkpoint;
        this.thumbnails = thumbnails;
        this.corpusDir = properties.corpusDir();
        this.dataDir = properties.dataDir();
        this.exclude = properties.exclude();
        this.splitter = DocumentSplitters.recursive(properties.passages().maxChars(),
                properties.passages().overlapChars());
        this.held = IngestionLedger.load(dataDir);
        // the web server answers before the runners start: a run that is about to start is already "indexing"
        this.status = new AtomicReference<>(properties.ingestOnStartup() ? IndexingStatus.started()
                : IndexingStatus.idle());
    }

    /** The folder this ingestor indexes. */
    public Path corpusDir() {
        return corpusDir;
    }

    /**
     * The file the index holds under this source path (its path relative to the corpus folder, with forward
     * slashes), with its real path; empty if the index does not hold it, or it is gone, or it is not a regular
     * file inside the corpus folder (a link leading out of the folder, say, even one swapped in since the file was
     * indexed).
     */
    public Optional<CorpusFile> indexedFile(String source) {
        if (held.entry(source).isEmpty()) {
            return Optional.empty();
        }
        Path path = corpusDir.resolve(source);
        CorpusRules rules = new CorpusRules(corpusDir, exclude);
        try {
            Path real = path.toRealPath();
            // the rules again, as the file may have been swapped for a link since it was indexed
            if (!rules.admitsListed(corpusDir.relativize(path)) || !rules.admitsTarget(real)
                    || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return CorpusScanner.classify(path, source).map(file -> new CorpusFile(real, file.source(),
                    file.modality(), file.mediaType()));
        } catch (IOException e) {
            return Optional.empty(); // gone, or unreadable: nothing to serve
        }
    }

    /** Whether an image the index holds has this thumbnail. */
    public boolean holdsThumbnail(String name) {
        return held.usesThumbnail(name);
    }

    /**
     * The report of the last run of this ingestor; before any, what the index holds according to the ledger (as
     * a run that changed nothing).
     */
    public IngestionReport lastReport() {
        IngestionReport report = last;
        if (report != null) {
            return report;
        }
        IngestionLedger ledger = held;
        return new IngestionReport(ledger.sources().size(), 0, 0, ledger.sources().size(), 0, List.of(),
                ledger.count(Modality.TEXT), ledger.count(Modality.IMAGE), 0, hostedCost(ledger));
    }

    /** Where indexing stands: idle before any run, then the state and progress of the current or last run. */
    public IndexingStatus status() {
        return status.get();
    }

    /**
     * Indexes what changed in the corpus folder since the last run.
     *
     * @throws CorpusUnavailableException if the corpus folder is missing, not a folder or cannot be listed
     * @throws IngestionFailedException if the embedding model or the store fails as a whole (no network, a
     *     rejected API key, a database that is down); what was indexed before stays
     * @throws IngestionInProgressException if a run is under way
     */
    public IngestionReport ingest() {
        if (!running.tryLock()) {
            throw new IngestionInProgressException(status.get());
        }
        return runLocked();
    }

    /**
     * Indexes what changed, as {@link #ingest()}, after waiting for a run under way to end (one asked for through
     * the API between the web server's start and the app's start-up run, say).
     */
    public IngestionReport ingestAfterRunUnderWay() {
        running.lock();
        return runLocked();
    }

    private IngestionReport runLocked() {
        try {
            status.set(IndexingStatus.started());
            IngestionReport report = run();
            status.set(status.get().finished());
            return report;
        } catch (CorpusUnavailableException e) {
            status.set(status.get().failed(e.getMessage()));
            log.error("Could not index the corpus: {}", e.getMessage()); // a set-up problem: no stack trace
            throw e;
        } catch (RuntimeException e) {
            String file = status.get().currentFile();
            IngestionFailedException failure = new IngestionFailedException("Indexing stopped"
                    + (file == null ? "" : " at " + file) + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()), e);
            status.set(status.get().failed(failure.getMessage()));
            log.error("Could not index the corpus: {}", failure.getMessage(), e);
            throw failure;
        } finally {
            running.unlock();
        }
    }

    private IngestionReport run() {
        long start = System.nanoTime();
        if (!Files.isDirectory(corpusDir)) {
            throw new CorpusUnavailableException("The corpus folder " + corpusDir.toAbsolutePath()
                    + (Files.exists(corpusDir) ? " is not a folder" : " does not exist")
                    + ": set rag.corpus-dir to a folder of .md, .txt and image files.", null);
        }
        IngestionLedger ledger = IngestionLedger.load(dataDir);
        held = ledger;
        if (!ledger.embedder().equals(embedder)) {
            if (!ledger.sources().isEmpty()) {
                log.warn("The index was built with another embedding model ({}); re-embedding the corpus with {}",
                        ledger.embedder(), embedder);
            }
            store.removeAll();
            ledger.reset(embedder);
        }
        List<CorpusFile> files = CorpusScanner.scan(corpusDir, exclude);
        status.set(status.get().indexing(0, files.size(), null));
        Set<String> present = files.stream().map(CorpusFile::source).collect(Collectors.toSet());
        int removed = 0;
        for (String source : ledger.sources()) {
            if (!present.contains(source)) {
                remove(ledger, source);
                removed++;
                log.info("Removed {}: no longer in the corpus", source);
            }
        }
        Counts counts = new Counts();
        for (int i = 0; i < files.size(); i++) {
            status.set(status.get().indexing(i, files.size(), files.get(i).source()));
            index(files.get(i), ledger, counts, "[" + (i + 1) + "/" + files.size() + "]");
        }
        status.set(status.get().indexing(files.size(), files.size(), null));
        checkpoint.save(); // the store first: a ledger never lists what the store lacks
        ledger.save();
        IngestionReport report = new IngestionReport(files.size(), counts.added, counts.updated, counts.unchanged,
                removed, List.copyOf(counts.failed), ledger.count(Modality.TEXT), ledger.count(Modality.IMAGE),
                (System.nanoTime() - start) / 1_000_000, hostedCost(ledger));
        last = report;
        log.info("Indexed {}: {} files ({} new, {} changed, {} unchanged, {} removed, {} failed): {} passages, {}"
                + " images in {} ms", corpusDir.toAbsolutePath(), report.files(), report.added(), report.updated(),
                report.unchanged(), report.removed(), report.failed().size(), report.passages(), report.images(),
                report.millis());
        return report;
    }

    private void index(CorpusFile file, IngestionLedger ledger, Counts counts, String progress) {
        Optional<IngestionLedger.Entry> old = ledger.entry(file.source());
        try {
            byte[] bytes = read(file);
            String sha256 = sha256(bytes);
            if (old.isPresent() && old.get().sha256().equals(sha256)) {
                if (old.get().hostedTokens() == null) { // indexed before the app counted costs
                    ledger.put(file.source(), old.get().withHostedTokens(file.modality() == Modality.TEXT
                            ? textTokens(segments(file, bytes, sha256)) : imageTokens(bytes)));
                }
                counts.unchanged++;
                return;
            }
            Entries entries = file.modality() == Modality.TEXT ? passages(file, bytes, sha256)
                    : image(file, bytes, sha256);
            try {
                // also for a file the ledger lacks: a run that failed may have stored it without saving the ledger
                store.removeAll(metadataKey(EntryMetadata.SOURCE).isEqualTo(file.source()));
                store.addAll(entries.ids(), entries.embeddings(), entries.segments());
            } catch (RuntimeException e) {
                deleteUnusedThumbnail(ledger, entries.thumbnail()); // the store failed: no entry shows it
                throw e;
            }
            ledger.put(file.source(), new IngestionLedger.Entry(sha256, file.modality().value(),
                    entries.segments().size(), entries.thumbnail(), entries.hostedTokens()));
            old.map(IngestionLedger.Entry::thumbnail).ifPresent(thumbnail -> deleteUnusedThumbnail(ledger, thumbnail));
            if (old.isPresent()) {
                counts.updated++;
            } else {
                counts.added++;
            }
            int passages = entries.segments().size();
            log.info("{} indexed {}: {}", progress, file.source(), file.modality() == Modality.IMAGE ? "image"
                    : passages + (passages == 1 ? " passage" : " passages"));
        } catch (UnusableFileException e) {
            counts.failed.add(new IngestionReport.Failure(file.source(), e.getMessage()));
            log.warn("{} skipped {}: {}", progress, file.source(), e.getMessage());
            if (old.isPresent()) {
                remove(ledger, file.source()); // its indexed content is gone; it is retried on the next run
            }
        }
    }

    private Entries passages(CorpusFile file, byte[] bytes, String sha256) throws UnusableFileException {
        List<TextSegment> segments = segments(file, bytes, sha256);
        List<Embedding> embeddings = model.embedAll(segments).content();
        return new Entries(ids(file, sha256, segments.size()), embeddings, segments, null, textTokens(segments));
    }

    /** The passages of a text file, as they are embedded. */
    private List<TextSegment> segments(CorpusFile file, byte[] bytes, String sha256) throws UnusableFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnusableFileException("it is not UTF-8 text", e);
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (text.isBlank()) {
            throw new UnusableFileException("it has no text", null);
        }
        List<TextSegment> split = splitter.split(Document.from(text));
        List<TextSegment> segments = new ArrayList<>(split.size());
        for (int i = 0; i < split.size(); i++) {
            segments.add(TextSegment.from(split.get(i).text(), metadata(file, sha256).put(EntryMetadata.PASSAGE, i)));
        }
        return segments;
    }

    private long textTokens(List<TextSegment> segments) {
        return segments.stream().mapToLong(segment -> hostedTokens.textTokens(segment.text())).sum();
    }

    private long imageTokens(byte[] bytes) throws UnusableFileException {
        try {
            return hostedTokens.imageTiles(bytes).tokens();
        } catch (IllegalArgumentException e) {
            throw new UnusableFileException(e.getMessage(), e); // a header the model's own reader got past
        }
    }

    private @Nullable HostedCost hostedCost(IngestionLedger ledger) {
        return ledger.hostedCost(hostedTokens.textCounter().exact());
    }

    private Entries image(CorpusFile file, byte[] bytes, String sha256) throws UnusableFileException {
        try {
            thumbnails.check(bytes); // from the header: a pixel bomb costs no decoding, here or in the model
            Image image = Image.builder().base64Data(Base64.getEncoder().encodeToString(bytes))
                    .mimeType(file.mediaType()).build();
            Embedding embedding = model.embed(image).content();
            long tokens = imageTokens(bytes);
            String thumbnail = thumbnails.write(bytes, sha256); // only for an image the model took
            TextSegment segment = TextSegment.from("Image " + file.path().getFileName(),
                    metadata(file, sha256).put(EntryMetadata.THUMBNAIL, thumbnail));
            return new Entries(ids(file, sha256, 1), List.of(embedding), List.of(segment), thumbnail, tokens);
        } catch (IllegalArgumentException | ImageDecodingException | InvalidRequestException e) {
            // the header checks, the model (an image that does not decode is an InvalidRequestException on both
            // backends) or the thumbnail's decoder refused it
            throw new UnusableFileException(e.getMessage(), e);
        }
    }

    private void remove(IngestionLedger ledger, String source) {
        store.removeAll(metadataKey(EntryMetadata.SOURCE).isEqualTo(source));
        Optional<String> thumbnail = ledger.entry(source).map(IngestionLedger.Entry::thumbnail);
        ledger.remove(source);
        thumbnail.ifPresent(name -> deleteUnusedThumbnail(ledger, name));
    }

    /** Deletes a thumbnail unless an indexed image still uses it (identical images share one). */
    private void deleteUnusedThumbnail(IngestionLedger ledger, @Nullable String name) {
        if (name != null && !ledger.usesThumbnail(name)) {
            thumbnails.delete(name);
        }
    }

    private static byte[] read(CorpusFile file) throws UnusableFileException {
        try {
            return Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UnusableFileException("it cannot be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static Metadata metadata(CorpusFile file, String sha256) {
        return new Metadata()
                .put(EntryMetadata.SOURCE, file.source())
                .put(EntryMetadata.MODALITY, file.modality().value())
                .put(EntryMetadata.MEDIA_TYPE, file.mediaType())
                .put(EntryMetadata.SHA256, sha256);
    }

    /** Stable ids, so the same content gets the same ids on every machine (pgvector needs UUIDs). */
    private static List<String> ids(CorpusFile file, String sha256, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.nameUUIDFromBytes((file.source() + "\n" + sha256 + "\n" + i)
                    .getBytes(StandardCharsets.UTF_8)).toString());
        }
        return ids;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Entries(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments,
            String thumbnail, long hostedTokens) {
    }

    private static final class Counts {
        int added;
        int updated;
        int unchanged;
        final List<IngestionReport.Failure> failed = new ArrayList<>();
    }
}
