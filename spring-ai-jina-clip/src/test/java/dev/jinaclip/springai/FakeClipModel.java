package dev.jinaclip.springai;

import dev.jinaclip.langchain4j.ClipEmbeddingResponseMetadata;
import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.model.embedding.request.EmbeddingInput;
import dev.langchain4j.model.embedding.request.EmbeddingRequest;
import dev.langchain4j.model.embedding.response.EmbeddingResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LangChain4j {@link MultimodalEmbeddingModel} stand-in: 4-dimensional vectors that encode each input (its
 * position in the call, whether it is an image, its length), and a record of what it was asked.
 */
public class FakeClipModel implements MultimodalEmbeddingModel {

    /** Every request, in order. */
    public final List<EmbeddingRequest> requests = new CopyOnWriteArrayList<>();
    /** How often {@link #dimension()} was asked. */
    public final AtomicInteger dimensionCalls = new AtomicInteger();
    private volatile RuntimeException failure;

    /** Make every call throw {@code failure}. */
    public FakeClipModel failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** The contents of every input of every request, in order. */
    public List<Content> contents() {
        List<Content> contents = new ArrayList<>();
        requests.forEach(r -> r.inputs().forEach(i -> contents.addAll(i.contents())));
        return contents;
    }

    /** The vector this fake gives the input at {@code position} of a call. */
    public static float[] vector(int position, Content content) {
        float size = content instanceof TextContent text ? text.text().length() : 0;
        return new float[] {position, content instanceof ImageContent ? 1 : 0, size, 1};
    }

    @Override
    public EmbeddingResponse doEmbed(EmbeddingRequest request) {
        requests.add(request);
        if (failure != null) {
            throw failure;
        }
        List<Embedding> embeddings = new ArrayList<>();
        int textTokens = 0;
        int images = 0;
        for (int i = 0; i < request.inputs().size(); i++) {
            EmbeddingInput input = request.inputs().get(i);
            Content content = input.contents().get(0);
            embeddings.add(Embedding.from(vector(i, content)));
            if (content instanceof ImageContent) {
                images++;
            } else {
                textTokens += 2;
            }
        }
        return EmbeddingResponse.builder().embeddings(embeddings)
                .metadata(ClipEmbeddingResponseMetadata.clipBuilder()
                        .modelName("jina-clip-v1")
                        .tokenUsage(new TokenUsage(textTokens + 10 * images, 0, textTokens + 10 * images))
                        .imageTokens(images == 0 ? null : 10 * images)
                        .build())
                .build();
    }

    @Override
    public int dimension() {
        dimensionCalls.incrementAndGet();
        return 4;
    }

    @Override
    public String modelName() {
        return "jina-clip-v1";
    }
}
