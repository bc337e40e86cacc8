package dev.jinaclip.core.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordRuleOfThumbTest {

    private final TextTokenCounter ruleOfThumb = TextTokenCounter.ruleOfThumb();

    @ParameterizedTest(name = "{1} words → {2} tokens")
    @CsvSource(delimiter = '|', value = {
            "cat | 1 | 4",
            "a photo of a cat | 5 | 8",
            "one two three four five six seven eight nine ten | 10 | 13",
            "'  spaced\tout\n\nwords\u00A0here  ' | 4 | 7"})
    void should_add_ten_percent_rounded_up_and_two_special_tokens(String text, long words, long tokens) {
        assertThat(WordRuleOfThumb.words(text)).isEqualTo(words);
        assertThat(ruleOfThumb.count(text)).isEqualTo(tokens);
    }

    @Test
    void should_say_it_is_an_estimate() {
        assertThat(ruleOfThumb.exact()).isFalse();
    }
}
