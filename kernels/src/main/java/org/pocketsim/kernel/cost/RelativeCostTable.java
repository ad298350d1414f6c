package org.pocketsim.kernel.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published energy and area ratios between MAC-array configurations at equal throughput (the
 * "INT v.s. FP" paper's Table 5), loaded from {@code int-vs-fp-table5.csv}.
 *
 * @param source citation from the resource's comment lines
 * @param rows   ratios by configuration name, e.g. {@code mxint8}
 */
public record RelativeCostTable(String source, Map<String, Ratio> rows) {

    /** Energy and area of a configuration relative to {@code baseline}. */
    public record Ratio(String baseline, double energy, double area) {
    }

    public RelativeCostTable {
        rows = Map.copyOf(rows);
    }

    /** The "INT v.s. FP" (arXiv 2510.25602) Table 5 ratios. */
    public static RelativeCostTable intVsFpTable5() {
        CsvTable csv = CsvTable.load("int-vs-fp-table5.csv", List.of("configuration", "baseline", "energy_rel", "area_rel"));
        Map<String, Ratio> rows = new LinkedHashMap<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            List<String> r = csv.rows().get(i);
            rows.put(r.get(0).trim(), new Ratio(r.get(1).trim(), csv.number(i, 2), csv.number(i, 3)));
        }
        return new RelativeCostTable(csv.source(), rows);
    }

    /** Ratio of {@code configuration}; an error naming it when absent. */
    public Ratio ratio(String configuration) {
        Ratio r = rows.get(configuration);
        if (r == null) {
            throw new IllegalArgumentException("relative cost table has no configuration '" + configuration + "'");
        }
        return r;
    }
}
