package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;

/**
 * Seam: time and energy of kernel work (MACs in a format) on a compute unit. The decode
 * pipeline asks it for rates and prices and never which model it is: the SoC preset's per-format
 * tables ({@link PresetCompute}, the default) or an NPU whose MAC array is rebuilt per format by
 * the MAC-array cost model ({@link MacArrayCompute}).
 */
public interface ComputeModel {

    /** What the report says about where rates and prices come from. */
    String label();

    /**
     * Sustained MACs per second of {@code unit} multiplying in {@code format} during {@code stage}.
     *
     * @throws IllegalArgumentException naming the format when the unit has no rate for it
     */
    double macsPerSecond(Requester unit, String format, Stage stage);

    /**
     * Sustained MACs per second of {@code unit} multiplying weights stored in {@code weightFormat}
     * in {@code computeFormat} during {@code stage}. Models whose rates do not depend on how the
     * weights are stored (the preset tables, the MAC array) give the compute format's rate.
     */
    default double macsPerSecond(Requester unit, String computeFormat, String weightFormat, Stage stage) {
        return macsPerSecond(unit, computeFormat, stage);
    }

    /**
     * Energy of one MAC of {@code unit} in {@code format}, pJ.
     *
     * @throws IllegalArgumentException naming the format when the unit has no price for it
     */
    double pjPerMac(Requester unit, String format);

    /** The NPU as the discrete-event engine builds it for work in {@code format}. */
    NpuSpec npu(String format);

    /**
     * DRAM bandwidth {@code unit} reaches streaming alone, bytes/s; {@code profileBytesPerSecond}
     * is the profile's achievable bandwidth for it, which models without a view of their own keep.
     */
    default double dramBytesPerSecond(Requester unit, double profileBytesPerSecond) {
        return profileBytesPerSecond;
    }

    /**
     * Seconds {@code unit} spends per token beyond its bytes and MACs: the fixed cost (fork/join)
     * of {@code nodes} graph nodes, {@code matrixProducts} of them matrix products (which a
     * kernel library may synchronise more than once), and {@code elementOps} element-wise operations split over at most
     * {@code rowsPerNode} rows. Zero for models that do not see nodes (the preset tables).
     */
    default double nodeSeconds(Requester unit, long nodes, long matrixProducts, long elementOps, long rowsPerNode) {
        return 0;
    }
}
