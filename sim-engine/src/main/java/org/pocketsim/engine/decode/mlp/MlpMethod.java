package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.decode.WorkGroup;

import java.util.List;
import java.util.Map;

/**
 * Seam: the behaviour of one MLP method in a decode run (dense, sparse-stream, dip,
 * expert-cache). The decode loop holds one field of this type and asks it where its weights
 * live, what each token reads through it, what prefill reads, and what it measured; it never
 * asks which method it is.
 *
 * <p>Life cycle: bound by {@link MlpSpec#bind} when a point is prepared (checks and sizes only);
 * {@link #cacheFootprintBytes} once the placement is known; {@link #open} when the point runs;
 * then per token {@link #lowerResident} and {@link #lowerHook} for each hook; {@link #close}.
 * Per-token calls allocate nothing.
 */
public interface MlpMethod extends AutoCloseable {

    /** MLP weight bytes held in DRAM beside the static weights, outside any cache. */
    long residentBytes();

    /** Weight bytes the lowering counts as static that this method keeps on flash instead (routed experts behind a cache). */
    default long flashStaticBytes() {
        return 0;
    }

    /** Weight bytes the lowering counts per token that this method reads through its hooks instead. */
    default long hookedPerTokenBytes() {
        return 0;
    }

    /**
     * DRAM its caches take out of {@code cacheBytes}, the DRAM left after placement; a cache sized
     * explicitly that does not fit is a {@link org.pocketsim.hw.config.FieldException} naming the bytes.
     */
    default long cacheFootprintBytes(long cacheBytes) {
        return 0;
    }

    /** Opens traces and builds caches for a run with {@code cacheBytes} of DRAM for caches. */
    default void open(long cacheBytes, long seed) {
    }

    /** Dynamic work groups per token (one per masked linear or MoE layer); 0 for none. */
    default int hooksPerToken() {
        return 0;
    }

    /** Adds the MLP reads that every token makes from DRAM to {@code mlp}. */
    void lowerResident(WorkGroup mlp);

    /** Fills {@code into} with hook {@code hook} of token {@code token}. */
    default void lowerHook(int hook, int token, WorkGroup into) {
        throw new IllegalStateException("this MLP method has no hooks");
    }

    /** The MLP reads of one prefill chunk with {@code cacheBytes} of DRAM for caches. */
    PrefillReads prefill(long cacheBytes);

    /** Adds what the method measured (hit rates, quality proxies) after the run. */
    default void addMetrics(Map<String, Double> metrics, Map<String, List<Double>> series) {
    }

    /** The traces the method reads, for provenance and stored-result keys. */
    default List<TraceOpener> traces() {
        return List.of();
    }

    @Override
    default void close() {
    }
}
