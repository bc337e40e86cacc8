package dev.jinaclip.rag.ingest;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.jinaclip.testing.Fixtures;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ingestion of a corpus folder with the app's embedding model (the "semantic" ONNX fixture), each test on its own
 * corpus, store and data folder.
 */
class CorpusIngestorTest extends AppTest {

    @Autowired
    MultimodalEmbeddingModel appModel;

    @TempDir
    Path dir;

    Path corpus;
    Path data;
    CountingModel model;
    InMemoryEmbeddingStore<TextSegment> store;

    @BeforeEach
    void setUp() {
        corpus = TestCorpus.write(dir.resolve("corpus"));
        data = dir.resolve("data");
        model = new CountingModel(appModel);
        store = new InMemoryEmbeddingStore<>();
    }

    @Test
    void should_index_passages_and_images_with_their_source_type_and_thumbnail() {
        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.files()).isEqualTo(8); // LICENSES.md is excluded
        assertThat(report.added()).isEqualTo(8);
        assertThat(report.passages()).isEqualTo(4);
        assertThat(report.images()).isEqualTo(4);
        assertThat(report.failed()).isEmpty();
        TextSegment red = only(Modality.IMAGE, "images/red.png");
        assertThat(red.metadata().getString(EntryMetadata.MEDIA_TYPE)).isEqualTo("image/png");
        assertThat(red.metadata().getString(EntryMetadata.SHA256)).hasSize(64);
        assertThat(data.resolve("thumbnails").resolve(red.metadata().getString(EntryMetadata.THUMBNAIL)))
                .isRegularFile();
        TextSegment passage = only(Modality.TEXT, "texts/red.md");
        assertThat(passage.text()).contains(TestCorpus.RED_TEXT);
        assertThat(passage.metadata().getString(EntryMetadata.MEDIA_TYPE)).isEqualTo("text/markdown");
        assertThat(passage.metadata().getInteger(EntryMetadata.PASSAGE)).isZero();
    }

    @Test
    void should_skip_unchanged_files_when_run_again() {
        // given
        CorpusIngestor ingestor = ingestor();
        ingestor.ingest();
        int embedded = model.inputs();

        // when
        IngestionReport again = ingestor.ingest();

        // then
        assertThat(again.unchanged()).isEqualTo(8);
        assertThat(again.added() + again.updated() + again.removed()).isZero();
        assertThat(model.inputs()).isEqualTo(embedded);
        assertThat(entries()).hasSize(8);
    }

    @Test
    void should_re_embed_a_changed_file_and_remove_a_deleted_one() throws IOException {
        // given
        CorpusIngestor ingestor = ingestor();
        ingestor.ingest();
        String oldThumbnail = only(Modality.IMAGE, "images/green.png").metadata().getString(EntryMetadata.THUMBNAIL);
        Files.writeString(corpus.resolve("texts/blue.txt"), "Green grass.\n\nA green field, and green trees.");
        Files.delete(corpus.resolve("images/green.png"));
        int embedded = model.inputs();

        // when
        IngestionReport report = ingestor.ingest();

        // then
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.removed()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(6);
        assertThat(model.inputs() - embedded).isEqualTo(1); // the changed text's passage, nothing else
        assertThat(only(Modality.TEXT, "texts/blue.txt").text()).contains("green trees");
        assertThat(entries()).extracting(match -> source(match.embedded())).doesNotContain("images/green.png");
        assertThat(data.resolve("thumbnails").resolve(oldThumbnail)).doesNotExist();
    }

    @Test
    void should_report_files_it_cannot_use_and_index_the_rest() throws IOException {
        // given
        Files.write(corpus.resolve("texts/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Files.write(corpus.resolve("images/broken.png"), "not a picture".getBytes());
        Files.writeString(corpus.resolve("texts/empty.md"), "  \n");
        Files.createSymbolicLink(corpus.resolve("texts/gone.md"), dir.resolve("moved-away.md"));

        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.failed()).extracting(IngestionReport.Failure::source)
                .containsExactly("images/broken.png", "texts/empty.md", "texts/gone.md", "texts/latin1.txt");
        assertThat(report.failed()).extracting(IngestionReport.Failure::reason)
                .anySatisfy(reason -> assertThat(reason).contains("not UTF-8"))
                .anySatisfy(reason -> assertThat(reason).contains("no text"))
                .anySatisfy(reason -> assertThat(reason).contains("cannot be read (NoSuchFileException"))
                .anySatisfy(reason -> assertThat(reason).contains("decode"));
        assertThat(report.added()).isEqualTo(8);
        assertThat(entries()).hasSize(8);
    }

    @Test
    void should_reload_the_saved_store_after_a_restart_without_re_embedding() {
        // given: a run, then a new store loaded from the file the run saved, as at the next start
        ingestor().ingest();
        store = InMemoryEmbeddingStore.fromFile(data.resolve("embeddings.json"));
        model = new CountingModel(appModel);

        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.unchanged()).isEqualTo(8);
        assertThat(model.inputs()).isZero();
        assertThat(entries()).hasSize(8);
    }

    @Test
    void should_re_embed_everything_when_the_store_was_built_with_another_model() throws IOException {
        // given
        ingestor().ingest();
        Path ledger = data.resolve("ledger.json");
        Files.writeString(ledger, Files.readString(ledger).replaceFirst("\"embedder\" : \"[^\"]*\"",
                "\"embedder\" : \"SomeOtherModel/v9/512\""));
        int embedded = model.inputs();

        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.added()).isEqualTo(8);
        assertThat(model.inputs() - embedded).isEqualTo(8);
        assertThat(entries()).hasSize(8);
    }

    @Test
    void should_ignore_hidden_excluded_and_other_files_and_read_nested_folders() throws IOException {
        // given
        Files.createDirectories(corpus.resolve(".git"));
        Files.writeString(corpus.resolve(".git/notes.md"), "red red red");
        Files.writeString(corpus.resolve(".hidden.txt"), "red");
        Files.writeString(corpus.resolve("data.csv"), "red,green");
        Files.createDirectories(corpus.resolve("more/deeper"));
        Files.write(corpus.resolve("more/deeper/yellow.gif"), Fixtures.solidPng(Color.YELLOW, 8, 8));

        // when
        IngestionReport report = ingestor().ingest();

        // then: the .gif holds PNG bytes, which decode all the same
        assertThat(report.files()).isEqualTo(9);
        assertThat(only(Modality.IMAGE, "more/deeper/yellow.gif").metadata().getString(EntryMetadata.MEDIA_TYPE))
                .isEqualTo("image/gif");
    }

    private CorpusIngestor ingestor() {
        RagProperties properties = TestCorpus.properties(corpus, data);
        return new CorpusIngestor(model, store, () -> store.serializeToFile(data.resolve("embeddings.json")),
                new Thumbnails(data, 64), properties);
    }

    private List<EmbeddingMatch<TextSegment>> entries() {
        return store.search(EmbeddingSearchRequest.builder().queryEmbedding(appModel.embed("red").content())
                .maxResults(100).build()).matches();
    }

    private TextSegment only(Modality modality, String source) {
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(appModel.embed("red").content()).maxResults(100)
                .filter(modality.filter().and(metadataKey(EntryMetadata.SOURCE).isEqualTo(source))).build())
                .matches();
        assertThat(matches).as(source).hasSize(1);
        return matches.get(0).embedded();
    }

    private static String source(TextSegment segment) {
        return segment.metadata().getString(EntryMetadata.SOURCE);
    }
}
