package dev.jinaclip.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;

class KeyRedactorTest {

    static final KeyRedactor REDACTOR = new KeyRedactor("jina_a+b/c=\"d\\e");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            plain                 | jina_a+b/c="d\\e                        | ********
            inside a token        | xjina_a+b/c="d\\ey                      | x********y
            with Bearer, twice    | Bearer jina_a+b/c="d\\e, jina_a+b/c="d\\e | Bearer ********, ********
            URL-encoded           | ?k=jina_a%2Bb%2Fc%3D%22d%5Ce&x=1         | ?k=********&x=1
            lower-case hex        | jina_a%2bb%2fc=%22d%5ce                  | ********
            every char encoded    | %6a%69%6e%61%5f%61%2b%62%2f%63%3d%22%64%5c%65 | ********
            JSON-escaped          | "jina_a+b\\/c=\\"d\\\\e"                 | "********"
            unicode-escaped       | \\u006aina_a\\u002Bb/c=\\u0022d\\u005ce  | ********
            a different key       | jina_a+b/c="d\\f                        | jina_a+b/c="d\\f
            a prefix only         | jina_a+b/c=                             | jina_a+b/c=
            nothing               | Invalid API key                          | Invalid API key
            """)
    void should_mask_every_form_of_the_key(String name, String text, String expected) {
        assertThat(REDACTOR.redact(text)).isEqualTo(expected);
        assertThat(REDACTOR.isIn(text)).isEqualTo(!expected.equals(text));
    }

    @ParameterizedTest
    @NullSource
    void should_pass_null_through(String text) {
        assertThat(REDACTOR.redact(text)).isNull();
        assertThat(REDACTOR.isIn(text)).isFalse();
    }
}
