package org.pocketsim.bench.workload;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTrace;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.trace.TensorKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Synthetic activation generation rate at Phi-3-medium dimensions (40 layers, hidden 5120,
 * intermediate 17920) on one thread: one op = one token, i.e. mlp_in and down_in of all 40
 * layers (921,600 values) generated and copied into caller rows. The score is tokens/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SyntheticGenerationBenchmark {

    private static final String TEAL = "data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv";

    private ModelSpec spec;
    private SyntheticTrace trace;
    private float[] mlpIn;
    private float[] downIn;
    private int token;

    @Setup
    public void setUp() {
        spec = ModelCatalog.load("phi3-medium-4k");
        trace = SyntheticTraces.create(spec, SynthParameters.defaults(1, Integer.MAX_VALUE), TealThresholds.shipped(), null);
        mlpIn = new float[spec.hidden()];
        downIn = new float[spec.intermediate()];
        token = 0;
    }

    @TearDown
    public void tearDown() {
        trace.close();
    }

    @Benchmark
    public void generateOneToken(Blackhole bh) {
        int t = token++;
        for (int l = 0; l < spec.layers(); l++) {
            trace.readRow(TensorKind.MLP_IN, l, t, mlpIn);
            trace.readRow(TensorKind.DOWN_IN, l, t, downIn);
            bh.consume(mlpIn[l]);
            bh.consume(downIn[l]);
        }
    }

}
