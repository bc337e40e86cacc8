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

    /**
     * @param privateAddressesSet whether {@code allow-private-image-addresses} is set in the configuration at
     *                            all: the engine's own default allows them, which a server must not inherit when
     *                            its properties file is replaced
     * @throws IllegalStateException naming the setting to add, if fetching is on without an allow-list, or
     *                               without a ruling on private addresses
     */
    static void check(JinaClipOnnxConfig config, boolean privateAddressesSet) {
        if (!config.fetchRemoteImages()) {
            log.info("Image URLs are not fetched ({}fetch-remote-images=false): send images as base64", P);
            return;
        }
        if (config.imageHosts().isEmpty()) {
            throw new IllegalStateException(P + "fetch-remote-images is on without " + P + "image-hosts: a server"
                    + " that downloads any URL its callers send is an open proxy into its network; list the hosts"
                    + " images come from (images.example.com, *.example.com), or turn fetching off");
        }
        if (!privateAddressesSet) {
            throw new IllegalStateException(P + "fetch-remote-images is on and " + P + "allow-private-image-addresses"
                    + " is not set (this server's application.properties sets it false): set it, false unless callers"
                    + " may reach this server's own network");
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
