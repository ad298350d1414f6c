package org.pocketsim.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.gemv.GemvSpec;
import org.pocketsim.kernel.gemv.Layout;
import org.pocketsim.kernel.gemv.QuantizedGemv;
import org.pocketsim.kernel.gemv.QuantizedMatrix;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;

/**
 * Weight streaming of one dense decode GEMV on one core: symmetric INT4 or INT8 weights with an
 * FP16 scale per 128 (the packed fast path of {@link QuantizedGemv}), FP16 activations, FP32
 * accumulation, for a 4096 x 4096 (attention projection) and a 14336 x 4096 (Llama-3-8B
 * up/gate) matrix. GB/s of weights = (payload + scale bytes, from the KernelWork) / time per op;
 * {@link #weightBytes} prints them at setup. Compare with {@link MemoryBandwidthBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class GemvStreamingBench {

    @Param({"4096x4096", "14336x4096"})
    String shape;

    @Param({"int4-g128", "int8-g128"})
    String format;

    private QuantizedGemv gemv;
    private float[] x;
    private float[] y;
    private final KernelWork work = new KernelWork();
    long weightBytes;

    @Setup
    public void setup() {
        String[] dims = shape.split("x");
        int rows = Integer.parseInt(dims[0]);
        int cols = Integer.parseInt(dims[1]);
        SplittableRandom rnd = new SplittableRandom(3);
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) w[i] = (float) rnd.nextGaussian();
        gemv = new QuantizedGemv(QuantizedMatrix.encode(w, rows, cols, FormatRegistry.get(format), Layout.ROWS), GemvSpec.fp16());
        x = new float[cols];
        for (int i = 0; i < cols; i++) x[i] = (float) rnd.nextGaussian();
        y = new float[rows];
        KernelWork once = new KernelWork();
        gemv.multiply(x, y, MemoryTier.DRAM, once);
        weightBytes = once.bytes(MemoryTier.DRAM);
        System.out.println("\n" + shape + " " + format + ": weight + scale bytes per call = " + weightBytes);
    }

    @Benchmark
    public float gemv() {
        work.reset();
        gemv.multiply(x, y, MemoryTier.DRAM, work);
        return y[0];
    }
}
