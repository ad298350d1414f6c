package org.pocketsim.engine.replay;

import org.pocketsim.kernel.work.NodeWork;
import org.pocketsim.workload.kernel.KernelNode;
import org.pocketsim.workload.kernel.KernelTrace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay of a kernel trace through a {@link CpuReplayModel}: every node's predicted time beside
 * its measured one, the decode steps (single-token graphs) and prefill graphs summed, and the
 * calibration of the log's own device.
 *
 * <p>Calibration of the log's device, two parameters, each on one node type of the decode steps:
 * <ol>
 *   <li>the achievable bandwidth of the log's threads, on the most frequent weight MUL_MAT shape
 *       (for Llama-2-7B: 4096x4096 q4_0, 128 nodes a step): its weight bytes over its median
 *       measured time less the fixed node cost;</li>
 *   <li>the per-graph warm-up, on the first layer's weight MUL_MATs (the nodes before the graph's
 *       third RMS_NORM: Llama normalises twice per layer): the median over decode steps of their
 *       measured minus predicted time.</li>
 * </ol>
 * Every other node is predicted.
 */
public final class KernelReplay {

    private final KernelTrace trace;
    private final NodeWork[] work;
    private final double[] predicted;
    private final String[] groups;
    private final boolean[] firstLayer;
    private final CpuReplayModel model;
    private final String calibrationGroup;

    /**
     * @param trace   the trace
     * @param weights weight format of the weight MUL_MATs, or null for the trace's own
     * @param target  the model of a retargeted CPU, or null to calibrate the log's own device
     */
    public KernelReplay(KernelTrace trace, String weights, CpuReplayModel target) {
        this.trace = trace;
        List<KernelNode> nodes = trace.nodes();
        int n = nodes.size();
        work = new NodeWork[n];
        groups = new String[n];
        firstLayer = new boolean[n];
        NodeWork[] own = weights == null ? work : new NodeWork[n];
        int norms = 0;
        for (int i = 0; i < n; i++) {
            KernelNode node = nodes.get(i);
            if (node.node() == 0) norms = 0;
            if (node.op().equals("RMS_NORM")) norms++;
            work[i] = NodeWork.of(node, weights);
            if (own != work) own[i] = NodeWork.of(node);
            groups[i] = group(node);
            firstLayer[i] = norms < 3 && node.isMatMul() && node.ne2() == 1;
        }
        predicted = new double[n];
        if (target == null) {
            calibrationGroup = mostFrequentDecodeMatMul();
            CpuReplayModel uncalibrated = CpuReplayModel.logDevice(trace.nodes().get(0).threads(), 1, 0);
            double bandwidth = calibrateBandwidth(own, uncalibrated.matMulFixedMs());
            CpuReplayModel steady = uncalibrated.withCalibration(bandwidth, 0);
            model = steady.withCalibration(bandwidth, calibrateWarmup(own, steady));
        } else {
            calibrationGroup = "";
            model = target;
        }
        predict();
    }

    /** Group key of a node: shape and type for MUL_MAT, op and output extents otherwise. */
    static String group(KernelNode n) {
        if (n.isMatMul()) {
            return n.ne2() == 1 ? "MUL_MAT " + n.ne0() + "x" + n.k() + " " + n.weightType()
                    : "MUL_MAT " + n.ne0() + "x" + n.k() + "x" + n.ne2() + " " + n.weightType();
        }
        return n.op() + " [" + n.ne0() + "," + n.ne1() + "," + n.ne2() + "]";
    }

    private String mostFrequentDecodeMatMul() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            KernelNode n = trace.nodes().get(i);
            if (n.tokens() == 1 && n.isMatMul() && n.ne2() == 1) counts.merge(groups[i], 1, Integer::sum);
        }
        if (counts.isEmpty()) throw new IllegalArgumentException("the log has no decode (single-token) MUL_MAT node to calibrate on");
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private double calibrateBandwidth(NodeWork[] own, double fixedMs) {
        List<Double> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < groups.length; i++) {
            if (trace.nodes().get(i).tokens() == 1 && groups[i].equals(calibrationGroup)) {
                times.add(trace.nodes().get(i).measuredMs());
                bytes = own[i].weightBytes();
            }
        }
        double ms = median(times) - fixedMs;
        if (!(ms > 0)) throw new IllegalArgumentException("the measured times of " + calibrationGroup + " do not exceed the fixed node cost");
        return bytes / (ms / 1e3);
    }

    private double calibrateWarmup(NodeWork[] own, CpuReplayModel steady) {
        Map<Integer, Double> extra = new LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            KernelNode n = trace.nodes().get(i);
            if (n.tokens() == 1 && firstLayer[i]) extra.merge(n.graph(), n.measuredMs() - steady.ms(own[i], n.tokens()), Double::sum);
        }
        return Math.max(0, median(new ArrayList<>(extra.values())));
    }

    private void predict() {
        int n = predicted.length;
        double[] firstLayerSum = new double[trace.graphs()];
        for (int i = 0; i < n; i++) {
            predicted[i] = model.ms(work[i], trace.nodes().get(i).tokens());
            if (firstLayer[i]) firstLayerSum[trace.nodes().get(i).graph()] += predicted[i];
        }
        if (model.warmupMs() == 0) return;
        for (int i = 0; i < n; i++) {
            if (firstLayer[i]) predicted[i] += model.warmupMs() * predicted[i] / firstLayerSum[trace.nodes().get(i).graph()];
        }
    }

    public KernelTrace trace() { return trace; }
    public CpuReplayModel model() { return model; }
    /** The group the bandwidth was calibrated on ("" for a retarget). */
    public String calibrationGroup() { return calibrationGroup; }
    public double predictedMs(int node) { return predicted[node]; }
    public NodeWork work(int node) { return work[node]; }
    public String group(int node) { return groups[node]; }

    /** Indices of the nodes of single-token graphs in {@code group}, in order. */
    public int[] decodeNodes(String group) {
        return java.util.stream.IntStream.range(0, groups.length)
                .filter(i -> trace.nodes().get(i).tokens() == 1 && groups[i].equals(group)).toArray();
    }

    /** Group keys of the decode (single-token) nodes of {@code trace}, in first-seen order. */
    public static List<String> decodeGroups(KernelTrace trace) {
        return trace.nodes().stream().filter(n -> n.tokens() == 1).map(KernelReplay::group).distinct().toList();
    }

    /** Per graph of {@code decode} (single-token) or multi-token kind: measured and predicted sums, in graph order. */
    public double[][] graphSums(boolean decode) {
        int graphs = trace.graphs();
        double[] measured = new double[graphs];
        double[] pred = new double[graphs];
        boolean[] chosen = new boolean[graphs];
        for (int i = 0; i < predicted.length; i++) {
            KernelNode node = trace.nodes().get(i);
            if ((node.tokens() == 1) != decode) continue;
            chosen[node.graph()] = true;
            measured[node.graph()] += node.measuredMs();
            pred[node.graph()] += predicted[i];
        }
        int count = 0;
        for (boolean c : chosen) if (c) count++;
        double[][] out = new double[2][count];
        for (int g = 0, j = 0; g < graphs; g++) {
            if (!chosen[g]) continue;
            out[0][j] = measured[g];
            out[1][j++] = pred[g];
        }
        return out;
    }

    /** Median; the mean of the middle two for an even count. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
