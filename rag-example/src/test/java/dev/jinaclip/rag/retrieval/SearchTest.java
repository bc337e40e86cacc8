package dev.jinaclip.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.rag.AppTest;
import dev.jinaclip.rag.TestCorpus;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Searches of the running app over the test corpus, through LangChain4j's RAG chain and the fusion, on the
 * "semantic" fixture: colour words match pictures of that colour; any other words match each other and grey.
 */
class SearchTest extends AppTest {

    @Autowired
    SearchService search;

    @Test
    void should_return_the_image_of_the_queried_colour_first_and_its_passage() {
        // when
        SearchResponse response = search.searchText("a red apple", 4, true);

        // then
        List<SearchHit> results = response.results();
        assertThat(results.get(0).source()).isEqualTo("images/red.png");
        assertThat(results.get(0).modality()).isEqualTo("image");
        assertThat(results.get(0).thumbnailUrl()).matches("/thumbnails/[0-9a-f]{64}\\.jpg");
        assertThat(results.get(0).cosine()).isGreaterThan(0.9);
        assertThat(results.get(1).source()).isEqualTo("texts/red.md");
        assertThat(results.get(1).modality()).isEqualTo("text");
        assertThat(results.get(1).text()).contains(TestCorpus.RED_TEXT);
        assertThat(results).extracting(SearchHit::rank).containsExactly(1, 2, 3, 4);
        assertThat(response.generation()).isEqualTo("off");
        assertThat(response.answer()).isNull();
    }

    @Test
    void should_rank_a_matching_image_above_an_unrelated_passage_that_has_a_higher_cosine() {
        // given: in this fixture any two texts without colour words are near-identical (cosine ~1), while the
        // best picture for such a text, the grey one, has a cosine of ~0.8: the modality gap in miniature

        // when
        List<SearchHit> results = search.searchText("a photo of a cat", 8, false).results();

        // then
        SearchHit grey = find(results, "images/grey.png");
        SearchHit weather = find(results, "texts/weather.txt");
        assertThat(weather.cosine()).isGreaterThan(grey.cosine()); // raw cosine would rank the weather first
        assertThat(grey.rank()).isEqualTo(1);
        assertThat(grey.rank()).isLessThan(weather.rank());
        assertThat(grey.fusedScore()).isGreaterThanOrEqualTo(weather.fusedScore()); // equal when both lead their lists
    }

    @Test
    void should_mix_both_modalities_in_one_list_sorted_by_fused_score() {
        // when
        List<SearchHit> results = search.searchText("blue", 8, false).results();

        // then
        assertThat(results).hasSize(8);
        assertThat(results).extracting(SearchHit::modality).contains("text", "image");
        assertThat(results).extracting(SearchHit::fusedScore).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(results.subList(0, 2)).extracting(SearchHit::source)
                .containsExactly("images/blue.png", "texts/blue.txt");
    }

    @Test
    void should_find_the_picture_and_the_passage_of_an_uploaded_pictures_colour() {
        // when
        SearchResponse response = search.searchImage(TestCorpus.png(Color.BLUE), "sky.png", 3);

        // then
        assertThat(response.kind()).isEqualTo("image");
        assertThat(response.query()).contains("sky.png");
        assertThat(response.results()).extracting(SearchHit::source).startsWith("images/blue.png",
                "texts/blue.txt");
        assertThat(response.results().get(0).cosine()).isGreaterThan(0.99);
    }

    @Test
    void should_cut_the_fused_list_at_k() {
        // when
        SearchResponse response = search.searchText("green", 1, false);

        // then
        assertThat(response.results()).singleElement().extracting(SearchHit::source).isEqualTo("images/green.png");
    }

    private static SearchHit find(List<SearchHit> results, String source) {
        return results.stream().filter(hit -> hit.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError(source + " not in " + results));
    }
}
