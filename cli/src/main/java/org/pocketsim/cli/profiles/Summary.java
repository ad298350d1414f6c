package org.pocketsim.cli.profiles;

import java.util.Locale;
import org.pocketsim.hw.spec.FlashSpec;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.RatePoint;
import org.pocketsim.hw.unit.Bandwidth;

/** One-phrase summaries of spec parts for tables. */
final class Summary {

    private Summary() {
    }

    static Bandwidth maxSequential(FlashSpec flash) {
        return flash.sequentialRead().stream().map(RatePoint::bandwidth).max(Bandwidth::compareTo).orElseThrow();
    }

    /** e.g. {@code "Hexagon NPU 45.0 TOPS"}; formats other than int8 are listed when int8 is absent. */
    static String npu(NpuSpec npu) {
        if (npu.supports("int8")) {
            return npu.name() + " " + String.format(Locale.ROOT, "%.1f TOPS", 2 * npu.peakMacsPerSecond("int8") / 1e12);
        }
        return npu.name() + " (" + String.join(", ", npu.macsPerCycle().keySet()) + ")";
    }
}
