package org.pocketsim.workload.trace;

import java.util.HashMap;
import java.util.Map;

/**
 * A small trace held in heap arrays (row-major per tensor): what importers build before
 * {@link TraceWriter} stores it, and what tests use as a source. Not for Phi-3-sized traces.
 */
public final class InMemoryTrace implements TraceSource {

    private final TraceInfo info;
    private final TraceShape shape;
    private final Map<String, float[]> floats = new HashMap<>();
    private final Map<Integer, int[]> experts = new HashMap<>();
    private int[] tokenIds;

    public InMemoryTrace(TraceInfo info, TraceShape shape) {
        this.info = info;
        this.shape = shape;
    }

    public TraceShape shape() {
        return shape;
    }

    /** Sets float tensor {@code kind} of layer {@code layer}: tokens x width values, row-major. */
    public InMemoryTrace put(TensorKind kind, int layer, float[] rowMajor) {
        if (kind == TensorKind.EXPERTS) throw new IllegalArgumentException("experts are int32: use putExperts");
        checkLength(kind, rowMajor.length);
        floats.put(kind.tensorName(layer), rowMajor.clone());
        return this;
    }

    /** Sets the chosen expert ids of layer {@code layer}: tokens x topK ids, row-major. */
    public InMemoryTrace putExperts(int layer, int[] rowMajor) {
        checkLength(TensorKind.EXPERTS, rowMajor.length);
        experts.put(layer, rowMajor.clone());
        return this;
    }

    /** Sets the generated token ids, one per token. */
    public InMemoryTrace tokenIds(int[] ids) {
        if (ids.length != info.tokens()) throw new IllegalArgumentException("token ids: " + ids.length + " for " + info.tokens() + " tokens");
        tokenIds = ids.clone();
        return this;
    }

    private void checkLength(TensorKind kind, int length) {
        long expected = (long) info.tokens() * shape.widthOf(kind);
        if (length != expected) {
            throw new IllegalArgumentException(kind.suffix() + ": " + length + " values for " + info.tokens() + " tokens x " + shape.widthOf(kind));
        }
    }

    @Override
    public TraceInfo info() {
        return info;
    }

    @Override
    public boolean has(TensorKind kind, int layer) {
        return kind == TensorKind.EXPERTS ? experts.containsKey(layer) : floats.containsKey(kind.tensorName(layer));
    }

    @Override
    public void readRow(TensorKind kind, int layer, int token, float[] dst) {
        float[] data = floats.get(kind.tensorName(layer));
        if (data == null) throw new IllegalArgumentException("trace has no tensor " + kind.tensorName(layer));
        int width = shape.widthOf(kind);
        if (dst.length != width) throw new IllegalArgumentException(kind.suffix() + " rows hold " + width + " values, destination " + dst.length);
        System.arraycopy(data, token * width, dst, 0, width);
    }

    @Override
    public void readExperts(int layer, int token, int[] dst) {
        int[] data = experts.get(layer);
        if (data == null) throw new IllegalArgumentException("trace has no tensor " + TensorKind.EXPERTS.tensorName(layer));
        System.arraycopy(data, token * shape.topK(), dst, 0, shape.topK());
    }

    @Override
    public int tokenId(int token) {
        return tokenIds == null ? -1 : tokenIds[token];
    }

    @Override
    public void close() {
        floats.clear();
        experts.clear();
    }
}
