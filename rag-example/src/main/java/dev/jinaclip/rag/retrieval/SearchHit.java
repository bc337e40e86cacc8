package dev.jinaclip.rag.retrieval;

import org.jspecify.annotations.Nullable;

/**
 * One result of a search, passage or image.
 *
 * @param rank its place in the fused list, from 1
 * @param modality {@code text} (a passage) or {@code image}
 * @param source the file's path relative to the corpus folder
 * @param mediaType the file's media type
 * @param cosine the cosine similarity to the query, comparable only within the same modality
 * @param fusedScore the reciprocal-rank-fusion score the list is sorted by
 * @param text the passage; for an image, its label
 * @param passage the passage's position in its file, from 0; null for an image
 * @param thumbnailUrl where the page gets an image's thumbnail; null for a passage
 * @param sourceUrl where the page gets the original file
 */
public record SearchHit(int rank, String modality, String source, String mediaType, double cosine, double fusedScore,
        String text, @Nullable Integer passage, @Nullable String thumbnailUrl, String sourceUrl) {
}
