package dev.jinaclip.rag.web;

import dev.jinaclip.rag.RagProperties;
import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.IndexingStatus;
import dev.jinaclip.rag.ingest.IngestionReport;
import dev.jinaclip.rag.retrieval.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the URL to open: when the web server answers, if the start-up indexing is about to run (the page shows its
 * progress), and once the app is ready, with what is indexed or why nothing could be.
 */
@Component
public class StartupLog {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final Environment environment;
    private final CorpusIngestor ingestor;
    private final SearchService search;
    private final RagProperties properties;

    public StartupLog(Environment environment, CorpusIngestor ingestor, SearchService search,
            RagProperties properties) {
        this.environment = environment;
        this.ingestor = ingestor;
        this.search = search;
        this.properties = properties;
    }

    /** Before the start-up indexing: where to watch it. */
    @EventListener(ApplicationStartedEvent.class)
    public void started() {
        if (properties.ingestOnStartup()) {
            log.info("jina-clip RAG example: indexing {}; http://localhost:{}/ shows the progress",
                    ingestor.corpusDir().toAbsolutePath().normalize(), port());
        }
    }

    /** Logs the URL, what is indexed (or why nothing is) and whether answers are written. */
    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        if (ingestor.status().state() == IndexingStatus.State.FAILED) {
            log.warn("jina-clip RAG example ready at http://localhost:{}/, but indexing failed (see above): fix it,"
                    + " then press Re-index on the page or POST /api/ingest", port());
            return;
        }
        IngestionReport index = ingestor.lastReport();
        log.info("jina-clip RAG example ready: open http://localhost:{}/ ({} passages and {} images indexed; {})",
                port(), index.passages(), index.images(), search.generation().equals("on")
                        ? "answers from " + environment.getProperty("rag.chat.model")
                        : "retrieval only, no chat model configured");
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
