package dev.jinaclip.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleLineTest {

    @Test
    void should_cover_a_longer_previous_text_and_start_afresh_after_the_last() {
        ConsoleLine line = new ConsoleLine();

        assertThat(line.redraw("abcdef", false)).isEqualTo("\rabcdef");
        assertThat(line.redraw("abc", false)).isEqualTo("\rabc   ");
        assertThat(line.redraw("ab", true)).isEqualTo("\rab " + System.lineSeparator());
        assertThat(line.redraw("a", false)).isEqualTo("\ra");
        assertThat(line.end()).isEqualTo(System.lineSeparator());
        assertThat(line.redraw("b", false)).isEqualTo("\rb");
    }

    @Test
    void should_fill_a_bar_in_proportion() {
        assertThat(ConsoleLine.bar(0, 10, 4)).isEqualTo("    ");
        assertThat(ConsoleLine.bar(5, 10, 4)).isEqualTo("##  ");
        assertThat(ConsoleLine.bar(20, 10, 4)).isEqualTo("####");
        assertThat(ConsoleLine.bar(3, 0, 4)).isEqualTo("####");
    }
}
