package dev.jinaclip.core;

/**
 * What an input is used for in retrieval. jina-clip-v1 is symmetric and embeds both the same way;
 * jina-clip-v2 embeds text queries with its {@code retrieval.query} task.
 */
public enum ClipInputType {
    /** A search query. */
    QUERY,
    /** A document to be indexed and searched. */
    DOCUMENT
}
