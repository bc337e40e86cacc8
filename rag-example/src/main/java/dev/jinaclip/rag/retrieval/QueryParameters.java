package dev.jinaclip.rag.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a search passes down LangChain4j's RAG chain besides the query text, as the query's
 * {@link InvocationParameters}: the number of results wanted and, for an image query, the image's vector (a
 * {@code Query} holds only text).
 */
public final class QueryParameters {

    static final String MAX_RESULTS = "rag.maxResults";
    static final String QUERY_EMBEDDING = "rag.queryEmbedding";

    private QueryParameters() {
    }

    /**
     * A request for the {@code RetrievalAugmentor}.
     *
     * @param text the question, or a description of an image query
     * @param maxResults how many results to return in all
     * @param queryEmbedding the query image's vector, for an image query; null for a text query, which the
     *     retrievers embed themselves
     */
    public static AugmentationRequest request(String text, int maxResults, @Nullable Embedding queryEmbedding) {
        InvocationParameters parameters = new InvocationParameters();
        parameters.put(MAX_RESULTS, maxResults);
        if (queryEmbedding != null) {
            parameters.put(QUERY_EMBEDDING, queryEmbedding);
        }
        UserMessage message = UserMessage.from(text);
        InvocationContext context = InvocationContext.builder().invocationParameters(parameters).build();
        return new AugmentationRequest(message, Metadata.builder().chatMessage(message).invocationContext(context)
                .build());
    }

    /** How many results the query asks for; unlimited for a query without parameters. */
    public static int maxResults(Query query) {
        return parameters(query).map(p -> p.<Integer>getOrDefault(MAX_RESULTS, Integer.MAX_VALUE))
                .orElse(Integer.MAX_VALUE);
    }

    /** The vector of an image query. */
    public static Optional<Embedding> queryEmbedding(Query query) {
        return parameters(query).map(p -> p.<Embedding>get(QUERY_EMBEDDING));
    }

    private static Optional<InvocationParameters> parameters(Query query) {
        return Optional.ofNullable(query.metadata()).map(Metadata::invocationContext)
                .map(InvocationContext::invocationParameters);
    }
}
