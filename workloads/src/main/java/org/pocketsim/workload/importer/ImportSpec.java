package org.pocketsim.workload.importer;

import org.pocketsim.workload.trace.TraceCompatibility;
import org.pocketsim.workload.trace.TraceException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an importer needs beyond the input file: the model id and dimensions, where the
 * file's layers sit in the model, and provenance. Zero dimensions are filled from the data
 * where the data determines them ({@code layers}, {@code experts} from router-logit widths,
 * top-k from row lengths); {@code hidden} and {@code intermediate} stay 0 (unknown) unless given.
 *
 * @param samplingMethod how the tokens were sampled (greedy or sampled), or null when unknown
 * @param temperature    sampling temperature, or null when unknown
 * <p>Layer mapping ({@link #modelLayers}): a routing file holds one list per layer position and
 * token. With {@code layerIndex} the i-th list belongs to model layer {@code layerIndex[i]}; else,
 * when the model is known ({@code moeLayers} given), the i-th list belongs to the model's i-th MoE
 * layer, dense layers getting none (DeepSeek-V2-Lite: 26 lists for layers 1..26); else (a model
 * without preset) to layer i. A count that does not fit is an error, never a guess.
 *
 * @param samplingMethod how the tokens were sampled (greedy or sampled), or null when unknown
 * @param temperature    sampling temperature, or null when unknown
 * @param layerIndex model layer index of each layer position in the file, or null for the default mapping
 *                   (Switch-base-32's six MoE layers are decoder layers 1, 3, ..., 11)
 * @param moeLayers  the model's MoE layers in order ({@code ModelSpec.moeLayers()}), or null when the model
 *                   is not known
 */
public record ImportSpec(String modelId, int layers, int hidden, int intermediate, int experts, int[] layerIndex,
                         String origin, String licence, String prompt, String samplingMethod, Double temperature,
                         List<Integer> moeLayers) {

    /** A spec for a model that is not known (no preset or model file): lists map to layers 0, 1, 2, ... */
    public ImportSpec(String modelId, int layers, int hidden, int intermediate, int experts, int[] layerIndex,
                      String origin, String licence, String prompt, String samplingMethod, Double temperature) {
        this(modelId, layers, hidden, intermediate, experts, layerIndex, origin, licence, prompt, samplingMethod,
                temperature, null);
    }

    public ImportSpec {
        if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("model id is required");
        if (layers < 0 || hidden < 0 || intermediate < 0 || experts < 0) {
            throw new IllegalArgumentException("model dimensions must not be negative");
        }
        if (origin == null || origin.isBlank()) throw new IllegalArgumentException("origin is required");
        if (licence == null || licence.isBlank()) throw new IllegalArgumentException("licence is required");
        if (samplingMethod != null && !samplingMethod.equals("greedy") && !samplingMethod.equals("sampled")) {
            throw new IllegalArgumentException("sampling must be greedy or sampled, got " + samplingMethod);
        }
        if (temperature != null && samplingMethod == null) throw new IllegalArgumentException("a temperature needs a sampling method");
        if (layerIndex != null) {
            layerIndex = layerIndex.clone();
            for (int i = 0; i < layerIndex.length; i++) {
                if (layerIndex[i] < 0 || (i > 0 && layerIndex[i] <= layerIndex[i - 1])) {
                    throw new IllegalArgumentException("layer index must be non-negative and ascending: " + Arrays.toString(layerIndex));
                }
                if (moeLayers != null && !moeLayers.contains(layerIndex[i])) {
                    throw new IllegalArgumentException("--layer-index names layer " + layerIndex[i] + ", which is not an MoE layer of "
                            + modelId + " (MoE layers: " + TraceCompatibility.layerRanges(moeLayers) + ")");
                }
            }
        }
        if (moeLayers != null) {
            if (moeLayers.isEmpty()) throw new IllegalArgumentException(modelId + " has no MoE layers to import routing for");
            moeLayers = List.copyOf(moeLayers);
        }
    }

    /**
     * The model layer of each of the {@code fileLayers} lists per token that the first record of
     * {@code in} (at line {@code line}) holds, by the rule in the class comment; a count that fits
     * neither {@code layerIndex} nor the model's MoE layers is a {@code FILE:LINE: what} error.
     */
    public List<Integer> modelLayers(Path in, int line, int fileLayers) {
        List<Integer> out = new ArrayList<>(fileLayers);
        if (layerIndex != null) {
            if (fileLayers != layerIndex.length) throw new TraceException(in + ":" + line + ": holds " + fileLayers
                    + " layer lists per token, but --layer-index names " + layerIndex.length + " layers");
            for (int l : layerIndex) out.add(l);
        } else if (moeLayers != null) {
            if (fileLayers != moeLayers.size()) throw new TraceException(in + ":" + line + ": holds " + fileLayers
                    + " layer lists per token, expected " + moeLayers.size() + ": one per MoE layer of " + modelId + " ("
                    + TraceCompatibility.layerRanges(moeLayers) + (moeLayers.size() < layers ? "; dense layers get none" : "")
                    + "), or give --layer-index");
            out.addAll(moeLayers);
        } else {
            for (int l = 0; l < fileLayers; l++) out.add(l);
        }
        return List.copyOf(out);
    }

    @Override
    public int[] layerIndex() {
        return layerIndex == null ? null : layerIndex.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportSpec s && modelId.equals(s.modelId) && layers == s.layers && hidden == s.hidden
                && intermediate == s.intermediate && experts == s.experts && Arrays.equals(layerIndex, s.layerIndex)
                && origin.equals(s.origin) && licence.equals(s.licence) && java.util.Objects.equals(prompt, s.prompt)
                && java.util.Objects.equals(samplingMethod, s.samplingMethod) && java.util.Objects.equals(temperature, s.temperature)
                && java.util.Objects.equals(moeLayers, s.moeLayers);
    }

    @Override
    public int hashCode() {
        return modelId.hashCode() * 31 + Arrays.hashCode(layerIndex);
    }

    @Override
    public String toString() {
        return "ImportSpec[" + modelId + ", layers " + layers + ", experts " + experts + ", index " + Arrays.toString(layerIndex) + "]";
    }
}
