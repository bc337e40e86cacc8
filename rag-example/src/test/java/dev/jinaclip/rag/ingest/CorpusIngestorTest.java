package dev.jinaclip.rag.ingest;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jinaclip.image.ClipImagePreprocessor;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.cost.TokenEstimator;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.TestCorpus;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.jinaclip.testing.Fixtures;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
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

    @Autowired
    ClipEngine engine;

    @Autowired
    TokenEstimator hostedTokens;

    @TempDir
    Path dir;

    Path corpus;
    Path data;
    CountingModel model;
    InMemoryEmbeddingStore<TextSegment> store;

    @BeforeEach
    void setUp() throws IOException {
        corpus = TestCorpus.write(dir.resolve("corpus"));
        data = Files.createDirectories(dir.resolve("data")); // as the app's store checkpoint makes it
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
    void should_keep_what_the_corpus_costs_on_the_hosted_api_up_to_date() throws IOException {
        // given: 51 tokens of passages and four one-tile images (SearchApiTest works them out)
        CorpusIngestor ingestor = ingestor();
        assertThat(ingestor.ingest().hostedCost()).isEqualTo(new HostedCost(4051, 51, 4000, true));
        Files.writeString(corpus.resolve("texts/blue.txt"), "Green grass.\n\nA green field, and green trees.");
        Files.delete(corpus.resolve("images/green.png"));
        Files.write(corpus.resolve("images/broken.png"), "not a picture".getBytes());

        // when
        HostedCost cost = ingestor.ingest().hostedCost();

        // then: blue.txt's 10 tokens are now "green grass . a green field , and green trees ." (13), green.png's
        // tile is gone, and the file that failed costs nothing
        assertThat(cost).isEqualTo(new HostedCost(4051 - 10 + 13 - 1000, 51 - 10 + 13, 3000, true));
    }

    @Test
    void should_count_the_cost_of_files_indexed_before_costs_were_counted_without_embedding_them() throws IOException {
        // given: a ledger as the app wrote it before it counted costs
        ingestor().ingest();
        Path ledger = data.resolve(IngestionLedger.FILE_NAME);
        Files.writeString(ledger, Files.readString(ledger).replaceAll(",\\s*\"hostedTokens\"\\s*:\\s*\\d+", ""));
        assertThat(Files.readString(ledger)).doesNotContain("hostedTokens");
        model = new CountingModel(appModel);
        CorpusIngestor restarted = ingestor();
        assertThat(restarted.lastReport().hostedCost()).isNull();

        // when
        IngestionReport report = restarted.ingest();

        // then
        assertThat(report.unchanged()).isEqualTo(8);
        assertThat(model.inputs()).isZero();
        assertThat(report.hostedCost()).isEqualTo(new HostedCost(4051, 51, 4000, true));
        assertThat(ingestor().lastReport().hostedCost()).isEqualTo(report.hostedCost()); // saved in the ledger
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
                .anySatisfy(reason -> assertThat(reason).startsWith("unsupported or unrecognised image format"));
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

    @Test
    void should_not_index_links_that_lead_out_of_the_corpus_folder() throws IOException {
        // given: a file and a folder outside, linked from inside; and a link that stays inside
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("private.md"), "red: a private note");
        Files.createSymbolicLink(corpus.resolve("private.md"), outside.resolve("private.md"));
        Files.createSymbolicLink(corpus.resolve("linked"), outside);
        Files.createSymbolicLink(corpus.resolve("alias.md"), corpus.resolve("texts/red.md"));

        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.files()).isEqualTo(9);
        assertThat(store.search(EmbeddingSearchRequest.builder().queryEmbedding(appModel.embed("red").content())
                .maxResults(50).build()).matches())
                .extracting(match -> match.embedded().metadata().getString(EntryMetadata.SOURCE))
                .contains("alias.md").doesNotContain("private.md", "linked/private.md");
    }

    @Test
    void should_replace_the_thumbnail_of_an_image_whose_content_changed() throws IOException {
        // given
        CorpusIngestor ingestor = ingestor();
        ingestor.ingest();
        String oldThumbnail = thumbnailOf("images/red.png");
        Files.write(corpus.resolve("images/red.png"), Fixtures.solidPng(Color.ORANGE, 40, 30));

        // when
        IngestionReport report = ingestor.ingest();

        // then
        assertThat(report.updated()).isEqualTo(1);
        String newThumbnail = thumbnailOf("images/red.png");
        assertThat(newThumbnail).isNotEqualTo(oldThumbnail);
        assertThat(thumbnailFiles()).contains(newThumbnail).doesNotContain(oldThumbnail)
                .containsExactlyInAnyOrderElementsOf(indexedThumbnails());
    }

    @Test
    void should_make_no_thumbnail_of_an_image_that_fails_to_index() throws IOException {
        // given: a JPEG cut short, whose header is whole; ImageIO decodes the rest as grey, the model refuses it
        byte[] jpeg = TestCorpus.noiseJpeg(64, 64);
        Files.write(corpus.resolve("images/cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

        // when
        IngestionReport report = ingestor().ingest();

        // then
        assertThat(report.failed()).extracting(IngestionReport.Failure::source).containsExactly("images/cut.jpg");
        assertThat(thumbnailFiles()).hasSize(4).containsExactlyInAnyOrderElementsOf(indexedThumbnails());
    }

    @Test
    void should_remove_the_thumbnail_of_an_indexed_image_that_now_fails() throws IOException {
        // given
        CorpusIngestor ingestor = ingestor();
        ingestor.ingest();
        String oldThumbnail = thumbnailOf("images/red.png");
        byte[] jpeg = TestCorpus.noiseJpeg(64, 64);
        Files.write(corpus.resolve("images/red.png"), Arrays.copyOf(jpeg, jpeg.length / 2));

        // when
        IngestionReport report = ingestor.ingest();

        // then
        assertThat(report.failed()).extracting(IngestionReport.Failure::source).containsExactly("images/red.png");
        assertThat(thumbnailFiles()).hasSize(3).doesNotContain(oldThumbnail)
                .containsExactlyInAnyOrderElementsOf(indexedThumbnails());
    }

    @Test
    void should_refuse_a_pixel_bomb_from_its_header_without_decoding_it_or_making_a_thumbnail() throws IOException {
        // given: a 100-byte PNG whose header declares 26000 x 26000 pixels (2 GB of RGB once decoded)
        corpus = Files.createDirectories(dir.resolve("bomb-corpus"));
        Files.write(corpus.resolve("bomb.png"), Fixtures.pngDeclaring(26_000, 26_000));
        CorpusIngestor ingestor = ingestor();

        // when
        IngestionReport report = ingestor.ingest();

        // then: refused with the header's figures before the model or a thumbnail decoder saw it (decoding it first
        // took 1.7 to 9 s, and failed with another reason)
        assertThat(model.inputs()).isZero();
        assertThat(report.failed()).singleElement().satisfies(failure -> {
            assertThat(failure.source()).isEqualTo("bomb.png");
            assertThat(failure.reason()).isEqualTo("image declares 26000x26000 = 676000000 pixels, more than the"
                    + " limit of 89478485 pixels (maxPixels)");
        });
        assertThat(thumbnailFiles()).isEmpty();
    }

    @Test
    void should_delete_the_new_thumbnail_when_the_store_fails() throws IOException {
        // given: a store that takes texts but fails on images
        store = new InMemoryEmbeddingStore<>() {
            @Override
            public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
                if (segments.get(0).metadata().getString(EntryMetadata.THUMBNAIL) != null) {
                    throw new IllegalStateException("the database is down");
                }
                super.addAll(ids, embeddings, segments);
            }
        };

        // when / then
        assertThatThrownBy(() -> ingestor().ingest()).hasMessage("Indexing stopped at images/blue.png: the database is down");
        assertThat(thumbnailFiles()).isEmpty();
    }

    private CorpusIngestor ingestor() {
        RagProperties properties = TestCorpus.properties(corpus, data);
        return new CorpusIngestor(model, EmbedderIdentity.of(engine), store, () -> store.serializeToFile(data.resolve("embeddings.json")),
                new Thumbnails(data, 64, ClipImagePreprocessor.create()), hostedTokens, properties);
    }

    private String thumbnailOf(String source) {
        return only(Modality.IMAGE, source).metadata().getString(EntryMetadata.THUMBNAIL);
    }

    /** The thumbnails of the images in the store. */
    private List<String> indexedThumbnails() {
        return entries().stream().map(match -> match.embedded().metadata().getString(EntryMetadata.THUMBNAIL))
                .filter(Objects::nonNull).toList();
    }

    /** The files of the thumbnail folder. */
    private List<String> thumbnailFiles() throws IOException {
        Path folder = data.resolve("thumbnails");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
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
