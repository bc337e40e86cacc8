package dev.jinaclip.evaluation.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jinaclip.evaluation.data.DatasetFiles.Line;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text retrieval dataset in the BEIR layout, as the BEIR downloads unpack: {@code corpus.jsonl}
 * ({@code _id}, {@code title}, {@code text}), {@code queries.jsonl} ({@code _id}, {@code text}) and
 * {@code qrels/<split>.tsv} (header {@code query-id corpus-id score}, tab-separated; relevant means score &gt; 0).
 *
 * @param directory  the dataset's folder
 * @param split      the qrels file's name without {@code .tsv}
 * @param documents  the corpus, in file order; a document's text is {@code title + " " + text}, or the text alone
 *                   where the title is empty (as BEIR's and MTEB's dense retrievers do)
 * @param queries    the queries judged in the split (in queries.jsonl order), with their relevant documents
 * @param allQueries how many queries {@code queries.jsonl} holds, judged in this split or not
 */
public record BeirDataset(Path directory, String split, List<Document> documents, List<Query> queries,
                          int allQueries) {

    /** The qrels header, as BEIR writes it. */
    static final String QRELS_HEADER = "query-id\tcorpus-id\tscore";

    public BeirDataset {
        documents = List.copyOf(documents);
        queries = List.copyOf(queries);
    }

    /** A corpus document. */
    public record Document(String id, String text) {
    }

    /**
     * A query of the split.
     *
     * @param relevantIds the documents judged with a score above 0; empty where every judgement
     *                    of the query is 0 or less (such a query is counted, not evaluated)
     */
    public record Query(String id, String text, Set<String> relevantIds) {
        public Query {
            relevantIds = Set.copyOf(relevantIds);
        }
    }

    /**
     * Reads {@code directory}.
     *
     * @throws DatasetException naming the file and line, for anything not in the format
     */
    public static BeirDataset read(Path directory, String split) {
        DatasetFiles.requireDirectory(directory);
        Map<String, String> corpus = idsAndTexts(directory.resolve("corpus.jsonl"), true);
        Map<String, String> queryTexts = idsAndTexts(directory.resolve("queries.jsonl"), false);
        Map<String, Set<String>> judged = qrels(directory.resolve("qrels").resolve(split + ".tsv"), corpus, queryTexts);
        List<Document> documents = new ArrayList<>(corpus.size());
        corpus.forEach((id, text) -> documents.add(new Document(id, text)));
        List<Query> queries = new ArrayList<>(judged.size());
        queryTexts.forEach((id, text) -> {
            Set<String> relevant = judged.get(id);
            if (relevant != null) {
                queries.add(new Query(id, text, relevant));
            }
        });
        return new BeirDataset(directory, split, documents, queries, queryTexts.size());
    }

    private static Map<String, String> idsAndTexts(Path file, boolean withTitle) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Line line : DatasetFiles.lines(file)) {
            JsonNode object = DatasetFiles.object(line);
            String id = DatasetFiles.string(line, object, "_id");
            String text = DatasetFiles.string(line, object, "text").strip();
            if (withTitle) {
                String title = DatasetFiles.optionalString(line, object, "title").strip();
                text = title.isEmpty() ? text : text.isEmpty() ? title : title + " " + text;
            }
            if (text.isEmpty()) {
                throw line.error("\"" + id + "\" has no text" + (withTitle ? " and no title" : ""));
            }
            if (texts.putIfAbsent(id, text) != null) {
                throw line.error("\"_id\" \"" + id + "\" appears twice");
            }
        }
        if (texts.isEmpty()) {
            throw new DatasetException(file, "holds no entries");
        }
        return texts;
    }

    private static Map<String, Set<String>> qrels(Path file, Map<String, String> corpus,
                                                  Map<String, String> queries) {
        List<Line> lines = DatasetFiles.lines(file);
        if (lines.isEmpty() || !lines.get(0).text().strip().equals(QRELS_HEADER)) {
            throw new DatasetException(file, lines.isEmpty() ? 1 : lines.get(0).number(),
                    "the first line must be the header \"" + QRELS_HEADER.replace("\t", "<TAB>") + "\"");
        }
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        for (Line line : lines.subList(1, lines.size())) {
            String[] fields = line.text().strip().split("\t", -1);
            if (fields.length != 3) {
                throw line.error("expected 3 tab-separated fields (query-id, corpus-id, score), found "
                        + fields.length);
            }
            String queryId = fields[0];
            String documentId = fields[1];
            if (!queries.containsKey(queryId)) {
                throw line.error("query \"" + queryId + "\" is not in queries.jsonl");
            }
            if (!corpus.containsKey(documentId)) {
                throw line.error("document \"" + documentId + "\" is not in corpus.jsonl");
            }
            int score;
            try {
                score = Integer.parseInt(fields[2].strip());
            } catch (NumberFormatException e) {
                throw line.error("score \"" + fields[2] + "\" is not an integer");
            }
            Set<String> documents = relevant.computeIfAbsent(queryId, id -> new LinkedHashSet<>());
            if (score > 0) {
                documents.add(documentId);
            }
        }
        return relevant;
    }
}
