package dev.jinaclip.core.cost;

import dev.jinaclip.core.JinaClipModel;
import java.util.List;

/**
 * What a list of inputs costs on the hosted API, input by input.
 *
 * @param model     the model priced
 * @param exactText whether texts were counted by the model's tokenizer rather than by the rule of thumb
 * @param inputs    one entry per input, in input order
 */
public record TokenEstimate(JinaClipModel model, boolean exactText, List<InputTokens> inputs) {

    /** Copies the list. */
    public TokenEstimate {
        inputs = List.copyOf(inputs);
    }

    /** The tokens of every input. */
    public long tokens() {
        return textTokens() + imageTokens();
    }

    /** The tokens of the texts. */
    public long textTokens() {
        return inputs.stream().filter(input -> !input.isImage()).mapToLong(InputTokens::tokens).sum();
    }

    /** The tokens of the images. */
    public long imageTokens() {
        return inputs.stream().filter(InputTokens::isImage).mapToLong(InputTokens::tokens).sum();
    }
}
