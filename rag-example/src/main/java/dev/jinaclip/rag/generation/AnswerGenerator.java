package dev.jinaclip.rag.generation;

import dev.jinaclip.rag.retrieval.SearchHit;
import dev.jinaclip.rag.retrieval.SearchResponse;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an answer grounded in the retrieved passages and pictures: sends the RAG chain's augmented message
 * (numbered sources and the question, from {@link CitingContentInjector}) to the chat model with instructions to
 * use only those sources and cite them as [n]. A failing chat model gives an answer with an error, never a failed
 * search.
 */
public class AnswerGenerator {

    static final String INSTRUCTIONS = """
            You answer questions about a collection of documents and pictures. Use only the numbered sources in \
            the user's message: passages of text, and pictures. Cite every statement with the number of its \
            source in square brackets, like [2] or [1][3]. If the sources do not answer the question, say so \
            briefly. Answer in a few sentences.""";

    private static final Logger log = LoggerFactory.getLogger(AnswerGenerator.class);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*,\\s*\\d{1,3})*)]");

    private final ChatModel chatModel;
    private final String modelName;
    private final int maxSources;

    /**
     * @param chatModel the chat model
     * @param modelName its name, reported with each answer
     * @param maxSources how many results the injector puts into the message, so the citations that can be valid
     */
    public AnswerGenerator(ChatModel chatModel, String modelName, int maxSources) {
        this.chatModel = chatModel;
        this.modelName = modelName;
        this.maxSources = maxSources;
    }

    /** The model's name. */
    public String modelName() {
        return modelName;
    }

    /**
     * Asks the chat model.
     *
     * @param augmented the RAG chain's message: sources and question
     * @param hits the search results the sources were made of, in the same order
     */
    public SearchResponse.Answer answer(ChatMessage augmented, List<SearchHit> hits) {
        try {
            String text = chatModel.chat(SystemMessage.from(INSTRUCTIONS), augmented).aiMessage().text();
            if (text == null || text.isBlank()) {
                return new SearchResponse.Answer(null, List.of(), modelName, "The chat model returned no text.");
            }
            return new SearchResponse.Answer(text.strip(), citations(text, Math.min(maxSources, hits.size())),
                    modelName, null);
        } catch (RuntimeException e) {
            log.warn("The chat model {} failed: {}", modelName, e.toString());
            return new SearchResponse.Answer(null, List.of(), modelName, "The chat model failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** The distinct source numbers cited as [n] or [n, m], in order of first citation, that exist. */
    static List<Integer> citations(String text, int sources) {
        List<Integer> cited = new ArrayList<>();
        Matcher matcher = CITATION.matcher(text);
        while (matcher.find()) {
            for (String number : matcher.group(1).split(",")) {
                int n = Integer.parseInt(number.strip());
                if (n >= 1 && n <= sources && !cited.contains(n)) {
                    cited.add(n);
                }
            }
        }
        return List.copyOf(cited);
    }
}
