package dev.jinaclip.rag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the example app, under {@code rag.*}. The embedding model's own settings are
 * {@code spring.ai.jina-clip.*} (see docs/spring-ai.md).
 *
 * @param corpusDir the folder to index: .md and .txt files are split into passages, .jpg, .jpeg, .png, .webp and
 *     .gif files are indexed as images; other files and hidden files are ignored
 * @param dataDir where the app keeps what it derives from the corpus: the embedding store file (in-memory
 *     store), the ingestion ledger and the thumbnails
 * @param exclude glob patterns, relative to the corpus folder, of files not to index
 * @param ingestOnStartup whether to bring the index up to date with the corpus when the app starts
 * @param passages how texts are split into passages
 * @param thumbnailSize the longer side of an image's thumbnail, in pixels
 * @param uploadMaxSize the largest image a search may upload
 * @param search result counts and fusion settings
 * @param chat the optional chat model that writes answers
 * @param pgvector the PostgreSQL table of the {@code pgvector} profile
 */
@ConfigurationProperties("rag")
public record RagProperties(
        @DefaultValue("corpus") Path corpusDir,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("LICENSES.md") List<String> exclude,
        @DefaultValue("true") boolean ingestOnStartup,
        @DefaultValue Passages passages,
        @DefaultValue("320") int thumbnailSize,
        @DefaultValue("8MB") DataSize uploadMaxSize,
        @DefaultValue Search search,
        @DefaultValue Chat chat,
        @DefaultValue Pgvector pgvector) {

    /** Checks the values, naming the property that is wrong. */
    public RagProperties {
        check(thumbnailSize >= 16 && thumbnailSize <= 2048, "rag.thumbnail-size must be 16 to 2048, not "
                + thumbnailSize);
        check(!uploadMaxSize.isNegative() && uploadMaxSize.toBytes() > 0, "rag.upload-max-size must be positive");
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * How texts are split, with LangChain4j's {@code DocumentSplitters.recursive}: by paragraph, then line, then
     * sentence, then word, into passages of at most {@code maxChars} characters.
     *
     * @param maxChars the longest passage, in characters (600 characters are about 150 tokens, well inside
     *     jina-clip-v1's 512)
     * @param overlapChars how many characters consecutive passages share
     */
    public record Passages(@DefaultValue("600") int maxChars, @DefaultValue("60") int overlapChars) {

        /** Checks the values. */
        public Passages {
            check(maxChars >= 50, "rag.passages.max-chars must be at least 50, not " + maxChars);
            check(overlapChars >= 0 && overlapChars < maxChars, "rag.passages.overlap-chars must be 0 or more and"
                    + " less than rag.passages.max-chars, not " + overlapChars);
        }
    }

    /**
     * Result counts and how the per-modality lists are fused.
     *
     * @param defaultResults results per search when the request gives no {@code k}
     * @param maxResults the largest {@code k} a request may ask for
     * @param rrfK the constant k of reciprocal rank fusion: each list contributes {@code weight / (rrfK + rank)}
     * @param textWeight the weight of the passage list in the fusion
     * @param imageWeight the weight of the image list in the fusion
     * @param minTextCosine passages below this cosine similarity to the query are dropped (-1: none are)
     * @param minImageCosine images below this cosine similarity to the query are dropped (-1: none are)
     */
    public record Search(
            @DefaultValue("12") int defaultResults,
            @DefaultValue("50") int maxResults,
            @DefaultValue("60") int rrfK,
            @DefaultValue("1.0") double textWeight,
            @DefaultValue("1.0") double imageWeight,
            @DefaultValue("-1") double minTextCosine,
            @DefaultValue("-1") double minImageCosine) {

        /** Checks the values. */
        public Search {
            check(maxResults >= 1 && maxResults <= 500, "rag.search.max-results must be 1 to 500, not " + maxResults);
            check(defaultResults >= 1 && defaultResults <= maxResults, "rag.search.default-results must be 1 to"
                    + " rag.search.max-results, not " + defaultResults);
            check(rrfK >= 0, "rag.search.rrf-k must not be negative, not " + rrfK);
            check(textWeight >= 0 && imageWeight >= 0, "rag.search.text-weight and image-weight must not be negative");
            check(minTextCosine >= -1 && minTextCosine <= 1 && minImageCosine >= -1 && minImageCosine <= 1,
                    "rag.search.min-text-cosine and min-image-cosine must be -1 to 1");
        }
    }

    /**
     * The chat model that writes answers, on any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio...).
     * Generation is on when {@code model} is set; without it the app runs retrieval-only.
     *
     * @param model the chat model's name, for example {@code gpt-4o-mini} or {@code llama3.2}
     * @param baseUrl the endpoint, up to and including {@code /v1}
     * @param apiKey the key, sent as a bearer token; local servers need none
     * @param timeout the limit for one chat request
     * @param maxSources how many of the top results go into the prompt
     * @param sendImages whether image results go to the chat model as pictures (thumbnails), for models that see;
     *     otherwise only their file names do
     */
    public record Chat(
            @Nullable String model,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @Nullable String apiKey,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("8") int maxSources,
            @DefaultValue("true") boolean sendImages) {

        /** Checks the values. */
        public Chat {
            check(maxSources >= 1, "rag.chat.max-sources must be at least 1, not " + maxSources);
        }

        /** Whether a chat model is configured. */
        public boolean enabled() {
            return model != null && !model.isBlank();
        }
    }

    /**
     * The table of the {@code pgvector} profile; the connection is Spring Boot's {@code spring.datasource.*}.
     *
     * @param table the table name
     * @param createTable whether to create the table (and the pgvector extension) when missing
     */
    public record Pgvector(@DefaultValue("rag_embeddings") String table, @DefaultValue("true") boolean createTable) {
    }
}
