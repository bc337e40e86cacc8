package dev.jinaclip.rag.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.ForwardingModel;
import dev.jinaclip.rag.GatedModel;
import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The state and progress an ingestor reports, and the reasons a run stops with. */
class IndexingStatusTest extends AppTest {

    @Autowired
    MultimodalEmbeddingModel appModel;

    @Autowired
    ClipEngine engine;

    @Autowired
    TokenEstimator hostedTokens;

    @TempDir
    Path dir;

    @Test
    void should_be_indexing_before_the_start_up_run_and_ready_with_every_file_done_after_it() {
        // given: with rag.ingest-on-startup, the web server answers before the run starts, and says it is coming
        CorpusIngestor ingestor = ingestor(TestCorpus.write(dir.resolve("corpus")), appModel);
        assertThat(ingestor.status()).isEqualTo(new IndexingStatus(IndexingStatus.State.INDEXING, 0, 0, null, null));
        assertThat(ingestor.status().progress()).isEqualTo("listing the files");

        // when
        ingestor.ingest();

        // then
        assertThat(ingestor.status()).isEqualTo(new IndexingStatus(IndexingStatus.State.READY, 8, 8, null, null));
        assertThat(ingestor.status().progress()).isEqualTo("8 of 8 files");
    }

    @Test
    void should_let_the_start_up_run_wait_for_a_run_asked_for_before_it_instead_of_failing() throws Exception {
        // given: a run asked for through the API in the moment between the web server's start and the runners
        GatedModel model = new GatedModel(appModel);
        CorpusIngestor ingestor = ingestor(TestCorpus.write(dir.resolve("corpus")), model);
        model.holdAll();
        CompletableFuture<IngestionReport> asked = CompletableFuture.supplyAsync(ingestor::ingest);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ingestor.status().currentFile() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        // when
        CompletableFuture<IngestionReport> startUp = CompletableFuture.supplyAsync(ingestor::ingestAfterRunUnderWay);

        // then: a third run is refused, the start-up run waits and then finds everything indexed
        assertThatThrownBy(ingestor::ingest).isInstanceOf(IngestionInProgressException.class);
        assertThat(startUp).isNotDone();
        model.release();
        assertThat(asked.get(30, TimeUnit.SECONDS).added()).isEqualTo(8);
        assertThat(startUp.get(30, TimeUnit.SECONDS).unchanged()).isEqualTo(8);
    }

    @Test
    void should_fail_with_the_reason_when_the_corpus_folder_is_missing_or_a_file() throws IOException {
        // given
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");

        // then
        assertFails(ingestor(missing, appModel), "The corpus folder " + missing.toAbsolutePath() + " does not exist:"
                + " set rag.corpus-dir to a folder of .md, .txt and image files.");
        assertFails(ingestor(file, appModel), "The corpus folder " + file.toAbsolutePath() + " is not a folder");
    }

    @Test
    void should_name_the_file_at_which_a_failing_model_stopped_the_run() {
        // given
        Outage model = new Outage(appModel);
        model.failAfter(1); // the first file, an image, is embedded; the second is not
        CorpusIngestor ingestor = ingestor(TestCorpus.write(dir.resolve("corpus")), model);

        // when
        assertThatThrownBy(ingestor::ingest).isExactlyInstanceOf(IngestionFailedException.class)
                .hasMessage("Indexing stopped at images/green.png: Cannot reach the embedding service")
                .hasCauseInstanceOf(IllegalStateException.class);

        // then
        assertThat(ingestor.status()).isEqualTo(new IndexingStatus(IndexingStatus.State.FAILED, 1, 8, null,
                "Indexing stopped at images/green.png: Cannot reach the embedding service"));
    }

    @Test
    void should_index_each_file_once_when_a_failed_run_is_retried() throws IOException {
        // given: an index, two new files, and a run that stops at the second, after the first was stored
        Path corpus = TestCorpus.write(dir.resolve("corpus"));
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        Outage model = new Outage(appModel);
        ingestor(corpus, model, store).ingest();
        Files.write(corpus.resolve("images/yellow.png"), TestCorpus.png(Color.YELLOW));
        Files.writeString(corpus.resolve("texts/yellow.md"), "A yellow sun.");
        model.failAfter(1);
        assertThatThrownBy(ingestor(corpus, model, store)::ingest).isInstanceOf(IngestionFailedException.class)
                .hasMessageStartingWith("Indexing stopped at texts/yellow.md");

        // when
        model.failAfter(Integer.MAX_VALUE);
        ingestor(corpus, model, store).ingest();

        // then
        List<String> sources = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(appModel.embed("yellow").content()).maxResults(100).build()).matches().stream()
                .map(match -> match.embedded().metadata().getString(EntryMetadata.SOURCE)).toList();
        assertThat(sources).hasSize(10).doesNotHaveDuplicates();
    }

    private static void assertFails(CorpusIngestor ingestor, String reason) {
        assertThatThrownBy(ingestor::ingest).isInstanceOf(CorpusUnavailableException.class).hasMessageStartingWith(reason);
        assertThat(ingestor.status().state()).isEqualTo(IndexingStatus.State.FAILED);
        assertThat(ingestor.status().error()).startsWith(reason);
    }

    /** The app's model, until its service goes down after a given number of calls. */
    private static final class Outage extends ForwardingModel {

        private int callsLeft = Integer.MAX_VALUE;

        Outage(MultimodalEmbeddingModel delegate) {
            super(delegate);
        }

        void failAfter(int calls) {
            callsLeft = calls;
        }

        @Override
        public EmbeddingResponse doEmbed(EmbeddingRequest request) {
            if (callsLeft-- <= 0) {
                throw new IllegalStateException("Cannot reach the embedding service");
            }
            return super.doEmbed(request);
        }
    }

    private CorpusIngestor ingestor(Path corpus, MultimodalEmbeddingModel model) {
        return ingestor(corpus, model, new InMemoryEmbeddingStore<>());
    }

    private CorpusIngestor ingestor(Path corpus, MultimodalEmbeddingModel model,
            InMemoryEmbeddingStore<TextSegment> store) {
        Path data = dir.resolve("data");
        return new CorpusIngestor(model, EmbedderIdentity.of(engine), store, () -> store.serializeToFile(data.resolve("embeddings.json")),
                new Thumbnails(data, 64, ClipImagePreprocessor.create()), hostedTokens, TestCorpus.properties(corpus, data));
    }
}
