package dev.jinaclip.server;

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

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }
}
