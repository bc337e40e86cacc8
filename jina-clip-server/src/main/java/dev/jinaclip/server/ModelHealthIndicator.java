package dev.jinaclip.server;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the model answers: each check embeds one short text, so a closed or broken engine reads {@code DOWN}
 * (and, in the readiness group, takes the replica out of its load balancer). The app is not ready before the
 * context has started, and the context starts only once the engine has loaded the model.
 */
final class ModelHealthIndicator implements HealthIndicator {

    private static final List<ClipInput> PROBE = List.of(ClipInput.text("health"));

    private final ClipEngine engine;

    ModelHealthIndicator(ClipEngine engine) {
        this.engine = engine;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            int dimension = engine.embed(PROBE).vectors().get(0).length;
            health = Health.up().withDetail("dimension", dimension);
        } catch (RuntimeException e) {
            health = Health.down(e);
        }
        return health.withDetail("model", engine.model().modelName()).build();
    }
}
