package dev.jinaclip.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class TextBatchesTest {

    @Test
    void should_group_texts_of_similar_length_longest_first() {
        int[] lengths = {5, 100, 6, 90, 7, 95, 60, 61, 62, 63};

        List<int[]> batches = TextBatches.plan(lengths, 3, 10_000);

        assertThat(batches).containsExactly(new int[] {1, 5, 3}, new int[] {9, 8, 7}, new int[] {6},
                new int[] {4, 2, 0});
    }

    @Test
    void should_keep_padded_tokens_within_the_budget() {
        int[] lengths = {512, 512, 512, 10, 10, 10, 10};

        List<int[]> batches = TextBatches.plan(lengths, 32, 1024);

        // a batch led by a 512-token text holds two texts at most, and no short text is padded to 512
        assertThat(batches).containsExactly(new int[] {0, 1}, new int[] {2}, new int[] {3, 4, 5, 6});
    }

    @Test
    void should_give_a_text_longer_than_the_budget_a_batch_of_its_own() {
        assertThat(TextBatches.plan(new int[] {3, 5000, 4}, 32, 1000))
                .containsExactly(new int[] {1}, new int[] {2, 0});
    }

    @Test
    void should_plan_nothing_for_no_texts() {
        assertThat(TextBatches.plan(new int[0], 32, 1000)).isEmpty();
    }

    @RepeatedTest(10)
    void should_place_every_text_exactly_once_within_both_bounds() {
        Random random = new Random();
        int[] lengths = IntStream.range(0, 200).map(i -> 1 + random.nextInt(600)).toArray();
        int maxBatchSize = 1 + random.nextInt(40);
        int maxBatchTokens = 600 + random.nextInt(20_000);

        List<int[]> batches = TextBatches.plan(lengths, maxBatchSize, maxBatchTokens);

        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 200).toArray());
        for (int[] batch : batches) {
            int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElseThrow();
            assertThat(batch.length).isLessThanOrEqualTo(maxBatchSize);
            int shortest = Arrays.stream(batch).map(i -> lengths[i]).min().orElseThrow();
            assertThat(batch.length == 1 || batch.length * longest <= maxBatchTokens).isTrue();
            assertThat(2 * shortest).isGreaterThanOrEqualTo(longest);
        }
    }

    @RepeatedTest(10)
    void should_keep_every_batch_of_several_texts_within_the_memory_bound() {
        Random random = new Random();
        int[] lengths = IntStream.range(0, 100).map(i -> 1 + random.nextInt(4000)).toArray();
        long maxBatchBytes = (64L << 20) + random.nextInt(2000) * (1L << 20);

        List<int[]> batches = TextBatches.plan(lengths, 64, 1_000_000, maxBatchBytes);

        assertThat(batches.stream().mapToInt(batch -> batch.length).sum()).isEqualTo(100);
        for (int[] batch : batches) {
            int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElseThrow();
            assertThat(batch.length == 1 || InferenceMemory.textBytes(batch.length, longest) <= maxBatchBytes)
                    .as("%d texts of %d tokens", batch.length, longest).isTrue();
        }
    }

    @Test
    void should_batch_long_texts_one_by_one_when_two_would_not_fit_in_memory() {
        // two texts of 2,000 tokens need about 1.4 GB; one fits a 1 GB bound
        int[] lengths = {2000, 2000, 1990};

        List<int[]> batches = TextBatches.plan(lengths, 32, 100_000, 1L << 30);

        assertThat(batches).extracting(batch -> batch.length).containsExactly(1, 1, 1);
    }
}
