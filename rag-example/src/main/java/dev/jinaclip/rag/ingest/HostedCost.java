package dev.jinaclip.rag.ingest;

/**
 * What embedding the indexed corpus once costs on the hosted Jina API, in tokens: its passages as they are split,
 * its images by the tiles that cover them ({@code dev.jinaclip.core.cost.TokenEstimator}, docs/cost.md).
 *
 * @param tokens      passages and images
 * @param textTokens  the passages
 * @param imageTokens the images
 * @param exactText   whether the passages were counted with the model's tokenizer (the app runs the local
 *                    backend), rather than estimated at 1.1 tokens per word
 */
public record HostedCost(long tokens, long textTokens, long imageTokens, boolean exactText) {
}
