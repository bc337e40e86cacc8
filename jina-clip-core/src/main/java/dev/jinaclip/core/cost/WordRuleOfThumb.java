package dev.jinaclip.core.cost;

/** {@link TextTokenCounter#ruleOfThumb()}. */
final class WordRuleOfThumb implements TextTokenCounter {

    static final WordRuleOfThumb INSTANCE = new WordRuleOfThumb();

    // 1.1 tokens per word, in tenths so that no rounding of a double decides the ceiling
    private static final long TENTHS_PER_WORD = 11;
    private static final long SPECIAL_TOKENS = 2;

    private WordRuleOfThumb() {
    }

    @Override
    public long count(String text) {
        long words = words(text);
        return (words * TENTHS_PER_WORD + 9) / 10 + SPECIAL_TOKENS;
    }

    @Override
    public boolean exact() {
        return false;
    }

    static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean space = Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
            i += Character.charCount(codePoint);
        }
        return words;
    }

    @Override
    public String toString() {
        return "rule of thumb (1.1 tokens per word + 2)";
    }
}
