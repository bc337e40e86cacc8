/**
 * jina-clip for Spring AI: {@link dev.jinaclip.springai.JinaClipEmbeddingModel} (a text
 * {@code EmbeddingModel} that also embeds image documents) and
 * {@link dev.jinaclip.springai.JinaClipDocumentEmbeddingModel} (a multimodal {@code DocumentEmbeddingModel}),
 * both adapters over the LangChain4j {@code MultimodalEmbeddingModel} of {@code langchain4j-jina-clip}.
 */
@NullMarked
package dev.jinaclip.springai;

import org.jspecify.annotations.NullMarked;
