package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.compute.BudgetSpec;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.unit.Frequency;

import java.util.List;

/**
 * A {@code mac-array} point ({@code run.kind: mac-array}): one MAC datapath and accumulator sized
 * to an area (or power) budget by the MAC-array cost model, then the NPU built from that array
 * running the prefill and decode of a model (a decode run with {@code compute: mac-array}).
 *
 * @param label       free name of the run, shown in reports
 * @param group       free tag the report's chart filters can select on (e.g. {@code fig3}, {@code extrapolated})
 * @param soc         SoC preset id, profile file or inline tree: DRAM, utilisation and the default budget come from it
 * @param model       model preset id (or model file path)
 * @param datapath    MAC datapath: a format name ({@code int8}, {@code fp8-e4m3}, {@code mxfp4}),
 *                    {@code <weight>/<activation>}, or a shorthand ({@code w4a8-int4-g128}, {@code w4a16-nf4})
 * @param accumulator {@code FX+12}, {@code FP16} or {@code FP32}
 * @param budget      array area or power; default: the profile NPU's INT8 MACs per cycle as INT8-MAC equivalents
 * @param process     process table for pJ and um^2 per MAC (default horowitz-45nm)
 * @param clock       array clock (default: the profile NPU's)
 * @param weights     stored weight format (default: the datapath's weight format)
 * @param kv          KV-cache format (default fp16)
 * @param prompt      prompt tokens of the prefill (default 1024)
 * @param generate    decode tokens (default 16)
 * @param tensors     trace directories of a real model's captured activations to measure the weight
 *                    format's bits of accuracy on, relative to the experiment file
 * @param perplexity  CSV files of measured perplexity per format ({@code quality.py --formats}),
 *                    relative to the experiment file; a missing file is shown as not measured yet
 */
public record MacArrayPointSpec(@ConfigOptional String label, @ConfigOptional String group, JsonNode soc, String model,
                                String datapath, String accumulator, @ConfigOptional BudgetSpec budget,
                                @ConfigOptional String process, @ConfigOptional Frequency clock,
                                @ConfigOptional String weights, @ConfigOptional String kv, @ConfigOptional Integer prompt,
                                @ConfigOptional Integer generate, @ConfigOptional List<String> tensors, @ConfigOptional List<String> perplexity) implements PointSpec {

    public MacArrayPointSpec {
        if (label == null) label = "";
        if (group == null) group = "";
        if (soc == null || !(soc.isTextual() || soc.isObject())) {
            throw new FieldException("soc", "must be a preset id, a profile file, or {extends: id, ...overrides}");
        }
        if (model == null || model.isBlank()) throw new FieldException("model", "is required");
        if (datapath == null || datapath.isBlank()) throw new FieldException("datapath", "is required");
        if (accumulator == null || accumulator.isBlank()) throw new FieldException("accumulator", "is required (FX+12, FP16 or FP32)");
        if (kv == null) kv = "fp16";
        if (prompt == null) prompt = 1024;
        if (generate == null) generate = 16;
        if (prompt < 1 || prompt > 1_000_000) throw new FieldException("prompt", "must be in 1..1000000, got " + prompt);
        if (generate < 1 || generate > 100_000) throw new FieldException("generate", "must be in 1..100000, got " + generate);
        tensors = tensors == null ? List.of() : List.copyOf(tensors);
        perplexity = perplexity == null ? List.of() : List.copyOf(perplexity);
    }
}
