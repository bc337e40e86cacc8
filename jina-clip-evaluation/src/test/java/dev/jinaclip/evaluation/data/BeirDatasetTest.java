package dev.jinaclip.evaluation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirDatasetTest {

    private static final String HEADER = "query-id\tcorpus-id\tscore\n";

    @TempDir
    Path folder;

    @Test
    void should_join_title_and_text_and_keep_only_positive_judgements_of_the_split() throws IOException {
        write("{\"_id\": \"d1\", \"title\": \"Apple\", \"text\": \"red\"}\n\n"
                        + "{\"_id\": 2, \"text\": \"green\"}\n{\"_id\": \"d3\", \"title\": \"only a title\", \"text\": \"\"}\n",
                "{\"_id\": \"q1\", \"text\": \"red\"}\n{\"_id\": \"q2\", \"text\": \"green\"}\n"
                        + "{\"_id\": \"q3\", \"text\": \"blue\"}\n",
                HEADER + "q2\td1\t0\nq1\td1\t1\nq1\t2\t-1\n");

        BeirDataset dataset = BeirDataset.read(folder, "test");

        assertThat(dataset.documents()).extracting(BeirDataset.Document::text)
                .containsExactly("Apple red", "green", "only a title");
        assertThat(dataset.allQueries()).isEqualTo(3);
        // queries.jsonl order; q3 is not judged in this split, q2 judged with score 0 only
        assertThat(dataset.queries()).containsExactly(new BeirDataset.Query("q1", "red", Set.of("d1")),
                new BeirDataset.Query("q2", "green", Set.of()));
    }

    @Test
    void should_name_file_and_line_of_each_problem() throws IOException {
        String corpus = "{\"_id\": \"d1\", \"text\": \"red\"}\n";
        String queries = "{\"_id\": \"q1\", \"text\": \"red\"}\n";

        assertProblem(corpus + "{\"_id\": \"d1\", \"text\": \"again\"}\n", queries, HEADER,
                "corpus.jsonl:2: \"_id\" \"d1\" appears twice");
        assertProblem(corpus + "{\"_id\": \"d2\", \"text\": \"\"}\n", queries, HEADER,
                "corpus.jsonl:2: \"d2\" has no text and no title");
        assertProblem(corpus, "{\"_id\": \"q1\" \"text\": \"red\"}\n", HEADER, "queries.jsonl:1: not JSON: ");
        assertProblem(corpus, "[1, 2]\n", HEADER, "queries.jsonl:1: not a JSON object");
        assertProblem(corpus, "{\"_id\": \"q1\"}\n", HEADER, "queries.jsonl:1: no \"text\"");
        assertProblem(corpus, queries, "q1\td1\t1\n", "test.tsv:1: the first line must be the header "
                + "\"query-id<TAB>corpus-id<TAB>score\"");
        assertProblem(corpus, queries, HEADER + "q1 d1 1\n", "test.tsv:2: expected 3 tab-separated fields");
        assertProblem(corpus, queries, HEADER + "q1\td1\thigh\n", "test.tsv:2: score \"high\" is not an integer");
        assertProblem(corpus, queries, HEADER + "q9\td1\t1\n", "test.tsv:2: query \"q9\" is not in queries.jsonl");
        assertThatThrownBy(() -> BeirDataset.read(folder.resolve("missing"), "test"))
                .isInstanceOf(DatasetException.class).hasMessageEndingWith("missing: not found");
    }

    private void assertProblem(String corpus, String queries, String qrels, String message) throws IOException {
        write(corpus, queries, qrels);
        assertThatThrownBy(() -> BeirDataset.read(folder, "test")).isInstanceOf(DatasetException.class)
                .hasMessageContaining(message).hasMessageStartingWith(folder.toString());
    }

    private void write(String corpus, String queries, String qrels) throws IOException {
        Files.writeString(folder.resolve("corpus.jsonl"), corpus);
        Files.writeString(folder.resolve("queries.jsonl"), queries);
        Files.createDirectories(folder.resolve("qrels"));
        Files.writeString(folder.resolve("qrels/test.tsv"), qrels);
    }
}
