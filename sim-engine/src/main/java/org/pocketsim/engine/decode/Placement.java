package org.pocketsim.engine.decode;

import org.pocketsim.hw.config.FieldException;

/**
 * Where a run's bytes live: the KV cache and as many weights as fit stay in DRAM; what does not
 * fit is streamed from flash every token, or is an error when streaming is not allowed.
 *
 * <p>Weights may use {@code min(budget, available - kv)} bytes of DRAM, where {@code available}
 * is the profile's capacity less its OS/app reserve and {@code budget} the run's weight budget.
 * Weights that overflow are taken to be weights every token reads (the streamed layers of the
 * DIP reference, papers.md §1.5), read sequentially in whole-matrix requests.
 *
 * @param residentWeightBytes weights held in DRAM
 * @param kvBytes             KV cache at its largest
 * @param streamedBytesPerToken weight bytes read from flash per token because they did not fit
 */
public record Placement(long residentWeightBytes, long kvBytes, long streamedBytesPerToken) {

    /** DRAM the run occupies. */
    public long dramFootprintBytes() {
        return residentWeightBytes + kvBytes;
    }

    /**
     * Places {@code weightBytes} of weights (of which {@code perTokenWeightBytes} are read every
     * token) and {@code kvBytes} of KV cache in {@code availableBytes} of DRAM, of which weights may
     * take at most {@code budgetBytes}.
     */
    public static Placement plan(long weightBytes, long perTokenWeightBytes, long kvBytes, long availableBytes,
                                 long budgetBytes, boolean allowStreaming) {
        if (kvBytes > availableBytes) {
            throw new FieldException("prompt", "the KV cache (" + gb(kvBytes) + ") does not fit in the "
                    + gb(availableBytes) + " of DRAM the profile leaves after its OS reserve");
        }
        long room = Math.min(budgetBytes, availableBytes - kvBytes);
        if (weightBytes <= room) return new Placement(weightBytes, kvBytes, 0);
        if (!allowStreaming) {
            throw new FieldException("placement.allowStreaming", "weights need " + gb(weightBytes) + " but only "
                    + gb(room) + " of DRAM is left for them (KV cache " + gb(kvBytes) + "); allow streaming from flash or shrink the model");
        }
        long overflow = weightBytes - room;
        return new Placement(room, kvBytes, Math.min(overflow, perTokenWeightBytes));
    }

    private static String gb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
