package dev.jinaclip.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fusion of per-modality lists, on hand-made lists with jina-clip-like scores. */
class ReciprocalRankFusionTest {

    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion(60, 1.0, 1.0);

    @Test
    void should_rank_the_best_image_above_passages_with_higher_cosines() {
        // given: text-text cosines around 0.5-0.8, text-image cosines around 0.2-0.35 (the modality gap)
        List<Content> passages = List.of(passage("a.md", 0.78), passage("b.md", 0.61), passage("unrelated.md", 0.52));
        List<Content> images = List.of(image("cat.jpg", 0.33), image("dog.jpg", 0.21));

        // when
        List<Content> fused = fusion.fuse(List.of(passages, images));

        // then: raw cosine would put all three passages first; fusion interleaves by rank
        assertThat(fused).extracting(ReciprocalRankFusionTest::source)
                .containsExactly("cat.jpg", "a.md", "dog.jpg", "b.md", "unrelated.md");
    }

    @Test
    void should_score_weight_over_k_plus_rank_and_keep_the_cosine() {
        // given
        List<Content> passages = List.of(passage("a.md", 0.9), passage("b.md", 0.8));

        // when
        List<Content> fused = fusion.fuse(List.of(passages));

        // then
        assertThat(fused.get(0).metadata().get(ContentMetadata.RERANKED_SCORE)).isEqualTo(1.0 / 61);
        assertThat(fused.get(1).metadata().get(ContentMetadata.RERANKED_SCORE)).isEqualTo(1.0 / 62);
        assertThat((Double) fused.get(0).metadata().get(ContentMetadata.SCORE)).isCloseTo(relevance(0.9),
                within(1e-12));
        assertThat(fused.get(0).metadata()).containsEntry(ContentMetadata.EMBEDDING_ID, "a.md");
    }

    @Test
    void should_break_a_tie_between_equal_ranks_in_favour_of_the_image() {
        // when
        List<Content> fused = fusion.fuse(List.of(List.of(passage("a.md", 0.99)), List.of(image("x.png", 0.1))));

        // then
        assertThat(fused).extracting(ReciprocalRankFusionTest::source).containsExactly("x.png", "a.md");
    }

    @Test
    void should_let_a_weight_favour_one_modality() {
        // given: passages count twice as much as images
        ReciprocalRankFusion textFirst = new ReciprocalRankFusion(60, 2.0, 1.0);
        List<Content> passages = List.of(passage("a.md", 0.7), passage("b.md", 0.6));
        List<Content> images = List.of(image("x.png", 0.3));

        // when
        List<Content> fused = textFirst.fuse(List.of(passages, images));

        // then: 2/61 and 2/62 both beat 1/61
        assertThat(fused).extracting(ReciprocalRankFusionTest::source).containsExactly("a.md", "b.md", "x.png");
    }

    @Test
    void should_sum_the_scores_of_an_item_found_by_two_lists() {
        // given: the same passage from two queries
        List<Content> first = List.of(passage("a.md", 0.9), passage("b.md", 0.8));
        List<Content> second = List.of(passage("b.md", 0.85));

        // when
        List<Content> fused = fusion.fuse(List.of(first, second));

        // then
        assertThat(fused).extracting(ReciprocalRankFusionTest::source).containsExactly("b.md", "a.md");
        assertThat((Double) fused.get(0).metadata().get(ContentMetadata.RERANKED_SCORE))
                .isCloseTo(1.0 / 62 + 1.0 / 61, within(1e-12));
    }

    @Test
    void should_cut_the_fused_list_at_the_querys_max_results() {
        // given
        Query query = Query.from("q", QueryParameters.request("q", 2, null).metadata());
        List<Content> passages = List.of(passage("a.md", 0.9), passage("b.md", 0.8));
        List<Content> images = List.of(image("x.png", 0.3), image("y.png", 0.2));

        // when
        List<Content> fused = fusion.aggregate(Map.of(query, List.of(passages, images)));

        // then
        assertThat(fused).extracting(ReciprocalRankFusionTest::source).containsExactly("x.png", "a.md");
    }

    @Test
    void should_reject_negative_settings() {
        assertThatThrownBy(() -> new ReciprocalRankFusion(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rrf-k");
    }

    private static Content passage(String source, double cosine) {
        return content(source, Modality.TEXT, cosine);
    }

    private static Content image(String source, double cosine) {
        return content(source, Modality.IMAGE, cosine);
    }

    private static Content content(String source, Modality modality, double cosine) {
        Metadata metadata = new Metadata().put(EntryMetadata.SOURCE, source)
                .put(EntryMetadata.MODALITY, modality.value());
        return Content.from(TextSegment.from("content of " + source, metadata),
                Map.of(ContentMetadata.SCORE, relevance(cosine), ContentMetadata.EMBEDDING_ID, source));
    }

    private static double relevance(double cosine) {
        return (cosine + 1) / 2;
    }

    private static String source(Content content) {
        return content.textSegment().metadata().getString(EntryMetadata.SOURCE);
    }
}
