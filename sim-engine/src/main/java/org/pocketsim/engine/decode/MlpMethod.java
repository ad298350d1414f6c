package org.pocketsim.engine.decode;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.unit.DataSize;

/**
 * How the MLP (or the experts) of each layer is read per token. One record per method, one
 * registration line in {@link JsonSubTypes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MlpMethod.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = MlpMethod.SparseStream.class, name = "sparse-stream")})
public sealed interface MlpMethod {

    /** Every MLP weight (or every weight of the chosen experts) is read each token. */
    record Dense() implements MlpMethod {
    }

    /**
     * LLM-in-a-flash style sparse FFN (papers.md §3): a predictor picks the active neurons;
     * a share of the FFN stays in DRAM (the sliding window of recent neurons) and each token
     * loads {@code loadShare} of the FFN from flash in random reads of {@code chunk} (one
     * neuron's up row and down column, or two when bundled) and multiplies {@code activeShare}.
     *
     * @param loadShare     share of FFN weights loaded from flash per token
     * @param activeShare   share of FFN weights multiplied per token (read from DRAM)
     * @param residentShare share of FFN weights held in DRAM
     * @param chunk         size of each random flash read
     */
    record SparseStream(double loadShare, @ConfigOptional Double activeShare, double residentShare, DataSize chunk)
            implements MlpMethod {
        public SparseStream {
            requireShare("loadShare", loadShare);
            requireShare("residentShare", residentShare);
            if (activeShare == null) activeShare = loadShare;
            requireShare("activeShare", activeShare);
            if (chunk.bytes() < 1) throw new IllegalArgumentException("chunk must be at least 1 B");
        }
    }

    private static void requireShare(String field, double v) {
        if (!(v >= 0 && v <= 1)) throw new org.pocketsim.hw.config.FieldException(field, "must be a share in [0, 1], got " + v);
    }
}
