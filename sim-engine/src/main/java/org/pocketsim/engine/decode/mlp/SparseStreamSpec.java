package org.pocketsim.engine.decode.mlp;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.unit.DataSize;

/**
 * LLM-in-a-flash style sparse FFN (papers.md §3): a predictor picks the active neurons; a share
 * of the FFN stays in DRAM (the sliding window of recent neurons) and each token loads
 * {@code loadShare} of the FFN from flash in random reads of {@code chunk} (one neuron's up row
 * and down column, or two when bundled) and multiplies {@code activeShare}.
 *
 * @param loadShare     share of FFN weights loaded from flash per token
 * @param activeShare   share of FFN weights multiplied per token (read from DRAM); default loadShare
 * @param residentShare share of FFN weights held in DRAM
 * @param chunk         size of each random flash read
 */
public record SparseStreamSpec(double loadShare, @ConfigOptional Double activeShare, double residentShare, DataSize chunk)
        implements MlpSpec {

    public SparseStreamSpec {
        MlpSpec.share("loadShare", loadShare);
        MlpSpec.share("residentShare", residentShare);
        if (activeShare == null) activeShare = loadShare;
        MlpSpec.share("activeShare", activeShare);
        if (chunk.bytes() < 1) throw new FieldException("chunk", "must be at least 1 B");
    }

    @Override
    public MlpMethod bind(MlpContext context) {
        return new SparseStreamMethod(this, context);
    }
}
