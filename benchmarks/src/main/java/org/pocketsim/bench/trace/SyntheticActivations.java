package org.pocketsim.bench.trace;

import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceSource;

import java.util.Map;
import java.util.stream.IntStream;

/**
 * Benchmark input only: activations from a fixed-seed 64-bit LCG in [-4, 4), generated per row
 * on demand. Its values carry no statistics worth simulating; the benchmark measures I/O and decoding.
 */
final class SyntheticActivations implements TraceSource {

    private final TraceShape shape;
    private final TraceInfo info;

    SyntheticActivations(TraceShape shape, int tokens) {
        this.shape = shape;
        this.info = new TraceInfo("bench-phi3-medium-widths", TraceInfo.SourceKind.SYNTHETIC, tokens,
                IntStream.range(0, shape.layers()).boxed().toList(),
                Map.of("generator.name", "bench-lcg", "generator.seed", "1"));
    }

    @Override
    public TraceInfo info() {
        return info;
    }

    @Override
    public boolean has(TensorKind kind, int layer) {
        return kind == TensorKind.MLP_IN || kind == TensorKind.DOWN_IN;
    }

    @Override
    public void readRow(TensorKind kind, int layer, int token, float[] dst) {
        long state = (token * 1_000_003L + layer) * 31 + kind.ordinal();
        for (int i = 0; i < dst.length; i++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            dst[i] = ((state >>> 40) / (float) (1 << 24)) * 8f - 4f;
        }
    }

    @Override
    public void readExperts(int layer, int token, int[] dst) {
        throw new UnsupportedOperationException("dense benchmark trace has no experts");
    }

    @Override
    public int tokenId(int token) {
        return -1;
    }

    @Override
    public void close() {
    }
}
