package dev.jinaclip.langchain4j;

import static dev.jinaclip.langchain4j.TestFixtures.modelFor;
import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.testing.FakeJinaApi;
import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.IngestionResult;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The model inside LangChain4j's own RAG pieces: ingest, store, retrieve, texts and images in one space. */
class RagRoundTripTest {

    private static final List<String> IMAGE_URLS = List.of(
            "https://img.example/red-apple.png",
            "https://img.example/blue-ocean.png",
            "https://img.example/green-forest.png");

    @StartStop
    private final MockWebServer server = new MockWebServer();
    private final InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
    private JinaClipApiEmbeddingModel model;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new FakeJinaApi(768));
        model = modelFor(server).build();
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void should_ingest_documents_and_report_token_usage() {
        // when
        IngestionResult result = ingestDocuments();

        // then
        assertThat(result.tokenUsage()).isNotNull();
        assertThat(result.tokenUsage().inputTokenCount()).isPositive();
        assertThat(result.tokenUsage().totalTokenCount()).isPositive();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void should_retrieve_the_ocean_passage_for_an_ocean_question() {
        // given
        ingestDocuments();
        EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(model)
                .maxResults(1)
                .build();

        // when
        List<Content> contents = retriever.retrieve(Query.from("What colour is the ocean? blue ocean"));

        // then
        assertThat(contents).hasSize(1);
        assertThat(contents.get(0).textSegment().text()).contains("ocean");
        assertThat(contents.get(0).textSegment().metadata().getString("topic")).isEqualTo("ocean");
    }

    @Test
    void should_retrieve_the_red_apple_image_for_a_text_query() {
        // given: texts and images in one store, images marked as such
        ingestDocuments();
        for (String url : IMAGE_URLS) {
            Embedding embedding = model.embed(Image.builder().url(url).build()).content();
            store.add(embedding, TextSegment.from("image " + url, Metadata.from(Map.of("type", "image", "url", url))));
        }
        EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(model)
                .filter(metadataKey("type").isEqualTo("image"))
                .maxResults(1)
                .build();

        // when
        List<Content> contents = retriever.retrieve(Query.from("red apple"));

        // then
        assertThat(contents).hasSize(1);
        assertThat(contents.get(0).textSegment().metadata().getString("url"))
                .isEqualTo("https://img.example/red-apple.png");
    }

    private IngestionResult ingestDocuments() {
        EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
                .documentSplitter(DocumentSplitters.recursive(300, 0))
                .embeddingModel(model)
                .embeddingStore(store)
                .build();
        return ingestor.ingest(List.of(
                Document.from("Red apples grow on apple trees in autumn orchards; a ripe apple is sweet and crisp.",
                        Metadata.from("topic", "apples")),
                Document.from("The blue ocean covers most of the planet; ocean waves roll over deep salt water.",
                        Metadata.from("topic", "ocean")),
                Document.from("A green forest is full of tall trees, moss and ferns under a leafy canopy.",
                        Metadata.from("topic", "forest"))));
    }
}
