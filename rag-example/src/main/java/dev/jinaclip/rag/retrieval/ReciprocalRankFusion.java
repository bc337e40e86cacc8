package dev.jinaclip.rag.retrieval;

import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.query.Query;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the per-modality result lists into one ranking by weighted reciprocal rank fusion, never by comparing raw
 * cosine scores across modalities: jina-clip's text–text and text–image similarities live on different scales
 * (the modality gap), so a mediocre passage would outrank the best-matching picture. Each item scores
 *
 * <pre>fused(d) = Σ over the lists L that hold d of  weight(modality of L) / (k + rank_L(d))</pre>
 *
 * with ranks from 1 and k = 60 by default (Cormack et al., 2009). Only the order within a modality matters, and
 * that order is on one scale. Ties (the first passage and the first picture, with equal weights) go to the image,
 * then to the higher cosine within its own list. Each returned {@link Content} keeps its within-modality score as
 * {@link ContentMetadata#SCORE} and gets the fused score as {@link ContentMetadata#RERANKED_SCORE}. The list is cut
 * at the query's {@link QueryParameters#maxResults}. See docs/rag-example.md.
 */
public final class ReciprocalRankFusion implements ContentAggregator {

    /** The usual k of reciprocal rank fusion. */
    public static final int DEFAULT_K = 60;

    private final int k;
    private final Map<Modality, Double> weights;

    /**
     * @param k the rank offset: larger values flatten the difference between top and lower ranks
     * @param textWeight the weight of passage lists
     * @param imageWeight the weight of image lists
     */
    public ReciprocalRankFusion(int k, double textWeight, double imageWeight) {
        if (k < 0 || textWeight < 0 || imageWeight < 0) {
            throw new IllegalArgumentException("rrf-k and the weights must not be negative: k=" + k
                    + ", text-weight=" + textWeight + ", image-weight=" + imageWeight);
        }
        this.k = k;
        this.weights = new EnumMap<>(Map.of(Modality.TEXT, textWeight, Modality.IMAGE, imageWeight));
    }

    @Override
    public List<Content> aggregate(Map<Query, Collection<List<Content>>> queryToContents) {
        int maxResults = queryToContents.keySet().stream().mapToInt(QueryParameters::maxResults).min()
                .orElse(Integer.MAX_VALUE);
        List<Content> fused = fuse(queryToContents.values().stream().flatMap(Collection::stream).toList());
        return fused.size() > maxResults ? fused.subList(0, maxResults) : fused;
    }

    /** Fuses ranked lists (each sorted best first) into one, best first. */
    public List<Content> fuse(Collection<List<Content>> rankings) {
        Map<Object, Fused> byItem = new LinkedHashMap<>();
        for (List<Content> ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                Content content = ranking.get(i);
                Modality modality = Modality.of(content.textSegment());
                Fused fused = byItem.computeIfAbsent(key(content), key -> new Fused(content, modality));
                fused.score += weights.get(modality) / (k + i + 1);
            }
        }
        return byItem.values().stream()
                .sorted(Comparator.comparingDouble((Fused f) -> f.score).reversed()
                        .thenComparing(f -> f.modality == Modality.IMAGE ? 0 : 1)
                        .thenComparing(Comparator.comparingDouble(Fused::relevance).reversed())
                        .thenComparing(f -> Objects.toString(f.content.textSegment().metadata()
                                .getString(EntryMetadata.SOURCE), "")))
                .map(Fused::toContent)
                .toList();
    }

    private static Object key(Content content) {
        Object id = content.metadata().get(ContentMetadata.EMBEDDING_ID);
        return id != null ? id : content.textSegment();
    }

    private static final class Fused {
        final Content content;
        final Modality modality;
        double score;

        Fused(Content content, Modality modality) {
            this.content = content;
            this.modality = modality;
        }

        double relevance() {
            return content.metadata().get(ContentMetadata.SCORE) instanceof Double relevance ? relevance : 0.0;
        }

        Content toContent() {
            Map<ContentMetadata, Object> metadata = new EnumMap<>(ContentMetadata.class);
            metadata.putAll(content.metadata());
            metadata.put(ContentMetadata.RERANKED_SCORE, score);
            return Content.from(content.textSegment(), metadata);
        }
    }
}
