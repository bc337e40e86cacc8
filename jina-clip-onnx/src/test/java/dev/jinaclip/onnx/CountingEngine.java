package dev.jinaclip.onnx;

import dev.jinaclip.core.ClipEmbeddings;
import dev.jinaclip.core.ClipEngine;
import dev.jinaclip.core.ClipInput;
import dev.jinaclip.core.ClipInputType;
import dev.jinaclip.core.JinaClipModel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real engine, wrapped to record each call it gets: how many inputs, of which input type. */
final class CountingEngine implements ClipEngine {

    /** One call: its inputs and input type. */
    record Call(List<ClipInput> inputs, ClipInputType inputType) {
    }

    private final ClipEngine engine;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    CountingEngine(ClipEngine engine) {
        this.engine = engine;
    }

    /** The calls made, in order. */
    List<Call> calls() {
        return calls;
    }

    /** The number of inputs of each call, in order. */
    List<Integer> sizes() {
        return calls.stream().map(call -> call.inputs().size()).toList();
    }

    @Override
    public ClipEmbeddings embed(List<ClipInput> inputs, ClipInputType inputType) {
        calls.add(new Call(List.copyOf(inputs), inputType));
        return engine.embed(inputs, inputType);
    }

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
        engine.close();
    }
}
