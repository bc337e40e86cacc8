package dev.jinaclip.evaluation;

import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.JinaClipModel;
import java.util.function.Supplier;

/**
 * A configured backend, not yet opened: its settings were checked, nothing was loaded or sent.
 *
 * @param label     its row in the tables
 * @param kind      {@code api} or {@code onnx}
 * @param model     the model it runs
 * @param dimension the length of its vectors
 * @param batchSize inputs per engine call
 * @param engine    opens the engine
 */
record Backend(String label, String kind, JinaClipModel model, int dimension, int batchSize,
               Supplier<ClipEngine> engine) {
}
