package dev.jinaclip.rag.generation;

import dev.jinaclip.rag.ingest.Thumbnails;
import dev.jinaclip.rag.store.EntryMetadata;
import dev.jinaclip.rag.store.Modality;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ContentInjector} of the RAG chain when a chat model is configured: turns the fused results into a
 * user message of numbered sources, passages as text and images as pictures (their thumbnails, when
 * {@code rag.chat.send-images} is on) or as file names, followed by the question. The numbers are the results'
 * ranks, so the answer's citations [n] point at the cards on the page.
 */
public final class CitingContentInjector implements ContentInjector {

    private final Thumbnails thumbnails;
    private final int maxSources;
    private final boolean sendImages;

    /**
     * @param thumbnails where the images' thumbnails are
     * @param maxSources how many of the top results go into the message
     * @param sendImages whether images go as pictures; else only their file names do
     */
    public CitingContentInjector(Thumbnails thumbnails, int maxSources, boolean sendImages) {
        this.thumbnails = thumbnails;
        this.maxSources = maxSources;
        this.sendImages = sendImages;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage chatMessage) {
        String question = ((UserMessage) chatMessage).singleText();
        List<dev.langchain4j.data.message.Content> parts = new ArrayList<>();
        parts.add(TextContent.from("Sources:"));
        for (int i = 0; i < Math.min(maxSources, contents.size()); i++) {
            TextSegment segment = contents.get(i).textSegment();
            String source = segment.metadata().getString(EntryMetadata.SOURCE);
            if (Modality.of(segment) == Modality.TEXT) {
                parts.add(TextContent.from("[" + (i + 1) + "] passage of " + source + ":\n" + segment.text()));
                continue;
            }
            Optional<byte[]> picture = sendImages
                    ? Optional.ofNullable(segment.metadata().getString(EntryMetadata.THUMBNAIL)).flatMap(thumbnails::read)
                    : Optional.empty();
            parts.add(TextContent.from("[" + (i + 1) + "] picture " + source + (picture.isPresent() ? ":"
                    : " (only its file name is given)")));
            picture.ifPresent(bytes -> parts.add(ImageContent.from(Base64.getEncoder().encodeToString(bytes),
                    "image/jpeg")));
        }
        parts.add(TextContent.from("Question: " + question));
        return UserMessage.from(parts);
    }
}
