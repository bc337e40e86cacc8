/**
 * jina-clip for Spring AI: {@link dev.jinaclip.springai.JinaClipEmbeddingModel} (a text
 * {@code EmbeddingModel} that also embeds image documents) and
 * {@link dev.jinaclip.springai.JinaClipDocumentEmbeddingModel} (a multimodal {@code DocumentEmbeddingModel}),
 * both over a jina-clip {@link dev.jinaclip.core.ClipEngine}: the hosted API client of {@code jina-clip-api} or the
 * in-process engine of {@code jina-clip-onnx}.
 */
@NullMarked
package dev.jinaclip.springai;

import org.jspecify.annotations.NullMarked;
