package dev.jinaclip.onnx.internal;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The text tower: {@code input_ids} int64 [batch, seq] (padded with 0, from which the graph builds its own mask)
 * → {@code text_embeds} [batch, 768]. {@code attention_mask} and {@code token_type_ids} are fed only where the
 * graph declares them.
 */
public final class TextTower extends OnnxTower {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";
    static final String OUTPUT = "text_embeds";
    private static final long[] IDS_SHAPE = {-1, -1};

    private final boolean feedsMask;
    private final boolean feedsTokenTypes;

    public TextTower(OrtEnvironment environment, Path file, OrtSession.SessionOptions options, String arenasToShrink,
                     int dimension) {
        super(environment, file, options, arenasToShrink, OUTPUT, dimension);
        try {
            requireInput(INPUT_IDS, IDS_SHAPE, OnnxJavaType.INT64);
            this.feedsMask = input(ATTENTION_MASK).isPresent();
            this.feedsTokenTypes = input(TOKEN_TYPE_IDS).isPresent();
            if (feedsMask) {
                requireInput(ATTENTION_MASK, IDS_SHAPE, OnnxJavaType.INT64);
            }
            if (feedsTokenTypes) {
                requireInput(TOKEN_TYPE_IDS, IDS_SHAPE, OnnxJavaType.INT64);
            }
            Set<String> known = Set.of(INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS);
            for (String name : session.getInputNames()) {
                if (!known.contains(name)) {
                    throw mismatch("has an unexpected input '" + name + "' (inputs: " + inputNames() + ")");
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Embeds token id sequences, right-padded with 0 to the longest.
     *
     * @return one raw (not normalised) vector per sequence, in the order given
     */
    public float[][] embed(long[][] sequences) throws OrtException {
        int rows = sequences.length;
        int length = 0;
        for (long[] ids : sequences) {
            length = Math.max(length, ids.length);
        }
        long[] ids = new long[rows * length];
        long[] mask = feedsMask ? new long[rows * length] : null;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(sequences[r], 0, ids, r * length, sequences[r].length);
            if (mask != null) {
                java.util.Arrays.fill(mask, r * length, r * length + sequences[r].length, 1L);
            }
        }
        long[] shape = {rows, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            if (mask != null) {
                inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            }
            if (feedsTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS,
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * length]), shape));
            }
        } catch (OrtException | RuntimeException e) {
            inputs.values().forEach(OnnxTensor::close);
            throw e;
        }
        return run(inputs, rows);
    }
}
