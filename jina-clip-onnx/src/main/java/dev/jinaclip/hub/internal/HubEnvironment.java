package dev.jinaclip.hub.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings Python's {@code huggingface_hub} reads from environment variables, read the same way
 * ({@code huggingface_hub/constants.py}), so that one environment configures both.
 */
public final class HubEnvironment {

    /** The Hub's address. */
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    // huggingface_hub's ENV_VARS_TRUE_VALUES, compared case-insensitively
    private static final Set<String> TRUE_VALUES = Set.of("1", "ON", "YES", "TRUE");

    private final Function<String, String> environment;
    private final Path userHome;

    /**
     * @param environment looks up a variable, {@code null} if unset ({@code System::getenv} in production)
     * @param userHome    the user's home folder, for {@code ~} and the default cache
     */
    public HubEnvironment(Function<String, String> environment, Path userHome) {
        this.environment = environment;
        this.userHome = userHome;
    }

    /**
     * The hub cache: {@code HF_HUB_CACHE}, else the legacy {@code HUGGINGFACE_HUB_CACHE}, else
     * {@code $HF_HOME/hub}, else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}.
     * A leading {@code ~} is expanded.
     */
    public Path cacheDir() {
        String hubCache = first("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE");
        if (hubCache != null) {
            return expandHome(hubCache);
        }
        String hfHome = get("HF_HOME");
        if (hfHome != null) {
            return expandHome(hfHome).resolve("hub");
        }
        String xdgCache = get("XDG_CACHE_HOME");
        Path cacheHome = xdgCache != null ? expandHome(xdgCache) : userHome.resolve(".cache");
        return cacheHome.resolve("huggingface").resolve("hub");
    }

    /** {@code HF_ENDPOINT} without trailing slashes (a mirror such as {@code https://hf-mirror.com}), else the Hub. */
    public String endpoint() {
        String endpoint = get("HF_ENDPOINT");
        return stripTrailingSlashes(endpoint != null ? endpoint : DEFAULT_ENDPOINT);
    }

    /** {@code HF_TOKEN}, else the legacy {@code HUGGING_FACE_HUB_TOKEN}; {@code null} if neither is set. */
    public String token() {
        return first("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");
    }

    /**
     * Whether {@code HF_HUB_OFFLINE} (or, if that is unset, {@code TRANSFORMERS_OFFLINE}) is 1, ON, YES or TRUE in
     * any case.
     */
    public boolean offline() {
        String value = first("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE");
        return value != null && TRUE_VALUES.contains(value.strip().toUpperCase(Locale.ROOT));
    }

    /** {@code ~} or {@code ~/...} relative to the user's home; any other path as given. */
    public Path expandHome(String path) {
        if (path.equals("~")) {
            return userHome;
        }
        if (path.startsWith("~/") || path.startsWith("~\\")) {
            return userHome.resolve(path.substring(2));
        }
        return Path.of(path);
    }

    static String stripTrailingSlashes(String url) {
        String result = url.strip();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private String first(String name, String fallback) {
        String value = get(name);
        return value != null ? value : get(fallback);
    }

    private String get(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
