package org.pocketsim.engine.macarray;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.quant.FormatAccuracyStudy;
import org.pocketsim.kernel.quant.QuantError;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceDigest;
import org.pocketsim.workload.trace.TraceReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captured activations of a real model (a trace directory), as tensors the study measures
 * formats on: per activation kind ({@code mlp_in}, {@code down_in}) every captured layer's rows
 * stacked (tokens x layers rows, one absmax scale per row or the format's block scales), as
 * kernels' {@code FormatAccuracyStudy} does per layer. Read once per directory and kind.
 *
 * @param file    the directory as the config wrote it
 * @param modelId the model the trace was captured from
 * @param kinds   the activation kinds it carries
 * @param digest  what keys the stored points
 */
record RealTensors(String file, Path dir, String modelId, List<TensorKind> kinds, TraceDigest digest) {

    private record Tensor(float[] values, int rows, int cols) {
    }

    private static final Map<String, Tensor> TENSORS = new ConcurrentHashMap<>();
    private static final Map<String, Double> BITS = new ConcurrentHashMap<>();

    /** Opens {@code dir} (with the reader's checks) and lists its activation kinds. */
    static RealTensors open(String file, Path dir) {
        try (TraceReader t = TraceReader.open(dir)) {
            List<TensorKind> kinds = new ArrayList<>();
            for (TensorKind k : List.of(TensorKind.MLP_IN, TensorKind.DOWN_IN)) {
                if (t.manifest().kinds().contains(k)) kinds.add(k);
            }
            return new RealTensors(file, dir, t.info().modelId(), List.copyOf(kinds), TraceDigest.of(dir));
        }
    }

    /** Metric name of bits of accuracy on {@code kind}: {@code bitsReal.<model>.<kind>}. */
    String metric(TensorKind kind) {
        return MacArrayMetrics.BITS_REAL_PREFIX + modelId + "." + kind.suffix();
    }

    /** Bits of accuracy, log2(sigma / RMSE), of {@code format} on {@code kind}. */
    double bits(String format, TensorKind kind) {
        String key = dir + "|" + kind;
        return BITS.computeIfAbsent(format + "|" + key, k -> {
            Tensor x = TENSORS.computeIfAbsent(key, kk -> read(kind));
            return QuantError.of(x.values(), FormatAccuracyStudy.roundTrip(FormatRegistry.get(format), x.values(), x.rows(), x.cols()))
                    .bitsOfAccuracy();
        });
    }

    private Tensor read(TensorKind kind) {
        try (TraceReader t = TraceReader.open(dir)) {
            int width = t.shape().widthOf(kind);
            int tokens = t.info().tokens();
            List<Integer> layers = new ArrayList<>();
            for (int layer : t.info().layers()) if (t.has(kind, layer)) layers.add(layer);
            float[] x = new float[layers.size() * tokens * width];
            float[] row = new float[width];
            int r = 0;
            for (int layer : layers) {
                for (int i = 0; i < tokens; i++, r++) {
                    t.readRow(kind, layer, i, row);
                    System.arraycopy(row, 0, x, r * width, width);
                }
            }
            return new Tensor(x, r, width);
        }
    }
}
