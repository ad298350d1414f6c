package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

/**
 * A {@code kernel-replay} point ({@code run.kind: kernel-replay}): a real engine's per-node log
 * replayed through a CPU cost model, node by node, predicted beside measured.
 *
 * @param label   free name of the run, shown in reports
 * @param log     the llama.cpp log with GGML_PERF per-node timings, or a kernel-trace file written by
 *                {@code pocketsim kernel-trace import} (path from the experiment file)
 * @param origin  where the log comes from (repository@commit:path), for the report's provenance
 * @param licence licence of the log
 * @param target  the CPU the log is replayed on: absent for the log's own (unnamed) device, with
 *                its two calibrated parameters; else a SoC preset id, profile file or inline tree
 *                whose {@code cpu} and {@code dram} sections retarget the replay
 * @param threads threads of the retargeted run (default: the log's); only with {@code target}, since the
 *                log's device is calibrated at the log's thread count
 * @param weights weight format of the weight MUL_MATs (a what-if, e.g. {@code q8_0}, {@code int4-g128});
 *                absent: the log's own types
 * @param unit    what runs the weight matrix products of a retarget: {@code cpu} (default) or {@code npu}
 *                (the target's NPU at its preset int8 rate, or fp16 for float weights, times its decode or
 *                prefill utilisation, streaming at the NPU's DRAM bandwidth; everything else stays on the CPU)
 * @param group   what the point's {@code measuredMs} / {@code predictedMs} describe: {@code decode-step}
 *                (default) or a node group of the decode steps such as
 *                {@code MUL_MAT 4096x4096 q4_0} or {@code ADD [4096,1,1]}
 */
public record KernelReplaySpec(@ConfigOptional String label, String log, @ConfigOptional String origin,
                               @ConfigOptional String licence, @ConfigOptional JsonNode target,
                               @ConfigOptional Integer threads, @ConfigOptional String weights, @ConfigOptional String unit,
                               @ConfigOptional String group) implements PointSpec {

    /** The group of a whole decode step. */
    public static final String DECODE_STEP = "decode-step";

    public KernelReplaySpec {
        if (label == null) label = "";
        if (log == null || log.isBlank()) throw new FieldException("log", "is required");
        if (origin == null) origin = log;
        if (licence == null) licence = "unknown";
        if (target != null && !(target.isTextual() || target.isObject())) {
            throw new FieldException("target", "must be a preset id, a profile file, or {extends: id, ...overrides}");
        }
        if (threads != null && target == null) {
            throw new FieldException("threads", "needs a target: the log's own device is calibrated at the log's thread count");
        }
        if (threads != null && (threads < 1 || threads > 256)) throw new FieldException("threads", "must be in 1..256, got " + threads);
        if (weights != null && weights.isBlank()) throw new FieldException("weights", "must name a weight format");
        if (unit == null) unit = "cpu";
        if (!unit.equals("cpu") && !unit.equals("npu")) throw new FieldException("unit", "must be cpu or npu, got '" + unit + "'");
        if (unit.equals("npu") && target == null) {
            throw new FieldException("unit", "npu needs a target: the log's own device has no NPU model");
        }
        if (group == null) group = DECODE_STEP;
    }
}
