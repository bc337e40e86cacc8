package dev.jinaclip.rag.retrieval;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.generation.AnswerGenerator;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.IndexingStatus;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * Answers a text or image query with one ranked list of passages and images: runs LangChain4j's
 * {@link RetrievalAugmentor} (see {@link RetrievalConfiguration}) and, for text queries when a chat model is
 * configured, has the {@link AnswerGenerator} write an answer from the augmented message. Each response says where
 * indexing stood ({@link CorpusIngestor#status()}), so that results taken during a run are not read as complete.
 */
@Service
public class SearchService {

    private static final int MAX_QUERY_CHARS = 2000;

    private final RetrievalAugmentor augmentor;
    private final MultimodalEmbeddingModel model;
    private final RagProperties properties;
    private final @Nullable AnswerGenerator generator;
    private final CorpusIngestor ingestor;

    public SearchService(RetrievalAugmentor augmentor, MultimodalEmbeddingModel model, RagProperties properties,
            ObjectProvider<AnswerGenerator> generator, CorpusIngestor ingestor) {
        this.augmentor = augmentor;
        this.model = model;
        this.properties = properties;
        this.generator = generator.getIfAvailable();
        this.ingestor = ingestor;
    }

    /**
     * Searches by text.
     *
     * @param query the question or words to search for
     * @param k how many results; null for {@code rag.search.default-results}
     * @param answer whether to have the chat model answer (when one is configured)
     * @throws InvalidSearchException if the query is empty or too long, or k is out of range
     */
    public SearchResponse searchText(@Nullable String query, @Nullable Integer k, boolean answer) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            throw new InvalidSearchException("The query is empty: type a question or some words to search for.");
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new InvalidSearchException("The query has " + text.length() + " characters; the limit is "
                    + MAX_QUERY_CHARS + ".");
        }
        int results = results(k);
        IndexingStatus indexing = ingestor.status(); // before the search: a run that ends during it does not count
        AugmentationResult result = augmentor.augment(QueryParameters.request(text, results, null));
        List<SearchHit> hits = hits(result.contents());
        SearchResponse.Answer written = generator != null && answer && !hits.isEmpty()
                ? generator.answer(result.chatMessage(), hits) : null;
        return new SearchResponse(text, "text", results, hits, written, generation(), indexing);
    }

    /**
     * Searches by image: passages and pictures near the uploaded picture.
     *
     * @param image the uploaded file's bytes
     * @param fileName the uploaded file's name, for the response; may be null
     * @param k how many results; null for {@code rag.search.default-results}
     * @throws InvalidSearchException if the upload is empty, too large or not a decodable image, or k is out of
     *     range
     */
    public SearchResponse searchImage(byte[] image, @Nullable String fileName, @Nullable Integer k) {
        int results = results(k);
        IndexingStatus indexing = ingestor.status();
        String mediaType = ImageUploads.mediaType(image, properties.uploadMaxSize());
        Embedding vector;
        try {
            vector = model.embed(Image.builder().base64Data(Base64.getEncoder().encodeToString(image))
                    .mimeType(mediaType).build()).content();
        } catch (IllegalArgumentException | InvalidRequestException e) {
            // an image that does not decode is an InvalidRequestException on both backends
            throw new InvalidSearchException("The upload could not be read as an image: " + e.getMessage());
        }
        String label = "Passages and pictures like " + (fileName == null || fileName.isBlank()
                ? "the uploaded image" : fileName.strip());
        AugmentationResult result = augmentor.augment(QueryParameters.request(label, results, vector));
        return new SearchResponse(label, "image", results, hits(result.contents()), null, generation(), indexing);
    }

    /** {@code on} when a chat model writes answers, else {@code off}. */
    public String generation() {
        return generator != null ? "on" : "off";
    }

    private int results(@Nullable Integer k) {
        int max = properties.search().maxResults();
        if (k == null) {
            return Math.min(properties.search().defaultResults(), max);
        }
        if (k < 1 || k > max) {
            throw new InvalidSearchException("k must be between 1 and " + max + ", not " + k + ".");
        }
        return k;
    }

    private static List<SearchHit> hits(List<Content> contents) {
        List<SearchHit> hits = new ArrayList<>(contents.size());
        for (Content content : contents) {
            Metadata metadata = content.textSegment().metadata();
            String source = metadata.getString(EntryMetadata.SOURCE);
            String thumbnail = metadata.getString(EntryMetadata.THUMBNAIL);
            double relevance = ((Number) content.metadata().get(ContentMetadata.SCORE)).doubleValue();
            double fused = ((Number) content.metadata().get(ContentMetadata.RERANKED_SCORE)).doubleValue();
            hits.add(new SearchHit(hits.size() + 1, metadata.getString(EntryMetadata.MODALITY), source,
                    metadata.getString(EntryMetadata.MEDIA_TYPE), 2 * relevance - 1, fused,
                    content.textSegment().text(), metadata.getInteger(EntryMetadata.PASSAGE),
                    thumbnail == null ? null : "/thumbnails/" + thumbnail,
                    "/corpus/" + UriUtils.encodePath(source, StandardCharsets.UTF_8)));
        }
        return hits;
    }
}
