package org.pocketsim.cli;

import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.ActivationCalibration;
import org.pocketsim.workload.synth.ActivationFitter;
import org.pocketsim.workload.synth.ActivationTargets;
import org.pocketsim.workload.synth.CalibrationReport;
import org.pocketsim.workload.synth.CalibrationRow;
import org.pocketsim.workload.synth.ExpertIdsJsonl;
import org.pocketsim.workload.synth.RoutingCalibration;
import org.pocketsim.workload.synth.RoutingStats;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTrace;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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


    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model preset id or model YAML path.")
    String model;

    @Option(names = "--tokens", required = true, description = "Tokens to generate.")
    int tokens;

    @Option(names = "--seed", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--calibrate-to", paramLabel = "TRACE",
            description = "Real trace to calibrate to: a trace directory (its mlp_in/down_in quantiles and persistence, "
                    + "its experts) or an expert-ids JSONL file (routing only).")
    Path calibrateTo;

    @Option(names = "--channel-persistence", description = "Channel persistence c in [0,1) (default: fitted to --calibrate-to, else the default fitted to PocketSim's real traces, 0.075).")
    Double channelPersistence;

    @Option(names = "--temporal-persistence", description = "Temporal persistence rho in [0,1) (default: fitted to --calibrate-to, else the default fitted to PocketSim's real traces, 0.069).")
    Double temporalPersistence;

    @Option(names = "--activation-source", description = "TEAL model calibrating activations: Llama-2-7B, Llama-3-8B, Mistral-7B.")
    String activationSource;

    @Option(names = "--routing-only", description = "Generate router logits and experts only (MoE models).")
    boolean routingOnly;

    @Option(names = "--dtype", defaultValue = "fp16", description = "Activation storage: fp16, bf16, fp32 (default ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--teal", paramLabel = "CSV", description = "TEAL threshold CSV (default: the real TEAL thresholds shipped in PocketSim, data/third-party/sparsity/).")
    Path teal;

    @Option(names = "--report", paramLabel = "CSV", description = "Also write the calibration report (generated vs real, per layer).")
    Path report;

    @Parameters(index = "0", paramLabel = "OUT", description = "Trace directory to create (must not exist).")
    Path out;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, () -> generate(spec.commandLine().getOut()));
    }

    private int generate(PrintWriter stdout) {
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent != null) OutputFolder.checkWritable(parent, out.toString());
        if (report != null) OutputFolder.checkWritable(report.toAbsolutePath().normalize().getParent(), "--report " + report);
        ModelSpec m = ModelCatalog.resolve(model);
        if (routingOnly && !m.isMoe()) throw new IllegalArgumentException("--routing-only needs an MoE model; " + m.id() + " is dense");
        boolean activations = !routingOnly;
        ActivationFitter.Fit fitted = null;
        RoutingCalibration routing = null;
        RoutingStats[] reference = null;
        String origin = "";
        if (calibrateTo != null) {
            origin = calibrateTo.toString();
            boolean jsonl = Files.isRegularFile(calibrateTo) && calibrateTo.toString().endsWith(".jsonl");
            if (!jsonl && !Files.isDirectory(calibrateTo)) throw new UserInputException(calibrateTo + ": not a trace folder or .jsonl file (--calibrate-to)");
            int[][][] experts = null;
            if (jsonl) {
                if (!m.isMoe()) throw new IllegalArgumentException("--calibrate-to " + calibrateTo + " holds routing only; " + m.id() + " is dense");
                experts = ExpertIdsJsonl.read(calibrateTo);
            } else {
                boolean hasActivations;
                boolean hasExperts;
                try (TraceReader r = TraceReader.open(calibrateTo)) {
                    hasActivations = any(r, m, TensorKind.MLP_IN) || any(r, m, TensorKind.DOWN_IN);
                    hasExperts = m.isMoe() && any(r, m, TensorKind.EXPERTS);
                    if (hasExperts) experts = RoutingCalibration.expertsOf(r, m);
                }
                if (activations && hasActivations) fitted = ActivationFitter.fit(() -> TraceReader.open(calibrateTo), m, origin);
                if (!hasExperts && fitted == null) {
                    throw new UserInputException(calibrateTo + ": no tensors to calibrate " + m.id() + " to");
                }
            }
            if (experts != null) {
                routing = RoutingCalibration.fromTrace(m, experts, seed, origin);
                reference = new RoutingStats[m.layers()];
                for (int i = 0; i < experts.length; i++) reference[m.moeLayers().get(i)] = RoutingStats.of(experts[i], m.moe().experts());
            }
        }
        double c = channelPersistence != null ? channelPersistence
                : fitted != null ? fitted.channelPersistence() : SynthParameters.DEFAULT_CHANNEL_PERSISTENCE;
        double rho = temporalPersistence != null ? temporalPersistence
                : fitted != null ? fitted.temporalPersistence() : SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE;
        SynthParameters p = new SynthParameters(seed, tokens, c, rho, activationSource, 1.0, null, activations, m.isMoe());
        ActivationTargets targets = null;
        if (activations) {
            targets = fitted != null ? fitted.targets() : ActivationCalibration.tealTargets(teal != null ? TealThresholds.load(teal) : TealThresholds.shipped(), m,
                    activationSource != null ? activationSource : ActivationCalibration.defaultSource(m));
        }
        int intermediate = m.intermediate() > 0 ? m.intermediate() : m.moe().expertIntermediate();
        TraceShape shape = new TraceShape(m.layers(), m.hidden(), intermediate, m.isMoe() ? m.moe().experts() : 0,
                m.isMoe() ? m.moe().topK() : 0);
        try (SyntheticTrace source = SyntheticTraces.calibrated(m, p, targets, routing)) {
            TraceWriter.write(source, shape, dtype, out);
        }
        stdout.printf(java.util.Locale.ROOT, "wrote %s: %s, %d tokens, seed %d, channel persistence %.3f, temporal persistence %.3f%n",
                out, m.id(), tokens, seed, c, rho);
        if (report != null) {
            try (SyntheticTrace again = SyntheticTraces.calibrated(m, p, targets, routing)) {
                List<CalibrationRow> rows = CalibrationReport.compute(again, m, targets, reference, origin);
                CalibrationReport.writeCsv(rows, report);
                long checked = rows.stream().filter(r -> !Double.isNaN(r.tolerance())).count();
                long within = rows.stream().filter(r -> !Double.isNaN(r.tolerance()) && r.withinTolerance()).count();
                stdout.printf("wrote %s: %d rows, %d of %d checked statistics within tolerance%n", report, rows.size(), within, checked);
            }
        }
        stdout.flush();
        return 0;
    }

    private static boolean any(TraceReader r, ModelSpec m, TensorKind kind) {
        for (int l = 0; l < m.layers(); l++) if (r.has(kind, l)) return true;
        return false;
    }

}
