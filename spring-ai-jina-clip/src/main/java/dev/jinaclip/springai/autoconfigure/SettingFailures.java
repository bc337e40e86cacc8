package dev.jinaclip.springai.autoconfigure;

import dev.jinaclip.api.JinaClipApiConfig;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Turns an engine's rejection of its settings into a {@link JinaClipConfigurationException}: the engine's message
 * as the description, and an action that names the properties the message is about. Properties are named as the
 * engines' settings, so a setting's name in the message ({@code maxBatchSize}) finds its property
 * ({@code spring.ai.jina-clip.max-batch-size}).
 */
final class SettingFailures {

    private static final String API_KEY = JinaClipProperties.CONFIG_PREFIX + ".api-key";

    private SettingFailures() {
    }

    /**
     * The engine's configuration of the properties.
     *
     * @param backend       the backend, as a failure's description names it
     * @param configuration maps the properties onto the engine's configuration, which checks them
     * @param properties    the properties classes it maps
     * @throws JinaClipConfigurationException if the engine rejects a value
     */
    static <C> C configure(String backend, Supplier<C> configuration, Class<?>... properties) {
        try {
            return configuration.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw rejected(backend, e, properties);
        }
    }

    private static JinaClipConfigurationException rejected(String backend, RuntimeException rejection,
            Class<?>... properties) {
        List<String> named = namedIn(rejection.getMessage(), properties);
        String action;
        if (named.contains(API_KEY)) {
            action = "Set " + API_KEY + ", or the " + JinaClipApiConfig.API_KEY_ENV + " property or environment"
                    + " variable (get a key at https://jina.ai/embeddings). To run jina-clip in-process without a key,"
                    + " set " + JinaClipProperties.CONFIG_PREFIX + ".backend=onnx and add the artifact "
                    + OnnxArtifact.COORDINATES + ".";
        } else if (!named.isEmpty()) {
            action = "Correct " + String.join(", ", named) + " as the description says.";
        } else {
            action = "Correct the " + JinaClipProperties.CONFIG_PREFIX + ".* properties as the description says.";
        }
        return new JinaClipConfigurationException("jina-clip's " + backend + " cannot start with its settings: "
                + rejection.getMessage(), action, rejection);
    }

    /** The properties of {@code properties} whose setting names occur in {@code message}, as they are written. */
    static List<String> namedIn(@Nullable String message, Class<?>... properties) {
        List<String> named = new ArrayList<>();
        if (message == null) {
            return named;
        }
        for (Class<?> type : properties) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
                String name = property.getName();
                if (property.getWriteMethod() != null
                        && Pattern.compile("\\b" + name + "\\b").matcher(message).find()) {
                    named.add(prefix + "." + kebabCase(name));
                }
            }
        }
        return named;
    }

    private static String kebabCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
