package org.pocketsim.bench.dip;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Wall time of one simulated Phi-3-Medium token under DIP (see {@link DipTokenFixture}): the
 * issue-12 target is at most 2 ms per token on one core, against about 67 ms for the DIP
 * reference simulator on the same masks. {@code gamma = -1} is plain DIP; otherwise DIP-CA.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DipTokenBenchmark {

    @Param({"lru"})
    public String cache;

    @Param({"-1", "0.2"})
    public double gamma;

    private DipTokenFixture fixture;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = new DipTokenFixture(cache, gamma < 0 ? null : gamma);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public double token() {
        return fixture.token();
    }
}
