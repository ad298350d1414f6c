package org.pocketsim.engine.replay;

import org.pocketsim.engine.point.KernelReplaySpec;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.kernel.work.NodeWork;
import org.pocketsim.workload.kernel.KernelNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A replay's metrics for one point group: the group's median measured and predicted time (of its
 * nodes in the decode steps, or of whole decode steps), the median decode step and prompt graph,
 * the predicted step by kind of node, and the log device's calibrated parameters.
 */
final class ReplayOutcome {

    private ReplayOutcome() {
    }

    static PointOutcome of(KernelReplay replay, String group) {
        Map<String, Double> m = new LinkedHashMap<>();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        double[][] steps = replay.graphSums(true);
        double measuredStep = median(steps[0]);
        double predictedStep = median(steps[1]);
        List<Double> measured = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        if (group.equals(KernelReplaySpec.DECODE_STEP)) {
            for (int i = 0; i < steps[0].length; i++) {
                measured.add(steps[0][i]);
                predicted.add(steps[1][i]);
            }
            m.put(Metrics.NODES_PER_STEP, (double) replay.trace().nodes().size() / replay.trace().graphs());
            m.put(Metrics.SHARE_OF_STEP_PCT, 100.0);
        } else {
            int[] nodes = replay.decodeNodes(group);
            double sum = 0;
            for (int i : nodes) {
                measured.add(replay.trace().nodes().get(i).measuredMs());
                predicted.add(replay.predictedMs(i));
                sum += replay.trace().nodes().get(i).measuredMs();
            }
            m.put(Metrics.NODES_PER_STEP, (double) nodes.length / steps[0].length);
            m.put(Metrics.SHARE_OF_STEP_PCT, 100 * sum / sumOf(steps[0]));
        }
        double measuredMs = KernelReplay.median(measured);
        double predictedMs = KernelReplay.median(predicted);
        m.put(Metrics.MEASURED_MS, measuredMs);
        m.put(Metrics.PREDICTED_MS, predictedMs);
        m.put(Metrics.ERROR_PCT, 100 * (predictedMs - measuredMs) / measuredMs);
        m.put(Metrics.MEASURED_STEP_MS, measuredStep);
        m.put(Metrics.PREDICTED_STEP_MS, predictedStep);
        m.put(Metrics.STEP_ERROR_PCT, 100 * (predictedStep - measuredStep) / measuredStep);
        m.put(Metrics.TOKENS_PER_SECOND, 1000 / predictedStep);
        double[][] prefill = replay.graphSums(false);
        if (prefill[0].length > 0) {
            double measuredPrefill = median(prefill[0]);
            double predictedPrefill = median(prefill[1]);
            m.put(Metrics.MEASURED_PREFILL_MS, measuredPrefill);
            m.put(Metrics.PREDICTED_PREFILL_MS, predictedPrefill);
            m.put(Metrics.PREFILL_ERROR_PCT, 100 * (predictedPrefill - measuredPrefill) / measuredPrefill);
        }
        addKinds(replay, steps[0].length, m);
        m.put(Metrics.CALIBRATED_BANDWIDTH_GBS, replay.model().bandwidth() / 1e9);
        m.put(Metrics.CALIBRATED_WARMUP_MS, replay.model().warmupMs());
        series.put(Metrics.MEASURED_MS_BY_NODE, measured);
        series.put(Metrics.PREDICTED_MS_BY_NODE, predicted);
        return new PointOutcome(m, series);
    }

    /** Predicted ms per decode step by kind of node, and the weight and KV bytes a step reads. */
    private static void addKinds(KernelReplay replay, int steps, Map<String, Double> m) {
        double matmul = 0;
        double attention = 0;
        double elementwise = 0;
        double views = 0;
        double bytes = 0;
        List<KernelNode> nodes = replay.trace().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).tokens() != 1) continue;
            NodeWork w = replay.work(i);
            double t = replay.predictedMs(i);
            bytes += w.weightBytes();
            switch (w.kind()) {
                case GEMV, GEMM -> matmul += t;
                case ATTENTION -> attention += t;
                case ELEMENTWISE -> elementwise += t;
                case VIEW -> views += t;
            }
        }
        m.put(Metrics.MS_MATMUL, matmul / steps);
        m.put(Metrics.MS_ATTENTION, attention / steps);
        m.put(Metrics.MS_ELEMENTWISE, elementwise / steps);
        m.put(Metrics.MS_VIEWS, views / steps);
        m.put(Metrics.DRAM_BYTES_PER_TOKEN, bytes / steps);
    }

    private static double median(double[] v) {
        List<Double> list = new ArrayList<>();
        for (double x : v) list.add(x);
        return KernelReplay.median(list);
    }

    private static double sumOf(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }
}
