package org.pocketsim.engine.analysis;

import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Headline numbers from a Pareto front, defined so they can be set beside a paper's abstract:
 * <ul>
 * <li><b>DRAM saved at equal throughput</b> of a front point (M, T): {@code 1 - M / M_base(T)},
 *     where {@code M_base(T)} is the DRAM footprint the baseline needs to reach T tokens/s
 *     (linear interpolation between baseline points sorted by footprint; undefined above the
 *     baseline's best throughput).</li>
 * <li><b>Throughput gained at equal DRAM</b>: {@code T / T_base(M) - 1}, with {@code T_base(M)}
 *     the baseline's tokens/s at footprint M (linear interpolation; undefined below the baseline's
 *     smallest footprint).</li>
 * </ul>
 * The front is the candidates' points that no other candidate point beats on both (lower or equal
 * footprint and higher or equal tokens/s, one strictly). The table gives the best of each
 * comparison over the front and the point it is reached at, then the published rows.
 */
public final class ParetoHeadline {

    private ParetoHeadline() {
    }

    /** One point of a tokens/s against DRAM curve, with its run label. */
    record Point(String label, double dram, double tokensPerSecond) {
    }

    /**
     * @param labels    run label of each result, in result order
     * @param configDir folder the published file's path starts from
     */
    public static ResultTable table(HeadlineSpec spec, List<PointResult> results, List<String> labels, Path configDir) {
        List<Point> base = new ArrayList<>();
        List<Point> candidates = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            PointResult r = results.get(i);
            Point p = new Point(labels.get(i), r.metric(Metrics.DRAM_FOOTPRINT_BYTES), r.metric(Metrics.TOKENS_PER_SECOND));
            if (labels.get(i).equals(spec.baseline())) base.add(p);
            if (spec.candidates().contains(labels.get(i))) candidates.add(p);
        }
        if (base.size() < 2) throw new IllegalArgumentException("headline '" + spec.title() + "': baseline '" + spec.baseline()
                + "' needs at least two points (a curve), has " + base.size());
        if (candidates.isEmpty()) throw new IllegalArgumentException("headline '" + spec.title() + "': no point has a candidate label");
        base.sort(Comparator.comparingDouble(Point::dram));
        List<Point> front = front(candidates);
        Point bestSave = null;
        double save = Double.NaN;
        Point bestGain = null;
        double gain = Double.NaN;
        for (Point p : front) {
            double m = dramForThroughput(base, p.tokensPerSecond());
            if (!Double.isNaN(m) && (bestSave == null || 1 - p.dram() / m > save)) {
                save = 1 - p.dram() / m;
                bestSave = p;
            }
            double t = throughputAtDram(base, p.dram());
            if (!Double.isNaN(t) && (bestGain == null || p.tokensPerSecond() / t - 1 > gain)) {
                gain = p.tokensPerSecond() / t - 1;
                bestGain = p;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("DRAM saved at equal throughput (ours, best over the front)", bestSave == null ? "n/a" : pct(save),
                bestSave == null ? "no front point within the baseline's throughput range"
                        : at(bestSave) + " vs baseline " + gb(dramForThroughput(base, bestSave.tokensPerSecond())), "PocketSim"));
        rows.add(row("Throughput gained at equal DRAM (ours, best over the front)", bestGain == null ? "n/a" : pct(gain),
                bestGain == null ? "no front point within the baseline's footprint range"
                        : at(bestGain) + " vs baseline " + fmt(throughputAtDram(base, bestGain.dram())) + " tok/s", "PocketSim"));
        for (Point p : front) {
            double m = dramForThroughput(base, p.tokensPerSecond());
            double t = throughputAtDram(base, p.dram());
            rows.add(row("front point: " + p.label(), (Double.isNaN(m) ? "n/a" : pct(1 - p.dram() / m)) + " DRAM saved, "
                    + (Double.isNaN(t) ? "n/a" : pct(p.tokensPerSecond() / t - 1)) + " throughput", at(p), "PocketSim"));
        }
        if (spec.published() != null) rows.addAll(published(configDir.resolve(spec.published())));
        return new ResultTable(spec.title(), List.of("quantity", "value", "at", "source"), rows);
    }

    /** Points no other point beats on both axes, by increasing footprint. */
    static List<Point> front(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::dram).thenComparing(Comparator.comparingDouble(Point::tokensPerSecond).reversed()));
        List<Point> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.tokensPerSecond() > best) {
                front.add(p);
                best = p.tokensPerSecond();
            }
        }
        return front;
    }

    /** Smallest footprint at which the baseline (sorted by footprint) reaches {@code t}; NaN above its range. */
    static double dramForThroughput(List<Point> base, double t) {
        if (t <= base.get(0).tokensPerSecond()) return base.get(0).dram();
        for (int i = 1; i < base.size(); i++) {
            Point a = base.get(i - 1);
            Point b = base.get(i);
            if (t <= b.tokensPerSecond() && b.tokensPerSecond() > a.tokensPerSecond()) {
                return a.dram() + (t - a.tokensPerSecond()) / (b.tokensPerSecond() - a.tokensPerSecond()) * (b.dram() - a.dram());
            }
        }
        return Double.NaN;
    }

    /** The baseline's tokens/s at footprint {@code m}; NaN below its smallest footprint, its last value above. */
    static double throughputAtDram(List<Point> base, double m) {
        if (m < base.get(0).dram()) return Double.NaN;
        for (int i = 1; i < base.size(); i++) {
            Point a = base.get(i - 1);
            Point b = base.get(i);
            if (m <= b.dram()) return a.tokensPerSecond() + (m - a.dram()) / (b.dram() - a.dram()) * (b.tokensPerSecond() - a.tokensPerSecond());
        }
        return base.get(base.size() - 1).tokensPerSecond();
    }

    private static List<List<String>> published(Path file) {
        try {
            List<List<String>> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split(",", 4);
                if (c.length != 4) throw new IllegalArgumentException(file + ": expected quantity,value,unit,source in '" + line + "'");
                rows.add(row(c[0] + " (published)", c[1] + " " + c[2], "paper", c[3].replace("\"", "")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> row(String quantity, String value, String at, String source) {
        return List.of(quantity, value, at, source);
    }

    private static String at(Point p) {
        return p.label() + " at " + gb(p.dram()) + ", " + fmt(p.tokensPerSecond()) + " tok/s";
    }

    private static String gb(double bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", 100 * share);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
