package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts the statistics of a generated trace beside the real ones it was calibrated to: per
 * layer, |x| quantiles of mlp_in and down_in beside the TEAL thresholds (informational rows
 * {@code qP}) and the sparsity each real threshold gives on the generated trace (checked rows
 * {@code sparsity_at_qP}, reference P), and routing
 * statistics against a real routing trace (or the configured targets). Reads the trace once,
 * token by token, as any {@link TraceSource} consumer does.
 */
public final class CalibrationReport {

    /**
     * Tolerance on the sparsity a real TEAL threshold gives on the generated trace: at the
     * threshold for sparsity s, between s − 0.01 and s + 0.01 of the generated |x| fall below.
     */
    public static final double SPARSITY_TOLERANCE = 0.01;
    private static final TensorKind[] ACTIVATIONS = {TensorKind.MLP_IN, TensorKind.DOWN_IN};

    private CalibrationReport() {
    }

    /**
     * Rows for every layer of {@code trace}. {@code teal}/{@code source} (TEAL thresholds) give the activation
     * references (null teal: no activation rows); {@code routingReference[layer]} the routing
     * references (null array or entries: routing rows without reference).
     */
    public static List<CalibrationRow> compute(TraceSource trace, ModelSpec spec, TealThresholds teal, String source,
                                               RoutingStats[] routingReference, String routingOrigin) {
        ActivationTargets targets = teal == null ? null : ActivationCalibration.tealTargets(teal, spec, source);
        return compute(trace, spec, targets, routingReference, routingOrigin);
    }

    /** As above with any activation targets as references (null: no references). */
    public static List<CalibrationRow> compute(TraceSource trace, ModelSpec spec, ActivationTargets targets,
                                               RoutingStats[] routingReference, String routingOrigin) {
        int layers = spec.layers();
        int tokens = trace.info().tokens();
        MagnitudeHistogram[][] hist = new MagnitudeHistogram[layers][2];
        float[][][] rows = new float[layers][2][];
        int[][][] experts = new int[layers][][];
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < 2; k++) {
                if (trace.has(ACTIVATIONS[k], l)) {
                    hist[l][k] = new MagnitudeHistogram();
                    rows[l][k] = new float[k == 0 ? spec.mlpInputWidth() : spec.downInputWidth(l)];
                }
            }
            if (trace.has(TensorKind.EXPERTS, l)) experts[l] = new int[tokens][spec.moe().topK()];
        }
        for (int t = 0; t < tokens; t++) {
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < 2; k++) {
                    if (hist[l][k] == null) continue;
                    trace.readRow(ACTIVATIONS[k], l, t, rows[l][k]);
                    hist[l][k].add(rows[l][k]);
                }
                if (experts[l] != null) trace.readExperts(l, t, experts[l][t]);
            }
        }
        List<CalibrationRow> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < 2; k++) {
                if (hist[l][k] != null) activationRows(out, l, ACTIVATIONS[k], hist[l][k], targets);
            }
            if (experts[l] != null && tokens >= 9) {
                RoutingStats ref = routingReference == null ? null : routingReference[l];
                routingRows(out, l, RoutingStats.of(experts[l], spec.moe().experts()), ref, routingOrigin);
            }
        }
        return out;
    }

    private static void activationRows(List<CalibrationRow> out, int layer, TensorKind kind, MagnitudeHistogram h,
                                       ActivationTargets targets) {
        MagnitudeQuantiles ref = targets == null ? null : targets.quantiles(layer, kind);
        String origin = targets == null ? "" : targets.origin();
        for (int i = 0; i < TealThresholds.PROBS.length; i++) {
            double p = TealThresholds.PROBS[i];
            double refValue = ref == null ? Double.NaN : ref.value(i);
            out.add(new CalibrationRow("activation", layer, kind.suffix(), String.format(Locale.ROOT, "q%.2f", p),
                    h.quantile(p), refValue, Double.NaN, origin));
            if (ref != null) {
                out.add(new CalibrationRow("activation", layer, kind.suffix(), String.format(Locale.ROOT, "sparsity_at_q%.2f", p),
                        h.shareBelow(refValue), p, SPARSITY_TOLERANCE, origin));
            }
        }
    }

    private static void routingRows(List<CalibrationRow> out, int layer, RoutingStats g, RoutingStats r, String origin) {
        String o = r == null ? "" : origin;
        String t = TensorKind.EXPERTS.suffix();
        double nan = Double.NaN;
        out.add(new CalibrationRow("routing", layer, t, "reuse_d1", g.reuseD1(), r == null ? nan : r.reuseD1(), RoutingFitter.REUSE_TOLERANCE, o));
        out.add(new CalibrationRow("routing", layer, t, "reuse_d2", g.reuseD2(), r == null ? nan : r.reuseD2(), nan, o));
        out.add(new CalibrationRow("routing", layer, t, "reuse_d4", g.reuseD4(), r == null ? nan : r.reuseD4(), RoutingFitter.REUSE_TOLERANCE, o));
        out.add(new CalibrationRow("routing", layer, t, "reuse_d8", g.reuseD8(), r == null ? nan : r.reuseD8(), nan, o));
        out.add(new CalibrationRow("routing", layer, t, "top_expert_share", g.topExpertShare(), r == null ? nan : r.topExpertShare(),
                RoutingFitter.TOP_SHARE_TOLERANCE, o));
        out.add(new CalibrationRow("routing", layer, t, "frac_experts_cover_50pct", g.fracCover50(), r == null ? nan : r.fracCover50(), nan, o));
        out.add(new CalibrationRow("routing", layer, t, "frac_experts_cover_80pct", g.fracCover80(), r == null ? nan : r.fracCover80(),
                RoutingFitter.COVER80_TOLERANCE, o));
        out.add(new CalibrationRow("routing", layer, t, "frac_experts_unused", g.fracUnused(), r == null ? nan : r.fracUnused(), nan, o));
    }

    /** Writes rows as CSV (empty cells for NaN); written to a temporary file and moved into place. */
    public static void writeCsv(List<CalibrationRow> rows, Path csv) {
        StringBuilder sb = new StringBuilder("section,layer,tensor,statistic,generated,reference,tolerance,within_tolerance,origin\n");
        for (CalibrationRow r : rows) {
            sb.append(r.section()).append(',').append(r.layer()).append(',').append(r.tensor()).append(',')
                    .append(r.statistic()).append(',').append(num(r.generated())).append(',').append(num(r.reference()))
                    .append(',').append(num(r.tolerance())).append(',').append(r.withinTolerance()).append(",\"")
                    .append(r.origin().replace("\"", "\"\"")).append("\"\n");
        }
        try {
            Path abs = csv.toAbsolutePath();
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": " + e.getMessage(), e);
        }
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
