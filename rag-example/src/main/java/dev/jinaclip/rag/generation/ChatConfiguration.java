package dev.jinaclip.rag.generation;

import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.ingest.Thumbnails;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Generation, on when {@code rag.chat.model} is set: LangChain4j's {@link OpenAiChatModel} against any
 * OpenAI-compatible endpoint ({@code rag.chat.base-url}: OpenAI, or a local server such as Ollama at
 * {@code http://localhost:11434/v1}). It sends requests with the JDK's HttpClient, so it adds no OkHttp next to
 * the OkHttp 5 of jina-clip's hosted backend. Without {@code rag.chat.model}, none of these beans exist and the
 * app runs retrieval-only.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ChatConfiguration.ChatModelConfigured.class)
public class ChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChatConfiguration.class);

    /** The chat model. */
    @Bean
    public ChatModel chatModel(RagProperties properties) {
        RagProperties.Chat chat = properties.chat();
        log.info("Generation on: chat model {} at {}", chat.model(), chat.baseUrl());
        return OpenAiChatModel.builder()
                .baseUrl(chat.baseUrl())
                .apiKey(StringUtils.hasText(chat.apiKey()) ? chat.apiKey() : null)
                .modelName(chat.model())
                .timeout(chat.timeout())
                .maxRetries(1)
                .build();
    }

    /** The RAG chain's injector: numbered sources, with pictures. */
    @Bean
    public CitingContentInjector citingContentInjector(Thumbnails thumbnails, RagProperties properties) {
        return new CitingContentInjector(thumbnails, properties.chat().maxSources(), properties.chat().sendImages());
    }

    /** Writes the answers. */
    @Bean
    public AnswerGenerator answerGenerator(ChatModel chatModel, RagProperties properties) {
        return new AnswerGenerator(chatModel, properties.chat().model(), properties.chat().maxSources());
    }

    /** Matches when {@code rag.chat.model} has text. */
    static class ChatModelConfigured extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("rag.chat.model"))
                    ? ConditionOutcome.match("rag.chat.model is set")
                    : ConditionOutcome.noMatch("rag.chat.model is not set: retrieval only");
        }
    }
}
