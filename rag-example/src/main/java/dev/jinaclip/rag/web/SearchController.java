package dev.jinaclip.rag.web;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.IngestionReport;
import dev.jinaclip.rag.retrieval.InvalidSearchException;
import dev.jinaclip.rag.retrieval.SearchResponse;
import dev.jinaclip.rag.retrieval.SearchService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The JSON API behind the page.
 *
 * <ul>
 *   <li>{@code GET /api/search?q=...&k=...&answer=true}: search by text; with a chat model, also an answer;</li>
 *   <li>{@code POST /api/search/image} (multipart, part {@code image}, optional {@code k}): search by image;</li>
 *   <li>{@code POST /api/ingest}: bring the index up to date with the corpus folder;</li>
 *   <li>{@code GET /api/status}: the set-up, where indexing stands and the index.</li>
 * </ul>
 * Bad input gets HTTP 400 with a problem body (see {@link ApiErrors}); a run that fails or collides with another,
 * 500 or 409 (see {@link IngestionErrors}).
 */
@RestController
public class SearchController {

    private final SearchService search;
    private final CorpusIngestor ingestor;
    private final MultimodalEmbeddingModel model;
    private final RagProperties properties;
    private final Environment environment;
    private final @Nullable String chatModel;

    public SearchController(SearchService search, CorpusIngestor ingestor, MultimodalEmbeddingModel model,
            RagProperties properties, Environment environment) {
        this.search = search;
        this.ingestor = ingestor;
        this.model = model;
        this.properties = properties;
        this.environment = environment;
        this.chatModel = properties.chat().enabled() ? properties.chat().model() : null;
    }

    /** Searches by text. */
    @GetMapping("/api/search")
    public SearchResponse searchText(@RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable Integer k,
            @RequestParam(defaultValue = "true") boolean answer) {
        return search.searchText(query, k, answer);
    }

    /** Searches by an uploaded image. */
    @PostMapping(path = "/api/search/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public SearchResponse searchImage(@RequestPart(name = "image", required = false) @Nullable MultipartFile image,
            @RequestParam(required = false) @Nullable Integer k) {
        if (image == null) {
            throw new InvalidSearchException("No image: send the picture as the multipart part 'image'.");
        }
        try {
            return search.searchImage(image.getBytes(), image.getOriginalFilename(), k);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    /** Indexes what changed in the corpus folder, and returns once that is done. */
    @PostMapping("/api/ingest")
    public IngestionReport ingest() {
        return ingestor.ingest();
    }

    /** The set-up and the index. */
    @GetMapping("/api/status")
    public StatusResponse status() {
        boolean pgvector = Arrays.asList(environment.getActiveProfiles()).contains("pgvector");
        return new StatusResponse(environment.getProperty("spring.ai.jina-clip.backend", "api").toLowerCase(
                java.util.Locale.ROOT), model.modelName(), model.dimension(), pgvector ? "pgvector" : "in-memory",
                ingestor.corpusDir().toAbsolutePath().normalize().toString(), ingestor.status(), ingestor.lastReport(),
                search.generation(), chatModel, properties.search().defaultResults(),
                properties.search().maxResults(), properties.uploadMaxSize().toBytes());
    }
}
