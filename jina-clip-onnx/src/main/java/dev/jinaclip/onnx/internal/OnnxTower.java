package dev.jinaclip.onnx.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One tower of the model (text or vision): an ONNX Runtime session whose inputs and output were checked at load.
 * Thread-safe: ONNX Runtime sessions may run concurrently.
 */
abstract class OnnxTower implements AutoCloseable {

    protected final OrtEnvironment environment;
    protected final OrtSession session;
    protected final Path file;
    // shared by every run of this session, so that terminate() stops them all
    private final OrtSession.RunOptions runOptions;
    private final String outputName;
    private boolean closed;
    private final int dimension;

    /**
     * @param arenasToShrink ONNX Runtime's {@code memory.enable_memory_arena_shrinkage} value ({@code cpu:0}, or
     *                       {@code cpu:0;gpu:<device>}): the arenas that give their unused memory back after each run
     */
    OnnxTower(OrtEnvironment environment, Path file, OrtSession.SessionOptions options, String arenasToShrink,
              String outputName, int expectedDimension) {
        this.environment = environment;
        this.file = file;
        this.outputName = outputName;
        try {
            this.session = environment.createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("Cannot load ONNX model " + file + ": " + e.getMessage(), e);
        }
        try {
            this.runOptions = new OrtSession.RunOptions();
            // without it, the arena keeps the peak of the largest batch ever run (11 GB after one text of 8,192
            // tokens) and grows further on the next one; measured: no slower, RSS back to the weights after a run
            runOptions.addRunConfigEntry("memory.enable_memory_arena_shrinkage", arenasToShrink);
        } catch (OrtException e) {
            closeQuietly();
            throw new IllegalStateException("Cannot create ONNX Runtime run options: " + e.getMessage(), e);
        }
        try {
            this.dimension = checkOutput(expectedDimension);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The length of the output vectors. */
    int dimension() {
        return dimension;
    }

    /** The declared input named {@code name}, if any. */
    protected Optional<TensorInfo> input(String name) {
        try {
            NodeInfo node = session.getInputInfo().get(name);
            return node == null ? Optional.empty() : Optional.of(tensorInfo(node));
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot read the inputs of " + file, e);
        }
    }

    /** All declared input names, for messages. */
    protected String inputNames() {
        return session.getInputNames().toString();
    }

    /** Fails unless the input is declared with one of {@code types} and shape {@code expected} (-1: any size). */
    protected TensorInfo requireInput(String name, long[] expected, OnnxJavaType... types) {
        TensorInfo info = input(name).orElseThrow(() -> mismatch("has no input '" + name + "' (inputs: "
                + inputNames() + ")"));
        if (!Arrays.asList(types).contains(info.type)) {
            throw mismatch("input '" + name + "' is " + info.type + ", expected " + Arrays.toString(types));
        }
        requireShape("input '" + name + "'", info.getShape(), expected);
        return info;
    }

    /** Runs the session and returns the output rows, checked to be {@code rows} × {@link #dimension()}. */
    protected float[][] run(Map<String, OnnxTensor> inputs, int rows) throws OrtException {
        try (OrtSession.Result result = session.run(inputs, runOptions)) {
            OnnxValue value = result.get(outputName)
                    .orElseThrow(() -> new IllegalStateException(file + " returned no '" + outputName + "'"));
            OnnxTensor tensor = (OnnxTensor) value;
            long[] shape = tensor.getInfo().getShape();
            if (shape.length != 2 || shape[0] != rows || shape[1] != dimension) {
                throw new IllegalStateException(file + " returned '" + outputName + "' of shape "
                        + Arrays.toString(shape) + ", expected [" + rows + ", " + dimension + "]");
            }
            FloatBuffer buffer = tensor.getFloatBuffer(); // FLOAT16 outputs are widened here
            float[][] rowsOut = new float[rows][dimension];
            for (float[] row : rowsOut) {
                buffer.get(row);
            }
            return rowsOut;
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Makes running and later runs of this tower fail as soon as possible; the session stays open. Does nothing
     * once the tower is closed.
     */
    public synchronized void terminate() {
        if (closed) {
            return;
        }
        try {
            runOptions.setTerminate(true);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot stop the runs of " + file, e);
        }
    }

    protected IllegalArgumentException mismatch(String problem) {
        return new IllegalArgumentException("ONNX model " + file + " does not have the jina-clip signature: "
                + problem);
    }

    private int checkOutput(int expectedDimension) {
        try {
            NodeInfo node = session.getOutputInfo().get(outputName);
            if (node == null) {
                throw mismatch("has no output '" + outputName + "' (outputs: " + session.getOutputNames() + ")");
            }
            TensorInfo info = tensorInfo(node);
            if (info.type != OnnxJavaType.FLOAT && info.type != OnnxJavaType.FLOAT16) {
                throw mismatch("output '" + outputName + "' is " + info.type + ", expected FLOAT or FLOAT16");
            }
            requireShape("output '" + outputName + "'", info.getShape(), new long[] {-1, expectedDimension});
            return expectedDimension;
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot read the outputs of " + file, e);
        }
    }

    private void requireShape(String what, long[] actual, long[] expected) {
        boolean matches = actual.length == expected.length;
        for (int i = 0; matches && i < actual.length; i++) {
            // a negative declared size is a dynamic axis
            matches = expected[i] < 0 || actual[i] < 0 || actual[i] == expected[i];
        }
        if (!matches) {
            throw mismatch(what + " has shape " + Arrays.toString(actual) + ", expected "
                    + Arrays.toString(expected).replace("-1", "?"));
        }
    }

    private TensorInfo tensorInfo(NodeInfo node) {
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw mismatch("'" + node.getName() + "' is not a tensor");
        }
        return info;
    }

    private void closeQuietly() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // already failing with a better error
        }
    }

    // synchronized with terminate(), which may come from the JVM's shutdown hook while the owner closes the tower
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot close the session of " + file, e);
        } finally {
            runOptions.close();
        }
    }
}
