package dev.jinaclip.rag.store;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.pgvector.PGvector;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * langchain4j-pgvector is published only as 1.11.0-beta19, built against langchain4j-core 1.11.0, and this app
 * runs it on langchain4j-core 1.19.0. This test runs every store operation the app uses (create table, add, search
 * with a metadata filter, remove by filter, remove all) through the real {@link PgVectorEmbeddingStore} code, on a
 * JDBC stand-in that records the SQL, so a binary incompatibility with core 1.19.0 (a missing method or class)
 * fails here even where no Docker engine can start PostgreSQL. PgVectorStoreTest runs the app on a real database.
 */
class PgVectorLinkageTest {

    private final RecordingJdbc jdbc = new RecordingJdbc();

    private final PgVectorEmbeddingStore store = PgVectorEmbeddingStore.datasourceBuilder()
            .datasource(jdbc.dataSource())
            .table("rag_test")
            .dimension(3)
            .createTable(true)
            .build();

    @Test
    void should_create_the_table_with_a_vector_column_and_json_metadata() {
        assertThat(jdbc.executed).extracting(RecordingJdbc.Executed::sql)
                .anySatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS rag_test")
                        .contains("embedding_id UUID PRIMARY KEY", "embedding vector(3)", "text TEXT NULL"));
    }

    @Test
    void should_upsert_segments_with_their_metadata_as_json() {
        // given
        String id = UUID.randomUUID().toString();
        TextSegment segment = TextSegment.from("Image red.png", new Metadata().put(EntryMetadata.SOURCE,
                "images/red.png").put(EntryMetadata.MODALITY, "image").put(EntryMetadata.PASSAGE, 0));

        // when
        store.addAll(List.of(id), List.of(Embedding.from(new float[] {1, 0, 0})), List.of(segment));

        // then
        RecordingJdbc.Executed insert = last("INSERT INTO rag_test");
        assertThat(insert.sql()).contains("ON CONFLICT (embedding_id) DO UPDATE");
        assertThat(insert.parameters().get(0)).isEqualTo(UUID.fromString(id));
        assertThat(insert.parameters().get(1)).isInstanceOf(PGvector.class);
        assertThat(insert.parameters().get(2)).isEqualTo("Image red.png");
        assertThat(insert.parameters().get(3).toString().replaceAll("\\s", "")).contains(
                "\"modality\":\"image\"", "\"source\":\"images/red.png\"",
                "\"passage\":\"0\""); // numbers are stored as strings
    }

    @Test
    void should_search_one_modality_and_map_rows_back_to_segments() {
        // given: the row PostgreSQL would return
        String id = UUID.randomUUID().toString();
        jdbc.rows.add(Map.of("score", 0.9, "embedding_id", id, "embedding", new PGvector(new float[] {1, 0, 0}),
                "text", "Red apples.", "metadata",
                "{\"source\":\"texts/red.md\",\"modality\":\"text\",\"passage\":\"2\"}"));

        // when
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {1, 0, 0})).maxResults(5).minScore(0.0)
                .filter(Modality.TEXT.filter()).build()).matches();

        // then
        assertThat(last("SELECT").sql()).contains("FROM rag_test", "metadata->>'modality'", "LIMIT 5");
        EmbeddingMatch<TextSegment> match = matches.get(0);
        assertThat(match.score()).isEqualTo(0.9);
        assertThat(match.embeddingId()).isEqualTo(id);
        assertThat(match.embedded().text()).isEqualTo("Red apples.");
        assertThat(Modality.of(match.embedded())).isEqualTo(Modality.TEXT);
        assertThat(match.embedded().metadata().getString(EntryMetadata.SOURCE)).isEqualTo("texts/red.md");
        assertThat(match.embedded().metadata().getInteger(EntryMetadata.PASSAGE)).isEqualTo(2);
    }

    @Test
    void should_remove_a_files_entries_by_filter_and_everything_by_truncation() {
        // when
        store.removeAll(metadataKey(EntryMetadata.SOURCE).isEqualTo("images/red.png"));
        store.removeAll();

        // then
        assertThat(last("DELETE FROM rag_test").sql()).contains("metadata->>'source'");
        assertThat(last("TRUNCATE").sql()).isEqualTo("TRUNCATE TABLE rag_test");
    }

    private RecordingJdbc.Executed last(String prefix) {
        List<RecordingJdbc.Executed> matching = jdbc.executed.stream()
                .filter(e -> e.sql().strip().startsWith(prefix)).toList();
        assertThat(matching).as("statements starting with " + prefix + " in " + jdbc.executed).isNotEmpty();
        return matching.get(matching.size() - 1);
    }
}
