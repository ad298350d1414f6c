package org.pocketsim.kernel.cost.array;

/**
 * What a MAC array is sized by: silicon area in mm^2, area in INT8 MAC equivalents (the
 * INT8 -> FX+12 unit of the whitepaper, so that a process table without areas still works),
 * or power at peak throughput in watts (the iso-power view).
 */
public sealed interface ArrayBudget permits ArrayBudget.AreaMm2, ArrayBudget.Int8MacEquivalents, ArrayBudget.PowerW {

    /** Short label for tables, e.g. {@code 1.5 mm^2}. */
    String label();

    /** Units of cost {@code unit} that fit this budget, rounded down. */
    long units(UnitCost unit);

    /**
     * Cost of one MAC unit in each budget's currency.
     *
     * @param um2                area, NaN when the process table gives none
     * @param int8MacEquivalents area in INT8 -> FX+12 units
     * @param watts              power at peak throughput at the array's clock
     * @param process            the process table's name, for messages
     */
    record UnitCost(double um2, double int8MacEquivalents, double watts, String process) {
    }

    /** Area of the MAC units (not SRAM, wires or control). */
    record AreaMm2(double mm2) implements ArrayBudget {
        public AreaMm2 {
            positive("area budget (mm^2)", mm2);
        }

        @Override
        public String label() {
            return mm2 + " mm^2";
        }

        @Override
        public long units(UnitCost unit) {
            if (Double.isNaN(unit.um2())) {
                throw new IllegalArgumentException("process table " + unit.process()
                        + " gives no areas: give the area budget in INT8-MAC equivalents");
            }
            return (long) Math.floor(mm2 * 1e6 / unit.um2());
        }
    }

    /** The area of {@code macs} INT8 -> FX+12 units. */
    record Int8MacEquivalents(double macs) implements ArrayBudget {
        public Int8MacEquivalents {
            positive("area budget (INT8 MAC equivalents)", macs);
        }

        @Override
        public String label() {
            return macs + " INT8-MAC equivalents";
        }

        @Override
        public long units(UnitCost unit) {
            return (long) Math.floor(macs / unit.int8MacEquivalents());
        }
    }

    /** Power of the MAC units at peak throughput. */
    record PowerW(double watts) implements ArrayBudget {
        public PowerW {
            positive("power budget (W)", watts);
        }

        @Override
        public String label() {
            return watts + " W";
        }

        @Override
        public long units(UnitCost unit) {
            return (long) Math.floor(watts / unit.watts());
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a positive finite number, got " + v);
        }
    }
}
