package org.pocketsim.cli;

import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.ActivationCalibration;
import org.pocketsim.workload.synth.CalibrationReport;
import org.pocketsim.workload.synth.CalibrationRow;
import org.pocketsim.workload.synth.ExpertIdsJsonl;
import org.pocketsim.workload.synth.RoutingCalibration;
import org.pocketsim.workload.synth.RoutingStats;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTrace;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.safetensors.SafetensorsException;
import org.pocketsim.workload.trace.TraceException;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pocketsim trace synth}: writes a calibrated synthetic trace directory (activations
 * calibrated to the real TEAL thresholds, routing fitted to a real routing trace or to
 * statistics), and optionally the calibration report CSV beside it.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate a calibrated synthetic trace (docs/models.md, 'Synthetic traces').")
public final class TraceSynthCommand implements Callable<Integer> {

    static final String TEAL_CSV = "data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model preset id or model YAML path.")
    String model;

    @Option(names = "--tokens", required = true, description = "Tokens to generate.")
    int tokens;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calibrate-to", paramLabel = "TRACE",
            description = "Real routing trace to fit the MoE routing to: a trace directory or an expert-ids JSONL file.")
    Path calibrateTo;

    @Option(names = "--channel-persistence", defaultValue = "0.5", description = "Channel persistence c in [0,1) (default ${DEFAULT-VALUE}, assumed).")
    double channelPersistence;

    @Option(names = "--temporal-persistence", defaultValue = "0.5", description = "Temporal persistence rho in [0,1) (default ${DEFAULT-VALUE}, assumed).")
    double temporalPersistence;

    @Option(names = "--activation-source", description = "TEAL model calibrating activations: Llama-2-7B, Llama-3-8B, Mistral-7B.")
    String activationSource;

    @Option(names = "--routing-only", description = "Generate router logits and experts only (MoE models).")
    boolean routingOnly;

    @Option(names = "--dtype", defaultValue = "fp16", description = "Activation storage: fp16, bf16, fp32 (default ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--teal", paramLabel = "CSV", description = "TEAL threshold CSV (default: " + TEAL_CSV + " under the repository).")
    Path teal;

    @Option(names = "--report", paramLabel = "CSV", description = "Also write the calibration report (generated vs real, per layer).")
    Path report;

    @Parameters(index = "0", paramLabel = "OUT", description = "Trace directory to create (must not exist).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return generate(spec.commandLine().getOut());
        } catch (ConfigException | TraceException | SafetensorsException | IllegalArgumentException | IllegalStateException
                 | UncheckedIOException e) {
            err.println("pocketsim trace synth: " + e.getMessage());
            err.flush();
            return ModelsCommand.EXIT_BAD_INPUT;
        }
    }

    private int generate(PrintWriter stdout) {
        ModelSpec m = ModelCatalog.resolve(model);
        if (routingOnly && !m.isMoe()) throw new IllegalArgumentException("--routing-only needs an MoE model; " + m.id() + " is dense");
        SynthParameters p = new SynthParameters(seed, tokens, channelPersistence, temporalPersistence, activationSource,
                1.0, null, !routingOnly, m.isMoe());
        TealThresholds thresholds = routingOnly ? null : TealThresholds.load(tealPath());
        RoutingCalibration routing = null;
        RoutingStats[] reference = null;
        String origin = "";
        if (calibrateTo != null) {
            if (!m.isMoe()) throw new IllegalArgumentException("--calibrate-to fits MoE routing; " + m.id() + " is dense");
            int[][][] experts = readExperts(m);
            origin = calibrateTo.toString();
            routing = RoutingCalibration.fromTrace(m, experts, seed, origin);
            reference = new RoutingStats[m.layers()];
            for (int i = 0; i < experts.length; i++) reference[m.moe().denseLayers() + i] = RoutingStats.of(experts[i], m.moe().experts());
        }
        int intermediate = m.intermediate() > 0 ? m.intermediate() : m.moe().expertIntermediate();
        TraceShape shape = new TraceShape(m.layers(), m.hidden(), intermediate, m.isMoe() ? m.moe().experts() : 0,
                m.isMoe() ? m.moe().topK() : 0);
        try (SyntheticTrace source = SyntheticTraces.create(m, p, thresholds, routing)) {
            TraceWriter.write(source, shape, dtype, out);
        }
        stdout.printf("wrote %s: %s, %d tokens, seed %d%n", out, m.id(), tokens, seed);
        if (report != null) {
            String src = activationSource != null ? activationSource : ActivationCalibration.defaultSource(m);
            try (SyntheticTrace again = SyntheticTraces.create(m, p, thresholds, routing)) {
                List<CalibrationRow> rows = CalibrationReport.compute(again, m, thresholds, src, reference, origin);
                CalibrationReport.writeCsv(rows, report);
                long checked = rows.stream().filter(r -> !Double.isNaN(r.tolerance())).count();
                long within = rows.stream().filter(r -> !Double.isNaN(r.tolerance()) && r.withinTolerance()).count();
                stdout.printf("wrote %s: %d rows, %d of %d checked statistics within tolerance%n", report, rows.size(), within, checked);
            }
        }
        stdout.flush();
        return 0;
    }

    private int[][][] readExperts(ModelSpec m) {
        if (Files.isRegularFile(calibrateTo) && calibrateTo.toString().endsWith(".jsonl")) return ExpertIdsJsonl.read(calibrateTo);
        if (!Files.isDirectory(calibrateTo)) throw new IllegalArgumentException(calibrateTo + ": not a trace directory or .jsonl file");
        try (TraceReader r = TraceReader.open(calibrateTo)) {
            return RoutingCalibration.expertsOf(r, m);
        }
    }

    /** The TEAL CSV: --teal, else the repository copy found from the working directory upwards. */
    private Path tealPath() {
        if (teal != null) return teal;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TEAL_CSV);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalArgumentException("cannot find " + TEAL_CSV + " from " + Path.of("").toAbsolutePath() + "; pass --teal");
    }
}
