package dev.jinaclip.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text query searched in two modality lists is embedded once. */
class QueryEmbeddingCacheTest {

    @Test
    void should_embed_a_repeated_query_text_once() {
        // given
        List<String> embedded = new ArrayList<>();
        EmbeddingModel model = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                segments.forEach(segment -> embedded.add(segment.text()));
                return Response.from(segments.stream().map(s -> Embedding.from(new float[] {s.text().length()}))
                        .toList());
            }
        };
        QueryEmbeddingCache cache = new QueryEmbeddingCache(model);

        // when
        Embedding first = cache.embed("red apple").content();
        Embedding second = cache.embed("red apple").content();
        cache.embed("blue sky");

        // then
        assertThat(second).isEqualTo(first);
        assertThat(embedded).containsExactly("red apple", "blue sky");
    }
}
