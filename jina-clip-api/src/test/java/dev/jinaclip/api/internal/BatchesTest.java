package dev.jinaclip.api.internal;

import dev.jinaclip.core.internal.InputResolver;
import dev.jinaclip.core.internal.ResolvedInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jinaclip.core.ClipInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {

    static List<ResolvedInput> inputs(int... imageSizes) {
        List<ClipInput> inputs = new ArrayList<>();
        for (int size : imageSizes) {
            inputs.add(size == 0 ? ClipInput.text("text") : ClipInput.imageBytes(new byte[size]));
        }
        return new InputResolver(Long.MAX_VALUE).resolve(inputs);
    }

    @Test
    void should_split_by_count_keeping_order() {
        assertThat(Batches.split(inputs(0, 0, 0, 0, 0), 2, 100)).containsExactly(
                new Batches.Range(0, 2), new Batches.Range(2, 4), new Batches.Range(4, 5));
    }

    @Test
    void should_keep_one_batch_when_everything_fits() {
        assertThat(Batches.split(inputs(0, 10, 0), 64, 100)).containsExactly(new Batches.Range(0, 3));
    }

    @Test
    void should_split_when_image_data_would_exceed_the_budget() {
        assertThat(Batches.split(inputs(40, 40, 0, 40, 10), 64, 100)).containsExactly(
                new Batches.Range(0, 3), new Batches.Range(3, 5));
    }

    @Test
    void should_give_an_image_larger_than_the_budget_a_batch_of_its_own() {
        assertThat(Batches.split(inputs(10, 150, 10), 64, 100)).containsExactly(
                new Batches.Range(0, 1), new Batches.Range(1, 2), new Batches.Range(2, 3));
    }

    @Test
    void should_return_no_batches_for_no_inputs() {
        assertThat(Batches.split(List.of(), 64, 100)).isEmpty();
    }
}
