package org.pocketsim.bench.trace;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Trace read throughput from a warm page cache: a 128-token fp16 trace with Phi-3-medium
 * widths (hidden 5120, intermediate 17920; mlp_in and down_in of 40 layers = 236 MB) is written
 * once per trial, then every row of every tensor is decoded into float[]. GB/s = TRACE_BYTES /
 * (ms per op) / 1e6. The first warm-up iteration pulls the file into the page cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class TraceReadBenchmark {

    static final int TOKENS = 128;
    static final TraceShape SHAPE = new TraceShape(40, 5120, 17920, 0, 0);
    /** Bytes of activation data the read benchmark decodes per op. */
    public static final long TRACE_BYTES = (long) TOKENS * SHAPE.layers() * (SHAPE.hidden() + SHAPE.intermediate()) * 2;

    private Path dir;
    private TraceReader reader;
    private final float[] hidden = new float[SHAPE.hidden()];
    private final float[] intermediate = new float[SHAPE.intermediate()];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("pocketsim-trace-bench");
        try (SyntheticActivations src = new SyntheticActivations(SHAPE, TOKENS)) {
            TraceWriter.write(src, SHAPE, "fp16", dir.resolve("trace"));
        }
        reader = TraceReader.open(dir.resolve("trace"));
    }

    /** Decodes every row of mlp_in and down_in of every layer, token by token as the simulator does. */
    @Benchmark
    public double readAllRows() {
        double check = 0;
        for (int t = 0; t < TOKENS; t++) {
            for (int l = 0; l < SHAPE.layers(); l++) {
                reader.readRow(TensorKind.MLP_IN, l, t, hidden);
                reader.readRow(TensorKind.DOWN_IN, l, t, intermediate);
                check += hidden[t] + intermediate[t];
            }
        }
        return check;
    }

    /** Opens the trace with full validation (manifest, shapes and the NaN/infinity scan of all data). */
    @Benchmark
    public int openWithValidation() {
        try (TraceReader r = TraceReader.open(dir.resolve("trace"))) {
            return r.info().tokens();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        reader.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
