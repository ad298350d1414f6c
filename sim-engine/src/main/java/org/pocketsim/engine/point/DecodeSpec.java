package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.pocketsim.engine.compute.ComputeSpec;
import org.pocketsim.engine.compute.DecodeWorkPath;
import org.pocketsim.engine.compute.PresetComputeSpec;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.mlp.DenseSpec;
import org.pocketsim.engine.decode.mlp.MlpSpec;
import org.pocketsim.hw.config.KindShorthand;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

/**
 * A {@code decode} point ({@code run.kind: decode}, the default): a phone, a model, formats, an
 * MLP method and lengths, run token by token. Bound from the experiment's {@code run:} section
 * with each sweep point's values applied.
 *
 * @param label         free name of the run, shown in reports and used to match published references
 * @param soc           SoC preset id, profile file path, or {@code {extends: id, ...overrides}}
 * @param model         model preset id (or model file path)
 * @param weights       weight format: a number format (int4-g128, int8, fp16 ...), a llama.cpp
 *                      type (q4_0, q6_k ...) or mix (q4_k_m, q4_k_s)
 * @param lmHeadWeights format of the LM head when it differs (default: as {@code weights} says)
 * @param computeFormat format the MAC arrays multiply in (default fp16)
 * @param kv            KV-cache format (default fp16)
 * @param kvWindow      KV length every decode step and every prompt token attends over, for
 *                      runtimes with static graphs that always attend over their whole allocated
 *                      context; each prompt chunk also reads that KV (default: the actual length)
 * @param executor      compute unit per phase (default: the SoC's execution defaults)
 * @param mode          analytic (closed form) or des (discrete-event); default analytic
 * @param prompt        prompt tokens (prefill)
 * @param generate      generated tokens (decode)
 * @param prefillChunk  prompt tokens per prefill chunk; each chunk reads the weights once (default: the whole prompt)
 * @param prefillLogits the prompt positions the LM head multiplies: {@code all} (default),
 *                      {@code last} (llama.cpp: a batch without output flags returns only its last
 *                      token's logits, src/llama-batch.cpp, and llama-cli evaluates its prompt so;
 *                      ExecuTorch's Llama export without {@code --generate_full_logits}) or
 *                      {@code none} (the prompt neither multiplies nor reads the LM head: LiteRT
 *                      models exported by ai-edge-torch, whose prefill signature returns only the
 *                      KV cache; the runtime holds the last prompt token back for the first decode step)
 * @param npuGraphs     graphs a static-graph NPU runtime executes for every decode step and every
 *                      prefill chunk (QNN runs a model exported in parts one part after another);
 *                      each costs the profile's {@code npu.graphOverhead} on the phase's NPU.
 *                      Default 0: no such overhead
 * @param mlp           how MLP weights are read: {@code dense} (default) or a typed node such as {@code {kind: dip, keep: 0.5}}
 * @param placement     DRAM budget and whether weights that do not fit may stream from flash
 * @param timing        overlap of compute with I/O, and of flash with DRAM I/O
 * @param compute       where MAC rates and pJ per MAC come from: {@code preset} (default, the
 *                      profile's tables) or {@code {kind: mac-array, ...}} (the NPU's array rebuilt
 *                      per compute format by the MAC-array cost model)
 * @param window        the whole run as a phone measures it (start-up, cold load, prefill, decode),
 *                      with time, energy and power per phase; absent: the decode alone
 * @param decodeWork    whether the weight format's decode work (lookups, unpacking, gathers, ternary
 *                      adds, N:M's skipped MACs) is timed and priced: {@code none} (default, one MAC
 *                      per weight as before), {@code software} or {@code hardware} (NPU design options)
 */
public record DecodeSpec(@ConfigOptional String label, JsonNode soc, String model, String weights,
                         @ConfigOptional String lmHeadWeights, @ConfigOptional String computeFormat,
                         @ConfigOptional String kv, @ConfigOptional Integer kvWindow,
                         @ConfigOptional ExecutorSpec executor, @ConfigOptional Mode mode,
                         int prompt, int generate, @ConfigOptional Integer prefillChunk,
                         @ConfigOptional PrefillLogits prefillLogits, @ConfigOptional Integer npuGraphs,
                         @ConfigOptional @JsonDeserialize(using = KindShorthand.class) MlpSpec mlp,
                         @ConfigOptional PlacementSpec placement, @ConfigOptional TimingSpec timing,
                         @ConfigOptional @JsonDeserialize(using = KindShorthand.class) ComputeSpec compute,
                         @ConfigOptional WindowSpec window,
                         @ConfigOptional DecodeWorkPath decodeWork) implements PointSpec {

    /** How the token time is computed. */
    public enum Mode { ANALYTIC, DES }

    /** Which prompt positions get logits: every one, the last (the one a generation needs), or none (decode makes it). */
    public enum PrefillLogits {
        ALL, LAST, NONE;

        /**
         * How many of {@code count} prompt positions, or of {@code count} prompt chunks, carry
         * logits (a chunk does when it holds such a position): all, the last, or none.
         */
        public long withLogits(long count) {
            return switch (this) {
                case ALL -> count;
                case LAST -> Math.min(count, 1);
                case NONE -> 0;
            };
        }
    }

    public DecodeSpec {
        if (label == null) label = "";
        if (soc == null || !(soc.isTextual() || soc.isObject())) {
            throw new FieldException("soc", "must be a preset id, a profile file, or {extends: id, ...overrides}");
        }
        if (model == null || model.isBlank()) throw new FieldException("model", "is required");
        if (weights == null || weights.isBlank()) throw new FieldException("weights", "is required");
        if (computeFormat == null) computeFormat = "fp16";
        if (kv == null) kv = "fp16";
        if (kvWindow != null && kvWindow < 1) throw new FieldException("kvWindow", "must be at least 1, got " + kvWindow);
        if (executor == null) executor = new ExecutorSpec(null, null, null);
        if (mode == null) mode = Mode.ANALYTIC;
        if (prompt < 0 || prompt > 1_000_000) throw new FieldException("prompt", "must be in 0..1000000, got " + prompt);
        if (generate < 1 || generate > 1_000_000) throw new FieldException("generate", "must be in 1..1000000, got " + generate);
        if (prefillChunk == null) prefillChunk = Math.max(1, prompt);
        if (prefillChunk < 1) throw new FieldException("prefillChunk", "must be at least 1, got " + prefillChunk);
        if (prefillLogits == null) prefillLogits = PrefillLogits.ALL;
        if (npuGraphs == null) npuGraphs = 0;
        if (npuGraphs < 0 || npuGraphs > 1000) throw new FieldException("npuGraphs", "must be in 0..1000, got " + npuGraphs);
        if (mlp == null) mlp = new DenseSpec();
        if (timing != null && mode == Mode.ANALYTIC && (timing.prefetch() || timing.coRunners() > 0)) {
            throw new FieldException("timing", "prefetch and coRunners need mode: des (the analytic model has no overlap or contention)");
        }
        if (placement == null) placement = new PlacementSpec(null, false);
        if (timing == null) timing = new TimingSpec(null, null, null, null);
        if (compute == null) compute = new PresetComputeSpec();
        if (decodeWork == null) decodeWork = DecodeWorkPath.NONE;
    }
}
