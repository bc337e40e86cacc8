package dev.jinaclip.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The server's own meters, at {@code /actuator/prometheus} beside Boot's {@code http_server_requests_seconds}
 * (requests by status and latency): inputs and tokens embedded, engine calls (their latency, and the requests and
 * inputs each combined), and the admission queue (depth, 429s).
 */
final class ServerMetrics {

    private final Counter texts;
    private final Counter images;
    private final Counter tokens;
    private final DistributionSummary batchRequests;
    private final DistributionSummary batchInputs;
    private final Timer engineCalls;

    ServerMetrics(MeterRegistry registry) {
        texts = Counter.builder("jina.clip.server.inputs").tag("kind", "text")
                .description("Inputs embedded").register(registry);
        images = Counter.builder("jina.clip.server.inputs").tag("kind", "image")
                .description("Inputs embedded").register(registry);
        tokens = Counter.builder("jina.clip.server.tokens")
                .description("Tokens billed as the hosted API counts them").register(registry);
        batchRequests = DistributionSummary.builder("jina.clip.server.batch.requests")
                .description("Requests embedded together in one engine call").publishPercentileHistogram()
                .register(registry);
        batchInputs = DistributionSummary.builder("jina.clip.server.batch.inputs")
                .description("Inputs of one engine call").publishPercentileHistogram().register(registry);
        engineCalls = Timer.builder("jina.clip.server.engine.calls")
                .description("Engine calls, combined or apart").publishPercentileHistogram().register(registry);
    }

    /** Registers the queue's depth and its 429s. */
    void watch(AdmissionQueue queue, MeterRegistry registry) {
        Gauge.builder("jina.clip.server.queue.depth", queue, AdmissionQueue::depth)
                .description("Requests admitted, embedding or waiting").register(registry);
        FunctionCounter.builder("jina.clip.server.refused", queue, AdmissionQueue::refused)
                .description("Requests answered 429 because the queue was full").register(registry);
    }

    void served(ServedEmbeddings served, long imageInputs) {
        images.increment(imageInputs);
        texts.increment(served.vectors().size() - imageInputs);
        tokens.increment(served.tokens());
    }

    void engineCall(int requests, int inputs, long nanos) {
        batchRequests.record(requests);
        batchInputs.record(inputs);
        engineCalls.record(nanos, TimeUnit.NANOSECONDS);
    }
}
