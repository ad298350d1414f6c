package org.pocketsim.workload.trace;

/**
 * A token-generation trace consumed as a stream, token by token: read from a file, imported,
 * or generated on demand by a seeded synthetic generator.
 *
 * <p>Contract: callers visit tokens in non-decreasing order (within one token, layers and
 * tensors in any order), so a generator may produce token {@code t} lazily from the state of
 * token {@code t - 1}. Row reads copy into caller-owned arrays and allocate nothing.
 */
public interface TraceSource extends AutoCloseable {

    /** Shape and provenance of the trace. */
    TraceInfo info();

    /** Whether tensor {@code kind} is present for model layer {@code layer}. */
    boolean has(TensorKind kind, int layer);

    /**
     * Copies token {@code token}'s row of a float tensor ({@link TensorKind#MLP_IN},
     * {@link TensorKind#DOWN_IN} or {@link TensorKind#ROUTER_LOGITS}) of layer {@code layer}
     * into {@code dst}, whose length must equal the row width.
     */
    void readRow(TensorKind kind, int layer, int token, float[] dst);

    /** Copies token {@code token}'s chosen expert ids of layer {@code layer} into {@code dst} (length top-k). */
    void readExperts(int layer, int token, int[] dst);

    /** Vocabulary id of generated token {@code token}, or -1 when the trace carries no token ids. */
    int tokenId(int token);

    /**
     * Fails with one clear line unless tensor {@code kind} is present for every layer in
     * {@code layers}; experiments call it once before running, naming what they need.
     */
    default void require(TensorKind kind, Iterable<Integer> layers) {
        StringBuilder missing = new StringBuilder();
        for (int l : layers) {
            if (!has(kind, l)) missing.append(missing.length() == 0 ? "" : ", ").append(kind.tensorName(l));
        }
        if (missing.length() > 0) {
            throw new IllegalArgumentException("trace of " + info().modelId() + " lacks " + missing + ", which the experiment needs");
        }
    }

    /** Releases mapped files or generator state; reads after close are errors. */
    @Override
    void close();
}
