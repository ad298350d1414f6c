package org.pocketsim.workload.importer;

import java.util.Arrays;

/**
 * What an importer needs beyond the input file: the model id and dimensions, where the
 * file's layers sit in the model, and provenance. Zero dimensions are filled from the data
 * where the data determines them ({@code layers}, {@code experts} from router-logit widths,
 * top-k from row lengths); {@code hidden} and {@code intermediate} stay 0 (unknown) unless given.
 *
 * @param samplingMethod how the tokens were sampled (greedy or sampled), or null when unknown
 * @param temperature    sampling temperature, or null when unknown
 * @param layerIndex model layer index of each layer position in the file, or null for 0, 1, 2, ...
 *                   (Switch-base-32's six MoE layers are decoder layers 1, 3, ..., 11)
 */
public record ImportSpec(String modelId, int layers, int hidden, int intermediate, int experts, int[] layerIndex,
                         String origin, String licence, String prompt, String samplingMethod, Double temperature) {

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
            }
        }
    }

    /** Model layer index of file layer position {@code position}. */
    public int modelLayer(int position) {
        if (layerIndex == null) return position;
        if (position >= layerIndex.length) {
            throw new IllegalArgumentException("the file has more layers than the " + layerIndex.length + " of --layer-index");
        }
        return layerIndex[position];
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
                && java.util.Objects.equals(samplingMethod, s.samplingMethod) && java.util.Objects.equals(temperature, s.temperature);
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
