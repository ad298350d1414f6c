package org.pocketsim.hw.config;

import java.util.List;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

/** A small config record tree exercising the loader: nested records, lists, enums, an optional field. */
record Sample(String name, int count, DataSize size, @ConfigOptional Double ratio, Inner inner, List<Row> rows) {

    Sample {
        Require.positive(count, "count");
        ratio = ratio == null ? 0.5 : Require.fraction(ratio, "ratio");
    }

    enum Mode { CPU, NPU }

    record Inner(Bandwidth bandwidth, Mode mode) {
    }

    record Row(DataSize size, Bandwidth bandwidth) {
        Row {
            if (bandwidth.bytesPerSecond() == 0) {
                throw new FieldException("bandwidth", "must be > 0");
            }
        }
    }
}
