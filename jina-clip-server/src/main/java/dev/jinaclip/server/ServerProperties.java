package dev.jinaclip.server;

import dev.jinaclip.api.JinaClipApiConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** The server's own settings, {@code jina-clip.server.*}; the engine's are {@code spring.ai.jina-clip.*}. */
@ConfigurationProperties("jina-clip.server")
public class ServerProperties {

    /** The Bearer keys that may call the endpoint; none leaves it open (with a warning at start-up). */
    private List<String> apiKeys = new ArrayList<>();

    /** The largest request body; larger ones answer 413. */
    private DataSize maxBodySize = DataSize.ofMegabytes(64);

    /**
     * Engine calls at once, each embedding the requests gathered for it. One: a call already spreads over all the
     * engine's intra-op threads, and the requests arriving meanwhile make the next call larger (measured in
     * docs/benchmarks.md: 1.3× the texts a second of 2 calls at once, and half the p99 for images).
     */
    private int maxConcurrentBatches = 1;

    /** Requests admitted at once, waiting for an engine call or in one; more answer 429 with {@code Retry-After}. */
    private int maxPendingRequests = 64;

    /** What a 429 asks the client to wait, in whole seconds ({@code Retry-After}). */
    private Duration retryAfter = Duration.ofSeconds(1);

    /**
     * How long a request waits for others to embed with; 0 embeds together only the requests already waiting.
     */
    private Duration batchWindow = Duration.ofMillis(5);

    /** The most inputs one engine call takes from the requests gathered (a single larger request runs alone). */
    private int batchMaxInputs = JinaClipApiConfig.MAX_INPUTS_PER_REQUEST;

    public Duration getBatchWindow() {
        return batchWindow;
    }

    public void setBatchWindow(Duration batchWindow) {
        this.batchWindow = batchWindow;
    }

    public int getBatchMaxInputs() {
        return batchMaxInputs;
    }

    public void setBatchMaxInputs(int batchMaxInputs) {
        this.batchMaxInputs = batchMaxInputs;
    }

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public int getMaxConcurrentBatches() {
        return maxConcurrentBatches;
    }

    public void setMaxConcurrentBatches(int maxConcurrentBatches) {
        this.maxConcurrentBatches = maxConcurrentBatches;
    }

    public int getMaxPendingRequests() {
        return maxPendingRequests;
    }

    public void setMaxPendingRequests(int maxPendingRequests) {
        this.maxPendingRequests = maxPendingRequests;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }
}
