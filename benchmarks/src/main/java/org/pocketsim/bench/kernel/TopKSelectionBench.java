package org.pocketsim.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pocketsim.kernel.cache.CacheView;
import org.pocketsim.kernel.select.TopKSelector;
import org.pocketsim.kernel.sparsity.CacheAwareMasker;
import org.pocketsim.kernel.sparsity.CacheAwareSpec;

/**
 * DIP top-k selection on one Phi-3-Medium-wide down layer (17,920 GLU activations, target under
 * 40 us): plain magnitude top-k and the cache-aware (DIP-CA) variant with half the columns
 * resident. Activations are Student-t-like (Gaussian / sqrt(chi^2-ish)) so the magnitude
 * distribution has the heavy tail of real GLU activations; 16 rows rotate to defeat branch
 * prediction memorising one input.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TopKSelectionBench {

    @Param({"17920"})
    int width;

    @Param({"0.35"})
    double keep;

    private float[][] rows;
    private int[] out;
    private int k;
    private int next;
    private TopKSelector selector;
    private CacheAwareMasker masker;
    private CacheView halfResident;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(42);
        rows = new float[16][width];
        for (float[] row : rows) {
            for (int i = 0; i < width; i++) {
                double g = rnd.nextGaussian();
                double chi = (Math.pow(rnd.nextGaussian(), 2) + Math.pow(rnd.nextGaussian(), 2) + Math.pow(rnd.nextGaussian(), 2)) / 3;
                row[i] = (float) (g / Math.sqrt(chi + 1e-3));
            }
        }
        k = (int) (keep * width);
        out = new int[width];
        selector = new TopKSelector(width);
        masker = new CacheAwareMasker(new CacheAwareSpec(0.2, 0.5, true, false), width);
        halfResident = new CacheView() {
            @Override public boolean isResident(int block) { return (block & 1) == 0; }
            @Override public int residentCount() { return width / 2; }
            @Override public int capacityBlocks() { return width / 2; }
        };
    }

    @Benchmark
    public int dipTopK() {
        float[] row = rows[next++ & 15];
        return selector.selectAbs(row, width, k, out) + out[0];
    }

    @Benchmark
    public int dipCacheAwareTopK() {
        float[] row = rows[next++ & 15];
        return masker.select(row, width, k, halfResident, 100, out) + out[0];
    }
}
