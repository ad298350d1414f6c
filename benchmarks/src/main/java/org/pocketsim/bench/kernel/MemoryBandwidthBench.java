package org.pocketsim.bench.kernel;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * This machine's single-core memory bandwidth, as the yardstick for the GEMV weight-streaming
 * figures: a long-array sum (read stream) and an array copy (read + write), over a buffer
 * (256 MiB by default) far larger than the last-level cache. GB/s = bytes / time per op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MemoryBandwidthBench {

    @Param({"256"})
    int mebibytes;

    private long[] src;
    private long[] dst;

    @Setup
    public void setup() {
        src = new long[mebibytes * 131072];
        dst = new long[src.length];
        for (int i = 0; i < src.length; i++) src[i] = i * 31L;
    }

    /** Reads the whole buffer once: bytes = mebibytes * 2^20. */
    @Benchmark
    public long sumRead() {
        long s0 = 0;
        long s1 = 0;
        long s2 = 0;
        long s3 = 0;
        long[] a = src;
        int n = a.length & ~3;
        for (int i = 0; i < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        return s0 + s1 + s2 + s3;
    }

    /** Copies the buffer: bytes moved = 2 * mebibytes * 2^20 (read + write). */
    @Benchmark
    public long copy() {
        System.arraycopy(src, 0, dst, 0, src.length);
        return dst[dst.length - 1];
    }
}
