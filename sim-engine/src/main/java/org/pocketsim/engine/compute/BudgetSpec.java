package org.pocketsim.engine.compute;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.kernel.cost.array.ArrayBudget;

/**
 * What a rebuilt MAC array is sized by, as a config writes it: exactly one of
 * {@code {mm2: 1.5}}, {@code {int8MacEquivalents: 22500}} (area in INT8 -> FX+12 MAC units) or
 * {@code {watts: 2.0}} (power of the MAC units at peak, the iso-power view).
 */
public record BudgetSpec(@ConfigOptional Double mm2, @ConfigOptional Double int8MacEquivalents,
                         @ConfigOptional Double watts) {

    public BudgetSpec {
        int given = (mm2 != null ? 1 : 0) + (int8MacEquivalents != null ? 1 : 0) + (watts != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("give exactly one of mm2, int8MacEquivalents or watts, got " + given);
        }
    }

    /** The kernels' budget; a non-positive value is an error naming its field. */
    public ArrayBudget toBudget() {
        try {
            if (mm2 != null) return new ArrayBudget.AreaMm2(mm2);
            if (int8MacEquivalents != null) return new ArrayBudget.Int8MacEquivalents(int8MacEquivalents);
            return new ArrayBudget.PowerW(watts);
        } catch (IllegalArgumentException e) {
            throw new FieldException(mm2 != null ? "mm2" : int8MacEquivalents != null ? "int8MacEquivalents" : "watts", e.getMessage());
        }
    }
}
