package dev.jinaclip.onnx.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The allow-list of hosts that images may be downloaded from: exact names, and {@code *.example.com}. */
public final class ImageHosts {

    private static final String SUBDOMAINS = "*.";

    private ImageHosts() {
    }

    /**
     * The entries lower-cased, or an empty list for {@code null}.
     *
     * @throws IllegalArgumentException naming {@code setting}, for a blank entry or one that is not a host name
     */
    public static List<String> normalised(List<String> hosts, String setting) {
        if (hosts == null) {
            return List.of();
        }
        List<String> normalised = new ArrayList<>(hosts.size());
        for (String host : hosts) {
            String entry = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
            String name = entry.startsWith(SUBDOMAINS) ? entry.substring(SUBDOMAINS.length()) : entry;
            if (name.isEmpty() || name.contains("*") || name.contains("/") || name.contains("@")
                    || (name.contains(":") && !name.startsWith("["))) {
                throw new IllegalArgumentException(setting + " takes host names (images.example.com), *.example.com"
                        + " for subdomains, or IP literals; not '" + host + "' (no scheme, port or path)");
            }
            normalised.add(entry);
        }
        return List.copyOf(normalised);
    }

    /** Whether {@code host} (as a URL gives it, lower-case) is on {@code hosts}; an empty list allows any host. */
    public static boolean allows(List<String> hosts, String host) {
        if (hosts.isEmpty()) {
            return true;
        }
        for (String entry : hosts) {
            boolean allowed = entry.startsWith(SUBDOMAINS)
                    ? host.endsWith(entry.substring(1))
                    : host.equals(entry) || ("[" + host + "]").equals(entry);
            if (allowed) {
                return true;
            }
        }
        return false;
    }
}
