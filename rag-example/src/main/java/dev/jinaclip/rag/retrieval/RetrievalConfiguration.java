package dev.jinaclip.rag.retrieval;

import dev.jinaclip.langchain4j.MultimodalEmbeddingModel;
import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.store.Modality;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.injector.ContentInjector;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * LangChain4j's RAG chain over the jina-clip model that {@code spring-ai-jina-clip} auto-configures:
 *
 * <pre>
 * DefaultRetrievalAugmentor
 *   query router      ModalityQueryRouter: every query goes to one retriever per modality
 *     text queries    EmbeddingStoreContentRetriever x2 (filter modality=text / modality=image)
 *     image queries   QueryVectorRetriever x2 (the same, with the uploaded image's vector)
 *   aggregator        ReciprocalRankFusion: one list, ranked by rank within each modality
 *   injector          CitingContentInjector with a chat model, else LangChain4j's default
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class RetrievalConfiguration {

    /** The fusion of the per-modality lists. */
    @Bean
    public ReciprocalRankFusion reciprocalRankFusion(RagProperties properties) {
        RagProperties.Search search = properties.search();
        return new ReciprocalRankFusion(search.rrfK(), search.textWeight(), search.imageWeight());
    }

    /** The RAG chain: retrieval per modality, fusion, and the prompt for the optional chat model. */
    @Bean
    public RetrievalAugmentor retrievalAugmentor(MultimodalEmbeddingModel model, EmbeddingStore<TextSegment> store,
            ReciprocalRankFusion fusion, ObjectProvider<ContentInjector> injector, RagProperties properties) {
        RagProperties.Search search = properties.search();
        EmbeddingModel queryModel = new QueryEmbeddingCache(model);
        List<ContentRetriever> textQueries = List.of(
                textQueryRetriever(store, queryModel, Modality.TEXT, search.minTextCosine()),
                textQueryRetriever(store, queryModel, Modality.IMAGE, search.minImageCosine()));
        List<ContentRetriever> imageQueries = List.of(
                new QueryVectorRetriever(store, Modality.TEXT, relevance(search.minTextCosine())),
                new QueryVectorRetriever(store, Modality.IMAGE, relevance(search.minImageCosine())));
        return DefaultRetrievalAugmentor.builder()
                .queryRouter(new ModalityQueryRouter(textQueries, imageQueries))
                .contentAggregator(fusion)
                .contentInjector(injector.getIfAvailable(DefaultContentInjector::new))
                .executor(Runnable::run) // two in-process searches: no thread hand-off needed
                .build();
    }

    private static ContentRetriever textQueryRetriever(EmbeddingStore<TextSegment> store, EmbeddingModel model,
            Modality modality, double minCosine) {
        return EmbeddingStoreContentRetriever.builder()
                .displayName(modality.value() + "s")
                .embeddingStore(store)
                .embeddingModel(model)
                .filter(modality.filter())
                .dynamicMaxResults(QueryParameters::maxResults)
                .minScore(relevance(minCosine))
                .build();
    }

    /** LangChain4j's relevance score, (cosine + 1) / 2, of a cosine similarity. */
    static double relevance(double cosine) {
        return Math.max(0.0, Math.min(1.0, (cosine + 1) / 2));
    }
}
