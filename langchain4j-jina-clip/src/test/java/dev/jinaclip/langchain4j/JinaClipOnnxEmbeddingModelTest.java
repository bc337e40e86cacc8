package dev.jinaclip.langchain4j;

import static dev.jinaclip.testing.Fixtures.model;
import static dev.jinaclip.testing.Fixtures.solidPng;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.hub.DownloadProgress;
import dev.jinaclip.hub.HuggingFaceHub;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.FakeHub;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.image.Image;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.request.EmbeddingInputType;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The in-process model in LangChain4j: retrieval across modalities with the semantic fixture model. */
class JinaClipOnnxEmbeddingModelTest {

    static final Map<String, Color> COLOURS = Map.of("red", Color.RED, "green", Color.GREEN, "blue", Color.BLUE,
            "yellow", Color.YELLOW, "black", Color.BLACK, "white", Color.WHITE);

    @TempDir
    Path dir;

    @StartStop
    final MockWebServer hubServer = new MockWebServer();

    JinaClipOnnxEmbeddingModel.Builder semantic() {
        return JinaClipOnnxEmbeddingModel.builder().modelDirectory(model("semantic")).intraOpThreads(1);
    }

    /** Stores one image file per colour, with its colour in the metadata. */
    InMemoryEmbeddingStore<TextSegment> storeColourImages(MultimodalEmbeddingModel model) throws IOException {
        List<String> names = new ArrayList<>(COLOURS.keySet());
        List<Image> images = new ArrayList<>();
        for (String name : names) {
            Path file = Files.write(dir.resolve(name + ".png"), solidPng(COLOURS.get(name), 64 + name.length(), 48));
            images.add(Image.builder().url(file.toUri()).build());
        }
        List<Embedding> embeddings = model.embedImages(images).content();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        for (int i = 0; i < names.size(); i++) {
            store.add(embeddings.get(i), TextSegment.from("image of " + names.get(i),
                    Metadata.from(Map.of("colour", names.get(i), "type", "image"))));
        }
        return store;
    }

    @ParameterizedTest(name = "maxBatchSize {0}")
    @ValueSource(ints = {1, 2, 3, 4, 6, 32})
    void should_retrieve_the_image_of_the_colour_named_first_for_every_batch_size(int maxBatchSize) throws IOException {
        try (JinaClipOnnxEmbeddingModel model = semantic().maxBatchSize(maxBatchSize).maxImageBatchSize(maxBatchSize)
                .build()) {
            // given
            InMemoryEmbeddingStore<TextSegment> store = storeColourImages(model);

            for (String colour : COLOURS.keySet()) {
                // when
                Embedding query = model.embed(colour).content();
                var best = store.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(1).build())
                        .matches().get(0);

                // then
                assertThat(best.embedded().metadata().getString("colour")).isEqualTo(colour);
            }
        }
    }

    @Test
    void should_work_in_a_langchain4j_retriever_with_query_input_type() throws IOException {
        try (JinaClipOnnxEmbeddingModel model = semantic().build()) {
            InMemoryEmbeddingStore<TextSegment> store = storeColourImages(model);
            EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                    .embeddingStore(store).embeddingModel(model).maxResults(1)
                    .embeddingInputType(EmbeddingInputType.QUERY).build();

            List<Content> found = retriever.retrieve(Query.from("a ripe yellow banana"));

            assertThat(found).singleElement()
                    .satisfies(c -> assertThat(c.textSegment().metadata().getString("colour")).isEqualTo("yellow"));
        }
    }

    @Test
    void should_return_unit_vectors_of_768_dimensions_known_without_running_the_model() {
        try (JinaClipOnnxEmbeddingModel model = semantic().build()) {
            assertThat(model.dimension()).isEqualTo(768);
            assertThat(model.modelName()).isEqualTo("jina-clip-v1");
            Embedding embedding = model.embed("red").content();
            assertThat(embedding.dimension()).isEqualTo(768);
            assertThat(norm(embedding.vector())).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void should_download_the_model_from_the_hub_once_then_load_it_offline() throws IOException {
        // given: a hub that serves the semantic fixture
        FakeHub hub = new FakeHub(hubServer.url("/"));
        hub.files.clear();
        for (String file : List.of("tokenizer.json", "onnx/text_model.onnx", "onnx/vision_model.onnx")) {
            hub.files.put(file, Files.readAllBytes(model("semantic").resolve(file)));
        }
        hub.lfs.add("onnx/vision_model.onnx");
        hubServer.setDispatcher(hub);
        Path cache = dir.resolve("hub-cache");

        // when
        Embedding downloaded;
        JinaClipOnnxEngine engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().intraOpThreads(1)
                .hub(HuggingFaceHub.builder().endpoint(hubServer.url("/").toString()).cacheDirectory(cache)
                        .progress(DownloadProgress.none()).build())
                .build());
        try (JinaClipEmbeddingModel model = new JinaClipEmbeddingModel(engine)) {
            downloaded = model.embed("red").content();
            assertThat(engine.files().directory())
                    .isEqualTo(cache.resolve("models--jinaai--jina-clip-v1/snapshots/" + FakeHub.COMMIT));
        }
        int requests = hubServer.getRequestCount();
        Embedding offline;
        try (JinaClipOnnxEmbeddingModel model = JinaClipOnnxEmbeddingModel.builder().intraOpThreads(1)
                .cacheDirectory(cache).offline(true).build()) {
            offline = model.embed("red").content();
        }

        // then
        assertThat(hub.cdnGets()).hasSize(2); // the two LFS files, once each
        assertThat(hubServer.getRequestCount()).isEqualTo(requests);
        assertThat(offline.vector()).containsExactly(downloaded.vector());
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
