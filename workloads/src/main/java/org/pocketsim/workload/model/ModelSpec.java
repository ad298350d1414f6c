package org.pocketsim.workload.model;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.util.ArrayList;
import java.util.List;

/**
 * Architecture of a decoder-only LLM: enough to count parameters, size memory and lower each
 * layer into matrix work. Immutable; validated once on construction.
 *
 * @param id                 preset id (lower case, e.g. {@code phi3-medium-4k})
 * @param name               published model name
 * @param source             where the dimensions come from
 * @param hidden             residual width
 * @param layers             decoder layers
 * @param vocab              vocabulary size
 * @param intermediate       dense MLP width (of every layer of a dense model, of the first dense
 *                           layers of an MoE model); 0 when the model has no dense MLP
 * @param activation         MLP activation
 * @param norm               norm family of the per-layer and final norms
 * @param tiedEmbeddings     whether the LM head reuses the embedding table
 * @param mlpBias            whether dense MLP projections carry biases (OPT)
 * @param lmHeadBias         whether the LM head carries a bias (Phi-3.5-MoE)
 * @param positionEmbeddings rows of a learned position-embedding table (OPT: 2050), 0 for RoPE models
 * @param attention          attention block of the {@code full} layers (all layers without a layout)
 * @param linearAttention    linear-attention block of the {@code linear} layers; present exactly when the
 *                           layout has linear layers
 * @param layout             kind of each layer as a repeating pattern; left out when every layer is {@code full}
 * @param moe                mixture of experts; left out (null) for dense models
 * @param published          published parameter counts
 */
