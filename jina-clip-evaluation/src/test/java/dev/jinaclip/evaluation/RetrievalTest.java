package dev.jinaclip.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact search and the two recall definitions, on unit vectors in the plane. */
class RetrievalTest {

    private static final int[] NO_EXCLUSION = {Retrieval.NONE};

    // gallery at 0°, 30°, 60° and 90°
    private static final float[][] GALLERY = {unit(0), unit(30), unit(60), unit(90)};

    @Test
    void should_rank_by_cosine_and_keep_gallery_order_among_equals() {
        // 45° is as near 30° as 60°: the earlier, 30°, ranks first
        assertThat(Retrieval.top(unit(45), GALLERY, 4, Retrieval.NONE)).containsExactly(1, 2, 0, 3);
        assertThat(Retrieval.top(unit(85), GALLERY, 2, Retrieval.NONE)).containsExactly(3, 2);
        float[][] ties = {unit(10), unit(10), unit(10)};
        assertThat(Retrieval.top(unit(10), ties, 2, Retrieval.NONE)).containsExactly(0, 1);
    }

    @Test
    void should_leave_the_excluded_item_out_and_stop_at_the_gallery_size() {
        assertThat(Retrieval.top(unit(0), GALLERY, 10, 0)).containsExactly(1, 2, 3);
        assertThat(Retrieval.top(unit(0), GALLERY, 10, Retrieval.NONE)).hasSize(4);
    }

    @Test
    void should_count_a_query_as_recalled_when_any_relevant_item_is_in_its_first_k() {
        // query at 0° ranks 0°, 30°, 60°, 90°; its relevant items are 60° (rank 3) and 90° (rank 4)
        TaskResult result = Retrieval.evaluate(Task.TEXT_TEXT, new float[][] {unit(0)}, GALLERY,
                List.of(new int[] {2, 3}), NO_EXCLUSION, new int[] {1, 3, 4});

        assertThat(result.recall()).containsEntry(1, 0.0).containsEntry(3, 1.0).containsEntry(4, 1.0);
        // MTEB's recall: one of the two found at 3, both at 4
        assertThat(result.recallFraction()).containsEntry(1, 0.0).containsEntry(3, 0.5).containsEntry(4, 1.0);
    }

    @Test
    void should_average_over_queries_with_a_relevant_item_only() {
        // query 0 (0°) finds its item 0 first; query 1 (90°) has none; query 2 (90°) wants 0°, ranked last
        TaskResult result = Retrieval.evaluate(Task.IMAGE_IMAGE, new float[][] {unit(0), unit(90), unit(90)},
                GALLERY, List.of(new int[] {0}, new int[0], new int[] {0}),
                new int[] {Retrieval.NONE, Retrieval.NONE, Retrieval.NONE}, new int[] {1, 4});

        assertThat(result.queries()).isEqualTo(3);
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.recall()).containsEntry(1, 0.5).containsEntry(4, 1.0);
    }

    @Test
    void should_give_no_number_when_no_query_has_a_relevant_item() {
        TaskResult result = Retrieval.evaluate(Task.IMAGE_IMAGE, new float[][] {unit(0)}, GALLERY,
                List.of(new int[0]), NO_EXCLUSION, new int[] {5});

        assertThat(result.recallAt(5)).isNaN();
        assertThat(TableReport.recall(result.recallAt(5))).isEqualTo("n/a");
    }

    private static float[] unit(double degrees) {
        double radians = Math.toRadians(degrees);
        return new float[] {(float) Math.cos(radians), (float) Math.sin(radians)};
    }
}
