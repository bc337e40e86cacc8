package dev.jinaclip.onnx.internal;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The allow-list of hosts that images may be downloaded from: exact names, and {@code *.example.com}. */
public final class ImageHosts {

    private static final String SUBDOMAINS = "*.";

    private ImageHosts() {
    }

    /**
     * The entries lower-cased, in ASCII ({@link IDN#toASCII}, as URL hosts are) and without a trailing dot, or an
     * empty list for {@code null}.
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
            boolean subdomains = entry.startsWith(SUBDOMAINS);
            String name = withoutTrailingDot(subdomains ? entry.substring(SUBDOMAINS.length()) : entry);
            if (name.isEmpty() || name.contains("*") || name.contains("/") || name.contains("@")
                    || (name.contains(":") && !name.startsWith("["))) {
                throw notAHost(setting, host, null);
            }
            try {
                name = name.startsWith("[") ? name : IDN.toASCII(name).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw notAHost(setting, host, e);
            }
            normalised.add(subdomains ? SUBDOMAINS + name : name);
        }
        return List.copyOf(normalised);
    }

    /**
     * Whether {@code urlHost} (as a URL gives it: lower-case, ASCII) is on {@code hosts}; an empty list allows any
     * host.
     */
    public static boolean allows(List<String> hosts, String urlHost) {
        if (hosts.isEmpty()) {
            return true;
        }
        String host = withoutTrailingDot(urlHost);
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

    // images.example.com. is the same host as images.example.com
    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static IllegalArgumentException notAHost(String setting, String entry, Exception cause) {
        return new IllegalArgumentException(setting + " takes host names (images.example.com), *.example.com"
                + " for subdomains, or IP literals; not '" + entry + "' (no scheme, port or path)", cause);
    }
}
