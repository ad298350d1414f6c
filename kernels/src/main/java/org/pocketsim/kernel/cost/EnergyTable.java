package org.pocketsim.kernel.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Energy (pJ) and, where known, area (um^2) per operation at one technology node, loaded from
 * a CSV resource that carries its source. Operations are named {@code "<type> <op>"}, e.g.
 * {@code int8 mult}, {@code fp32 add}.
 *
 * @param name     short name, e.g. {@code horowitz-45nm}
 * @param source   citation from the resource's comment lines
 * @param energyPj energy per operation
 * @param areaUm2  area per operator (absent for energy-only tables)
 */
public record EnergyTable(String name, String source, Map<String, Double> energyPj, Map<String, Double> areaUm2) {
    /** Horowitz ISSCC 2014, 45 nm (energy and area). */
    public static final String HOROWITZ_45NM = "horowitz-45nm";
    /** TPUv4i (ISCA 2021) Table 2, 7 nm (energy only). */
    public static final String TPUV4I_7NM = "tpuv4i-7nm";

    public EnergyTable {
        energyPj = Map.copyOf(energyPj);
        areaUm2 = Map.copyOf(areaUm2);
    }

    /** Loads {@code <name>.csv} from this package's resources. */
    public static EnergyTable load(String name) {
        CsvTable csv = CsvTable.load(name + ".csv", List.of("operation", "energy_pj", "area_um2"));
        Map<String, Double> energy = new LinkedHashMap<>();
        Map<String, Double> area = new LinkedHashMap<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            String op = csv.rows().get(i).get(0).trim();
            double e = csv.number(i, 1);
            if (!(e > 0)) {
                throw new IllegalArgumentException(name + ".csv:" + csv.lineNumbers().get(i) + ": energy_pj of '" + op
                        + "' must be a positive number");
            }
            energy.put(op, e);
            double a = csv.number(i, 2);
            if (!Double.isNaN(a)) {
                area.put(op, a);
            }
        }
        return new EnergyTable(name, csv.source(), energy, area);
    }

    /** Energy of {@code op}; an error naming the table when it has no such row. */
    public double energyPj(String op) {
        Double e = energyPj.get(op);
        if (e == null) {
            throw new IllegalArgumentException("energy table " + name + " has no operation '" + op + "'");
        }
        return e;
    }

    /** Area of {@code op}; an error naming the table when it has no area for it. */
    public double areaUm2(String op) {
        Double a = areaUm2.get(op);
        if (a == null) {
            throw new IllegalArgumentException("energy table " + name + " has no area for '" + op + "'");
        }
        return a;
    }

    /** Whether the table gives areas for both operations. */
    public boolean hasArea(String op1, String op2) {
        return areaUm2.containsKey(op1) && areaUm2.containsKey(op2);
    }
}
