package org.pocketsim.bench.format;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;

/**
 * Encode-then-decode throughput of number formats over 64 Ki Gaussian floats on one core,
 * reported as nanoseconds per element (what weight conversion and fake quantization cost).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FormatRoundTripBench {
    private static final int N = 1 << 16;

    @Param({"fp8-e4m3", "fp16", "int8", "mxfp4", "mxfp8", "int4-g128", "nf4"})
    public String format;

    private NumberFormat f;
    private float[] src;
    private float[] dst;

    @Setup
    public void setup() {
        f = FormatRegistry.get(format);
        SplittableRandom rng = new SplittableRandom(42);
        src = new float[N];
        dst = new float[N];
        for (int i = 0; i < N; i++) {
            double u = 1.0 - rng.nextDouble();
            src[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public float[] roundTrip() {
        f.roundTrip(src, dst, 0, N);
        return dst;
    }
}
