package dev.jinaclip.server;

import dev.jinaclip.onnx.JinaClipOnnxConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to start a server that would fetch image URLs for any caller from anywhere: with
 * {@code fetch-remote-images} on, {@code image-hosts} must name the hosts, and private addresses (the server's own
 * network, cloud metadata) are reached only when the operator allows them, with a warning.
 */
final class RemoteImageSettings {

    private static final Logger log = LoggerFactory.getLogger(RemoteImageSettings.class);
    private static final String P = "spring.ai.jina-clip.onnx.";

    private RemoteImageSettings() {
    }

    /** @throws IllegalStateException naming the setting to add, if fetching is on without an allow-list */
    static void check(JinaClipOnnxConfig config) {
        if (!config.fetchRemoteImages()) {
            log.info("Image URLs are not fetched ({}fetch-remote-images=false): send images as base64", P);
            return;
        }
        if (config.imageHosts().isEmpty()) {
            throw new IllegalStateException(P + "fetch-remote-images is on without " + P + "image-hosts: a server"
                    + " that downloads any URL its callers send is an open proxy into its network; list the hosts"
                    + " images come from (images.example.com, *.example.com), or turn fetching off");
        }
        if (config.allowPrivateImageAddresses()) {
            log.warn("Image URLs are fetched from {} including private and loopback addresses ({}"
                    + "allow-private-image-addresses=true): callers can reach this server's own network",
                    config.imageHosts(), P);
        } else {
            log.info("Image URLs are fetched from {}, public addresses only", config.imageHosts());
        }
    }
}
