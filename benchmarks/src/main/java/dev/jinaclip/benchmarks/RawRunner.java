package dev.jinaclip.benchmarks;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain {@code OrtSession.run} of one tower on tensors made before the clock starts: the limit the engine can
 * approach. The session has the engine's intra-op threads and optimisation level, and ONNX Runtime's defaults
 * otherwise.
 */
final class RawRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final OrtSession.RunOptions runOptions;

    RawRunner(Path model, int intraOpThreads, OrtSession.SessionOptions.OptLevel optimizationLevel)
            throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            options.setOptimizationLevel(optimizationLevel);
            this.session = environment.createSession(model.toString(), options);
        }
        // as the engine runs: the arena gives its memory back after each run (no slower, measured), so the raw
        // session does not hold its largest batch's memory beside the engine in the same process
        this.runOptions = new OrtSession.RunOptions();
        runOptions.addRunConfigEntry("memory.enable_memory_arena_shrinkage", "cpu:0");
    }

    /** The session settings, for the results. */
    static String describe(int intraOpThreads, OrtSession.SessionOptions.OptLevel optimizationLevel) {
        return intraOpThreads + " intra-op threads, " + optimizationLevel + ", CPU arena shrunk after each run,"
                + " ONNX Runtime defaults otherwise";
    }

    /**
     * Text batches as the text tower feeds them: ids right-padded with 0, {@code attention_mask} and
     * {@code token_type_ids} where the graph declares them.
     */
    Prepared texts(long[][] ids, BatchLayouts.Layout layout) throws OrtException {
        Prepared prepared = new Prepared();
        try {
            for (int[] batch : layout.batches()) {
                int length = Arrays.stream(batch).map(i -> ids[i].length).max().orElseThrow();
                long[] paddedIds = new long[batch.length * length];
                long[] mask = new long[batch.length * length];
                for (int r = 0; r < batch.length; r++) {
                    long[] row = ids[batch[r]];
                    System.arraycopy(row, 0, paddedIds, r * length, row.length);
                    Arrays.fill(mask, r * length, r * length + row.length, 1L);
                }
                long[] shape = {batch.length, length};
                Map<String, OnnxTensor> inputs = prepared.add();
                for (String name : session.getInputNames()) {
                    long[] values = switch (name) {
                        case "input_ids" -> paddedIds;
                        case "attention_mask" -> mask;
                        case "token_type_ids" -> new long[paddedIds.length];
                        default -> throw new IllegalArgumentException("The text model has an unexpected input '"
                                + name + "'");
                    };
                    inputs.put(name, OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape));
                }
            }
            return prepared;
        } catch (OrtException | RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    /** Image batches of {@code pixel_values}, float32 [rows, 3, size, size]. */
    Prepared images(float[][] pixelValues, int imageSize, BatchLayouts.Layout layout) throws OrtException {
        String input = session.getInputNames().iterator().next();
        NodeInfo info = session.getInputInfo().get(input);
        if (session.getNumInputs() != 1 || !(info.getInfo() instanceof TensorInfo tensor)
                || tensor.type != OnnxJavaType.FLOAT) {
            throw new IllegalArgumentException("The raw runner takes a vision model with one float32 input, not "
                    + session.getInputInfo().values());
        }
        int perImage = 3 * imageSize * imageSize;
        Prepared prepared = new Prepared();
        try {
            for (int[] batch : layout.batches()) {
                float[] values = new float[batch.length * perImage];
                for (int r = 0; r < batch.length; r++) {
                    System.arraycopy(pixelValues[batch[r]], 0, values, r * perImage, perImage);
                }
                prepared.add().put(input, OnnxTensor.createTensor(environment, FloatBuffer.wrap(values),
                        new long[] {batch.length, 3, imageSize, imageSize}));
            }
            return prepared;
        } catch (OrtException | RuntimeException e) {
            prepared.close();
            throw e;
        }
    }

    @Override
    public void close() throws OrtException {
        try {
            session.close();
        } finally {
            runOptions.close();
        }
    }

    /** The tensors of every batch of one layout; {@link #run()} runs them all. */
    final class Prepared implements AutoCloseable {
        private final List<Map<String, OnnxTensor>> batches = new ArrayList<>();

        private Map<String, OnnxTensor> add() {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            batches.add(inputs);
            return inputs;
        }

        void run() throws OrtException {
            for (Map<String, OnnxTensor> inputs : batches) {
                // the outputs are only freed, not read: reading them is the engine's work, measured end to end
                session.run(inputs, runOptions).close();
            }
        }

        @Override
        public void close() {
            batches.forEach(inputs -> inputs.values().forEach(OnnxTensor::close));
        }
    }
}
