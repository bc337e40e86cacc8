package dev.jinaclip.rag.web;

import dev.jinaclip.rag.ingest.CorpusIngestor;
import dev.jinaclip.rag.ingest.IngestionReport;
import dev.jinaclip.rag.retrieval.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints the URL to open once the app is ready (after the start-up ingestion). */
@Component
public class StartupLog {

    private static final Logger log = LoggerFactory.getLogger(StartupLog.class);

    private final Environment environment;
    private final CorpusIngestor ingestor;
    private final SearchService search;

    public StartupLog(Environment environment, CorpusIngestor ingestor, SearchService search) {
        this.environment = environment;
        this.ingestor = ingestor;
        this.search = search;
    }

    /** Logs the URL, what is indexed and whether answers are written. */
    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        IngestionReport index = ingestor.lastReport();
        log.info("jina-clip RAG example ready: open http://localhost:{}/ ({} passages and {} images indexed; {})",
                port, index.passages(), index.images(), search.generation().equals("on")
                        ? "answers from " + environment.getProperty("rag.chat.model")
                        : "retrieval only, no chat model configured");
    }
}
