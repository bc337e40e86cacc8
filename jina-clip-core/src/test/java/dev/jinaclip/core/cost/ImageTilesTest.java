package dev.jinaclip.core.cost;

import static dev.jinaclip.core.JinaClipModel.JINA_CLIP_V1;
import static dev.jinaclip.core.JinaClipModel.JINA_CLIP_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageTilesTest {

    @Test
    void should_bill_the_published_example_at_12000_tokens() {
        ImageTiles tiles = new ImageTiles(JINA_CLIP_V1, 750, 500);

        assertThat(tiles.columns()).isEqualTo(4);
        assertThat(tiles.rows()).isEqualTo(3);
        assertThat(tiles.count()).isEqualTo(12);
        assertThat(tiles.tokens()).isEqualTo(12_000);
    }

    @Test
    void should_bill_v2_by_its_own_tiles() {
        ImageTiles tiles = new ImageTiles(JINA_CLIP_V2, 750, 500);

        assertThat(tiles.count()).isEqualTo(2);
        assertThat(tiles.tokens()).isEqualTo(8_000);
    }

    @ParameterizedTest(name = "{0}×{1} → {2} tiles")
    @CsvSource({"1, 1, 1", "224, 224, 1", "225, 224, 2", "448, 449, 6", "896, 896, 16", "4032, 3024, 252",
            "10000, 10000, 2025"})
    void should_round_each_side_up(int width, int height, long tiles) {
        assertThat(new ImageTiles(JINA_CLIP_V1, width, height).count()).isEqualTo(tiles);
    }

    @Test
    void should_not_overflow_on_the_largest_sides() {
        ImageTiles tiles = new ImageTiles(JINA_CLIP_V1, Integer.MAX_VALUE, Integer.MAX_VALUE);

        assertThat(tiles.columns()).isEqualTo(9_586_981);
        assertThat(tiles.tokens()).isEqualTo(9_586_981L * 9_586_981L * 1000);
    }

    @Test
    void should_refuse_an_empty_side() {
        assertThatThrownBy(() -> new ImageTiles(JINA_CLIP_V1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0×10");
    }
}