public record ModelSpec(String id, String name, String source, int hidden, int layers, int vocab, int intermediate,
                        Activation activation, NormKind norm, boolean tiedEmbeddings, boolean mlpBias,
                        boolean lmHeadBias, int positionEmbeddings, AttentionSpec attention,
                        @ConfigOptional LinearAttentionSpec linearAttention, @ConfigOptional LayerLayout layout,
                        @ConfigOptional MoeSpec moe, PublishedCounts published) {

    public ModelSpec {
        if (id == null || !id.matches("[a-z0-9][a-z0-9.\\-]*")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits, '.' and '-', got " + id);
        }
        Checks.required("name", name);
        Checks.required("source", source);
        Checks.positive("hidden", hidden, Checks.MAX_WIDTH);
        Checks.positive("layers", layers, Checks.MAX_LAYERS);
        Checks.positive("vocab", vocab, Checks.MAX_VOCAB);
        Checks.nonNegative("intermediate", intermediate, Checks.MAX_WIDTH);
        Checks.nonNegative("positionEmbeddings", positionEmbeddings, Checks.MAX_VOCAB);
        Checks.required("activation", activation);
        Checks.required("norm", norm);
        Checks.required("attention", attention);
        Checks.required("published", published);
        checkLayout(layers, linearAttention, layout);
        if (moe != null) checkDenseLayers(layers, moe);
        int denseLayers = 0;
        for (int l = 0; l < layers; l++) if (moe == null || moe.isDense(l)) denseLayers++;
        if (denseLayers > 0 && intermediate == 0) {
            throw new IllegalArgumentException("intermediate must be positive when the model has dense MLP layers");
        }
        if (denseLayers == 0 && intermediate != 0) {
            throw new IllegalArgumentException("intermediate must be 0 when every layer is MoE, got " + intermediate);
        }
    }

    private static void checkLayout(int layers, LinearAttentionSpec linear, LayerLayout layout) {
        if (layout != null && layers % layout.pattern().size() != 0) throw new FieldException("layout.pattern",
                "the pattern's " + layout.pattern().size() + " kinds must divide the " + layers + " layers");
        boolean hasLinear = layout != null && layout.has(LayerKind.LINEAR);
        if (hasLinear && linear == null) throw new FieldException("layout.pattern",
                "linear layers need a linearAttention block");
        if (!hasLinear && linear != null) throw new FieldException("linearAttention",
                "no layer uses it: add linear to layout.pattern or leave linearAttention out");
        if (layout != null && !layout.has(LayerKind.FULL)) throw new FieldException("layout.pattern",
                "at least one layer must be full attention (the attention block is required)");
    }

    private static void checkDenseLayers(int layers, MoeSpec moe) {
        if (moe.denseLayers() >= layers) throw new FieldException("moe.denseLayers",
                moe.denseLayers() + " must be below layers " + layers);
        List<Integer> listed = moe.denseLayerIndices();
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i) >= layers) throw new FieldException("moe.denseLayerIndices[" + i + "]",
                    "layer " + listed.get(i) + " is outside 0.." + (layers - 1));
        }
        if (moe.denseLayers() + listed.size() >= layers) throw new FieldException("moe",
                "every layer is dense; leave moe out for a dense model");
    }

    /** Kind of layer {@code layer}: {@code full} unless the layout says {@code linear}. */
    public LayerKind layerKind(int layer) {
        checkLayer(layer);
        return layout == null ? LayerKind.FULL : layout.kindOf(layer);
    }

    /** Layers of kind {@code kind}, ascending. */
    public List<Integer> layersOf(LayerKind kind) {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) if (layerKind(l) == kind) out.add(l);
        return List.copyOf(out);
    }

    /** Whether layer {@code layer} routes tokens to experts. */
    public boolean isMoeLayer(int layer) {
        checkLayer(layer);
        return moe != null && !moe.isDense(layer);
    }

    /**
     * The MoE layers, ascending: the model layer of each per-layer list of a routing trace,
     * which holds one list per MoE layer in this order and none for dense layers.
     */
    public List<Integer> moeLayers() {
        List<Integer> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) if (isMoeLayer(l)) out.add(l);
        return List.copyOf(out);
    }

    /** Whether any layer is MoE. */
    public boolean isMoe() {
        return moe != null;
    }

    /** MLP input width (the width of {@code mlp_in} in traces). */
    public int mlpInputWidth() {
        return hidden;
    }

    /** Width of {@code down_in} at layer {@code layer}: the dense width, or the routed expert width. */
    public int downInputWidth(int layer) {
        return isMoeLayer(layer) ? moe.expertIntermediate() : intermediate;
    }

    /** Shapes of layer {@code layer} as the decode pipeline lowers them. */
    public LayerShapes layerShapes(int layer) {
        checkLayer(layer);
        FfnShapes dense = null;
        MoeLayerShapes experts = null;
        if (isMoeLayer(layer)) {
            FfnShapes shared = moe.sharedExperts() == 0 ? null
                    : FfnShapes.of(hidden, moe.sharedIntermediate(), activation.gated());
            experts = new MoeLayerShapes(new MatrixShape("router", moe.experts(), hidden), moe.experts(), moe.topK(),
                    FfnShapes.of(hidden, moe.expertIntermediate(), activation.gated()), moe.sharedExperts(), shared,
                    moe.sharedExpertGate() ? new MatrixShape("shared_gate", 1, hidden) : null);
        } else {
            dense = FfnShapes.of(hidden, intermediate, activation.gated());
        }
        if (layerKind(layer) == LayerKind.LINEAR) {
            return new LayerShapes(layer, LayerKind.LINEAR, linearAttention.projections(hidden), dense, experts, 0,
                    linearAttention.stateValues(), linearAttention.mixerMacsPerToken());
        }
        return new LayerShapes(layer, LayerKind.FULL, attentionProjections(), dense, experts,
                attention.kvValuesPerToken(), 0, 0);
    }

    /** Parameter counts per component, computed from the dimensions. */
    public ParameterCounts parameterCounts() {
        return ParameterCounts.of(this);
    }

    /** Memory footprint per component at a weight precision, with a KV cache of {@code seqLen} tokens. */
    public Footprint footprint(WeightPrecision weights, int seqLen, double kvBitsPerValue) {
        return Footprint.of(this, weights, seqLen, kvBitsPerValue);
    }

    private List<MatrixShape> attentionProjections() {
        AttentionSpec a = attention;
        List<MatrixShape> out = new ArrayList<>(5);
        if (a.kind() == AttentionKind.MLA) {
            MlaSpec m = a.mla();
            int qWidth = a.heads() * m.qkHeadDim();
            if (m.qLoraRank() > 0) {
                out.add(new MatrixShape("q_a", m.qLoraRank(), hidden));
                out.add(new MatrixShape("q_b", qWidth, m.qLoraRank()));
            } else {
                out.add(new MatrixShape("q", qWidth, hidden));
            }
            out.add(new MatrixShape("kv_a", m.kvLoraRank() + m.qkRopeHeadDim(), hidden));
            out.add(new MatrixShape("kv_b", a.heads() * (m.qkNopeHeadDim() + m.vHeadDim()), m.kvLoraRank()));
        } else {
            out.add(new MatrixShape("q", (a.outputGate() ? 2 : 1) * a.heads() * a.headDim(), hidden));
            out.add(new MatrixShape("k", a.kvHeads() * a.headDim(), hidden));
            out.add(new MatrixShape("v", a.kvHeads() * a.headDim(), hidden));
        }
        out.add(new MatrixShape("o", hidden, a.outputWidth()));
        return out;
    }

    private void checkLayer(int layer) {
        if (layer < 0 || layer >= layers) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside 0.." + (layers - 1) + " of " + id);
        }
    }
}
