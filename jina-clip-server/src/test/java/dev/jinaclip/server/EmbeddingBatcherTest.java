package dev.jinaclip.server;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.JinaClipModel;
import dev.jinaclip.image.ImageDecodingException;
import dev.jinaclip.onnx.JinaClipOnnxConfig;
import dev.jinaclip.onnx.JinaClipOnnxEngine;
import dev.jinaclip.testing.Fixtures;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Concurrent requests share engine calls and still get exactly their own vectors, and their own failures. */
class EmbeddingBatcherTest {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    static JinaClipOnnxEngine engine;

    @BeforeAll
    static void load() {
        engine = JinaClipOnnxEngine.load(JinaClipOnnxConfig.builder().modelDirectory(Fixtures.model("semantic"))
                .intraOpThreads(1).build());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** The engine, recording how many inputs each of its calls took. */
    static final class CountingEngine extends ForwardingEngine {
        final List<Integer> calls = new CopyOnWriteArrayList<>();

        @Override
        public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
            calls.add(inputs.size());
            return engine.embed(inputs, inputType);
        }
    }

    static List<List<ClipInput>> requests(int count) {
        List<List<ClipInput>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<ClipInput> inputs = new ArrayList<>();
            for (int j = 0; j <= i % 3; j++) {
                inputs.add(ClipInput.text("request " + i + " text " + j));
            }
            if (i % 4 == 1) {
                inputs.add(ClipInput.imageBytes(Fixtures.solidPng(new Color(i * 20, 0, 255 - i * 20), 40 + i, 30)));
            }
            requests.add(inputs);
        }
        return requests;
    }

    /** Sends every request at once, each from its own thread; the answers in request order. */
    static List<CompletableFuture<List<float[]>>> sendTogether(EmbeddingBatcher batcher,
            List<List<ClipInput>> requests, ExecutorService clients) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<float[]>>> answers = new ArrayList<>();
        for (List<ClipInput> inputs : requests) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                AdmissionQueueTest.await(go);
                return batcher.embed(inputs);
            }, clients));
        }
        go.countDown();
        return answers;
    }

    @Test
    void concurrentRequestsShareEngineCallsAndEachGetsItsOwnVectorsInOrder() throws Exception {
        CountingEngine counting = new CountingEngine();
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry());
        List<List<ClipInput>> requests = requests(8);
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(counting, Duration.ofMillis(300), 2048, 1,
                STOP_TIMEOUT, metrics)) {
            List<CompletableFuture<List<float[]>>> answers = sendTogether(batcher, requests, clients);
            assertOwnVectors(requests, answers);
            assertThat(counting.calls).hasSizeLessThan(requests.size());
        } finally {
            clients.shutdownNow();
        }
    }

    /** Each request got the vectors the engine gives its inputs alone, in their order. */
    static void assertOwnVectors(List<List<ClipInput>> requests, List<CompletableFuture<List<float[]>>> answers)
            throws Exception {
        for (int i = 0; i < requests.size(); i++) {
            List<float[]> served = answers.get(i).get(30, TimeUnit.SECONDS);
            List<float[]> alone = engine.embed(requests.get(i)).vectors();
            assertThat(served).as("request %d", i).hasSameSizeAs(alone);
            for (int j = 0; j < alone.size(); j++) {
                assertThat(Fixtures.cosine(served.get(j), alone.get(j))).as("request %d input %d", i, j)
                        .isGreaterThanOrEqualTo(0.99999);
            }
        }
    }

    @Test
    void requestsBeyondBatchMaxInputsAreCutIntoCallsOfAtMostThatManyInputs() throws Exception {
        CountingEngine counting = new CountingEngine();
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry());
        int[] sizes = {2, 2, 2, 4, 1, 7};
        List<List<ClipInput>> requests = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            List<ClipInput> inputs = new ArrayList<>();
            for (int j = 0; j < sizes[i]; j++) {
                inputs.add(ClipInput.text("request " + i + " text " + j));
            }
            requests.add(inputs);
        }
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        // one worker and a window longer than the sends: the requests arrive in order, and only the bound cuts
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(counting, Duration.ofSeconds(5), 5, 1, STOP_TIMEOUT,
                metrics)) {
            List<CompletableFuture<List<float[]>>> answers = new ArrayList<>();
            for (List<ClipInput> inputs : requests) {
                answers.add(CompletableFuture.supplyAsync(() -> batcher.embed(inputs), clients));
                Thread.sleep(100);
            }
            assertOwnVectors(requests, answers);
            // 2+2 (a third 2 would pass 5), 2 (4 would), 4+1 (exactly 5), then 7 alone (one request is never split)
            assertThat(counting.calls).containsExactly(4, 2, 5, 7);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void closingEmbedsTheRequestsHandedOverAndRefusesLaterOnes() throws Exception {
        CountingEngine counting = new CountingEngine();
        List<List<ClipInput>> requests = requests(6);
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        EmbeddingBatcher batcher = new EmbeddingBatcher(counting, Duration.ofSeconds(2), 2048, 2, STOP_TIMEOUT,
                new ServerMetrics(new SimpleMeterRegistry()));
        try {
            // a window longer than the wait before close(): the workers hold these requests, gathering
            List<CompletableFuture<List<float[]>>> answers = sendTogether(batcher, requests, clients);
            Thread.sleep(300);
            batcher.close();
            assertOwnVectors(requests, answers);
            assertThatThrownBy(() -> batcher.embed(List.of(ClipInput.text("too late")))).isInstanceOf(
                    ApiProblem.class).satisfies(e -> {
                        assertThat(((ApiProblem) e).status()).isEqualTo(503);
                        // another replica may take it at once; this one is going
                        assertThat(((ApiProblem) e).retryAfterSeconds()).isEqualTo(1);
                    });
        } finally {
            batcher.close();
            clients.shutdownNow();
        }
    }

    @Test
    void aBadInputFailsOnlyItsOwnRequestNamingItsPositionThere() throws Exception {
        CountingEngine counting = new CountingEngine();
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry());
        List<List<ClipInput>> requests = new ArrayList<>(requests(4));
        requests.add(2, List.of(ClipInput.text("fine"), ClipInput.imageBytes(new byte[] {1, 2, 3, 4})));
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(counting, Duration.ofMillis(300), 2048, 1,
                STOP_TIMEOUT, metrics)) {
            List<CompletableFuture<List<float[]>>> answers = sendTogether(batcher, requests, clients);
            for (int i = 0; i < requests.size(); i++) {
                CompletableFuture<List<float[]>> answer = answers.get(i);
                if (i == 2) {
                    assertThat(answer).failsWithin(30, TimeUnit.SECONDS).withThrowableThat()
                            .havingCause().isInstanceOf(ImageDecodingException.class)
                            .withMessageStartingWith("Input 1:");
                } else {
                    assertThat(answer.get(30, TimeUnit.SECONDS)).as("request %d", i)
                            .hasSize(requests.get(i).size());
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The engine, failing with an Error (as an OutOfMemoryError would) when a call combines several inputs. */
    static final class ErrorOnCombinedCalls extends ForwardingEngine {
        @Override
        public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
            if (inputs.size() > 1) {
                throw new OutOfMemoryError("test: a combined call ran out of memory");
            }
            return engine.embed(inputs, inputType);
        }
    }

    /** The engine, answering one vector too few. */
    static final class MissingVector extends ForwardingEngine {
        @Override
        public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
            ClipEmbeddings all = engine.embed(inputs, inputType);
            return new ClipEmbeddings(all.vectors().subList(0, all.vectors().size() - 1), all.modelName(),
                    all.usage());
        }
    }

    /** The shared engine's model and dimension; its own {@code close()} does nothing (the engine is shared). */
    abstract static class ForwardingEngine implements ClipEngine {
        @Override
        public JinaClipModel model() {
            return engine.model();
        }

        @Override
        public int dimension() {
            return engine.dimension();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anErrorInACombinedCallFallsBackToCallsApartAndTheWorkerKeepsServing() throws Exception {
        List<List<ClipInput>> requests = List.of(List.of(ClipInput.text("one")), List.of(ClipInput.text("two")),
                List.of(ClipInput.text("three")));
        ExecutorService clients = Executors.newFixedThreadPool(requests.size());
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(new ErrorOnCombinedCalls(), Duration.ofMillis(300),
                2048, 1, STOP_TIMEOUT, new ServerMetrics(new SimpleMeterRegistry()))) {
            assertOwnVectors(requests, sendTogether(batcher, requests, clients));
            // the worker is still there for the next requests
            assertOwnVectors(requests, sendTogether(batcher, requests, clients));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void anEngineAnsweringTooFewVectorsFailsTheRequestRatherThanMisaligningIt() {
        try (EmbeddingBatcher batcher = new EmbeddingBatcher(new MissingVector(), Duration.ZERO, 2048, 1,
                STOP_TIMEOUT, new ServerMetrics(new SimpleMeterRegistry()))) {
            List<ClipInput> inputs = List.of(ClipInput.text("one"), ClipInput.text("two"));
            for (int attempt = 0; attempt < 2; attempt++) {
                // twice: the first failure leaves the worker serving
                assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> batcher.embed(inputs))
                        .orTimeout(30, TimeUnit.SECONDS).join())
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("1 vectors for 2 inputs");
            }
        }
    }
}
