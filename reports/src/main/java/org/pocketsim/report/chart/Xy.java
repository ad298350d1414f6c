package org.pocketsim.report.chart;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.ParamLookup;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The series, axes, point labels and caption notes of an xy chart (line, scatter, Pareto):
 * points grouped into series by y metric, seriesBy value and (for lines) the swept axes the
 * spec leaves open; axes titled from the catalogue and logarithmic by {@link AxisScale};
 * series drawn on top of each other found and named.
 */
final class Xy {

    /** Two values closer than this share of the axis range count as the same place. */
    static final double SAME_PLACE = 0.004;

    final XYSeriesCollection data = new XYSeriesCollection();
    final List<List<PointResult>> members = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> labelled;
    ValueAxis xAxis;
    ValueAxis yAxis;
    String xTitle;
    String yTitle;
    boolean[] coincides;

    private Xy(List<String> labelled) {
        this.labelled = labelled;
    }

    static Xy assemble(ChartSpec spec, List<PointResult> selected, boolean splitOpenAxes) {
        List<String> leftOut = new ArrayList<>();
        List<PointResult> points = carrying(spec, selected, leftOut);
        Quantity x = Quantity.of(spec, spec.x(), points);
        List<Quantity> ys = spec.y().stream().map(y -> Quantity.of(spec, y, points)).toList();
        List<String> accounted = new ArrayList<>(spec.filter().keySet());
        accounted.add(spec.x());
        if (spec.seriesBy() != null) accounted.add(spec.seriesBy());
        List<String> open = splitOpenAxes ? PointLabels.varying(points, accounted) : List.of();
        List<String> inLegendOrOnAxis = new ArrayList<>(open);
        inLegendOrOnAxis.add(spec.x());
        if (spec.seriesBy() != null) inLegendOrOnAxis.add(spec.seriesBy());
        Xy xy = new Xy(spec.labelBy() != null ? spec.labelBy() : PointLabels.varying(points, inLegendOrOnAxis));
        xy.notes.addAll(leftOut);
        if (!open.isEmpty()) {
            xy.notes.add("Also split by " + open.stream().map(ParameterNames::label).collect(Collectors.joining(", "))
                    + ": the points differ in it and the chart's x, seriesBy and filter do not account for it.");
        }
        double[] xs = new double[points.size() * ys.size()];
        double[] yv = new double[xs.length];
        int k = 0;
        Map<String, List<PointResult>> bySeries = new LinkedHashMap<>();
        Map<String, Quantity> yOf = new LinkedHashMap<>();
        for (Quantity y : ys) {
            for (PointResult p : points) {
                String key = seriesKey(spec, y, p, open, ys.size() > 1);
                bySeries.computeIfAbsent(key, q -> new ArrayList<>()).add(p);
                yOf.put(key, y);
                xs[k] = x.value(p);
                yv[k++] = y.value(p);
            }
        }
        boolean logX = AxisScale.log(spec.logX(), xs);
        boolean logY = AxisScale.log(spec.logY(), yv);
        if (spec.logX() == null && logX) xy.notes.add("x axis logarithmic: the values span more than 30x.");
        if (spec.logY() == null && logY) xy.notes.add("y axis logarithmic: the values span more than 30x.");
        for (Map.Entry<String, List<PointResult>> s : bySeries.entrySet()) {
            Quantity y = yOf.get(s.getKey());
            List<PointResult> sorted = new ArrayList<>(s.getValue());
            sorted.sort(Comparator.comparingDouble(x::value));
            XYSeries series = new XYSeries(s.getKey(), false, true);
            for (PointResult p : sorted) series.add(x.onAxis(p, logX), y.onAxis(p, logY));
            xy.data.addSeries(series);
            xy.members.add(sorted);
        }
        xy.xTitle = spec.xLabel() != null ? spec.xLabel() : x.title();
        xy.yTitle = spec.yLabel() != null ? spec.yLabel() : yTitle(ys);
        xy.xAxis = ChartStyle.valueAxis(xy.xTitle, logX);
        xy.yAxis = ChartStyle.valueAxis(xy.yTitle, logY);
        xy.findCoincidences();
        return xy;
    }

    /**
     * The points that carry every metric the chart draws. A metric some points have and others
     * lack (a measured perplexity that only the real model's points carry) leaves the others out,
     * and {@code notes} says which; a chart none of whose points carry it is an error.
     */
    static List<PointResult> carrying(ChartSpec spec, List<PointResult> points, List<String> notes) {
        List<String> names = new ArrayList<>();
        names.add(spec.x());
        names.addAll(spec.y());
        List<String> partial = new ArrayList<>();
        for (String n : names) {
            boolean some = points.stream().anyMatch(p -> p.hasMetric(n));
            if (some && points.stream().anyMatch(p -> !p.hasMetric(n) && ParamLookup.get(p, n) == null)) partial.add(n);
        }
        if (partial.isEmpty()) return points;
        List<PointResult> kept = new ArrayList<>();
        List<PointResult> left = new ArrayList<>();
        for (PointResult p : points) (partial.stream().allMatch(p::hasMetric) ? kept : left).add(p);
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': no point carries all of " + partial);
        }
        String what = partial.stream().map(Quantity::labelOf).collect(Collectors.joining(", "));
        String which = "";
        if (spec.seriesBy() != null) {
            which = left.stream().map(p -> ParamLookup.get(p, spec.seriesBy())).filter(java.util.Objects::nonNull).distinct()
                    .map(v -> ParameterNames.value(spec.seriesBy(), v)).collect(Collectors.joining("; ", " (", ")"));
        }
        notes.add("Left out " + left.size() + " of " + points.size() + " points that carry no " + what + which + ".");
        return kept;
    }

    /** Several y metrics: their labels joined, with the unit when they share one. */
    private static String yTitle(List<Quantity> ys) {
        if (ys.size() == 1) return ys.get(0).title();
        String unit = ys.get(0).unit().symbol();
        boolean same = ys.stream().allMatch(q -> q.unit().symbol().equals(unit));
        if (same) return ys.get(0).unit().title(ys.stream().map(Quantity::label).collect(Collectors.joining(", ")));
        return ys.stream().map(Quantity::title).collect(Collectors.joining(", "));
    }

    /** Marks series drawn exactly on an earlier one and says so in the notes. */
    private void findCoincidences() {
        int n = data.getSeriesCount();
        coincides = new boolean[n];
        double xr = range(true);
        double yr = range(false);
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (same(data.getSeries(i), data.getSeries(j), xr, yr)) {
                    coincides[j] = true;
                    notes.add("'" + data.getSeriesKey(j) + "' coincides with '" + data.getSeriesKey(i)
                            + "': drawn on top of it, dashed, with its own marker.");
                    break;
                }
            }
        }
    }

    private double range(boolean xAxisRange) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double v = xAxisRange ? data.getXValue(s, i) : data.getYValue(s, i);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return hi > lo ? hi - lo : Math.max(Math.abs(hi), 1e-12);
    }

    private static boolean same(XYSeries a, XYSeries b, double xr, double yr) {
        if (a.getItemCount() != b.getItemCount()) return false;
        for (int i = 0; i < a.getItemCount(); i++) {
            if (Math.abs(a.getX(i).doubleValue() - b.getX(i).doubleValue()) > SAME_PLACE * xr) return false;
            if (Math.abs(a.getY(i).doubleValue() - b.getY(i).doubleValue()) > SAME_PLACE * yr) return false;
        }
        return true;
    }

    /** Series colours, hollow markers of one shape per series, dashed lines for coinciding series. */
    XYLineAndShapeRenderer renderer(boolean lines) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(lines, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public ItemLabelPosition getPositiveItemLabelPosition(int series, int item) {
                if (positions == null) return super.getPositiveItemLabelPosition(series, item);
                return positions[placed.getOrDefault(series + ":" + item, 0)];
            }

            @Override
            public ItemLabelPosition getNegativeItemLabelPosition(int series, int item) {
                return getPositiveItemLabelPosition(series, item);
            }
        };
        boolean hollow = data.getSeriesCount() > 1;
        r.setUseFillPaint(false);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.colour(i));
            r.setSeriesStroke(i, coincides[i] ? ChartStyle.dashedLine() : ChartStyle.line());
            r.setSeriesOutlineStroke(i, new BasicStroke(2f));
            r.setSeriesShape(i, ChartStyle.marker(i));
            r.setSeriesShapesFilled(i, !hollow);
        }
        return r;
    }

    /**
     * Labels each point (or each group of points at one place) with what distinguishes it, once:
     * a point drawn in several y series is labelled at its first marker. A
     * label sits right of its point, or left in the right third of the plot; where it would
     * overlap a label already placed it takes the first free place of: level, above, below, then
     * the same on the other side (or the least crowded of them).
     */
    void labelPoints(XYLineAndShapeRenderer r) {
        if (labelled.isEmpty()) return;
        List<int[]> items = new ArrayList<>();
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) items.add(new int[]{s, i});
        }
        boolean logX = xAxis instanceof org.jfree.chart.axis.LogAxis;
        boolean logY = yAxis instanceof org.jfree.chart.axis.LogAxis;
        double[] xSpan = span(items, true, logX);
        double[] ySpan = span(items, false, logY);
        List<int[]> heads = new ArrayList<>();
        List<List<PointResult>> groups = new ArrayList<>();
        java.util.Set<PointResult> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int[] it : items) {
            if (!seen.add(members.get(it[0]).get(it[1]))) continue;
            int g = 0;
            while (g < heads.size() && !near(heads.get(g), it, SAME_PLACE * 2, xSpan[1], ySpan[1], logX, logY)) g++;
            if (g == heads.size()) {
                heads.add(it);
                groups.add(new ArrayList<>());
            }
            groups.get(g).add(members.get(it[0]).get(it[1]));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int[] side = new int[heads.size()];
        int[] vertical = new int[heads.size()];
        int shared = 0;
        for (int g = 0; g < heads.size(); g++) {
            int[] h = heads.get(g);
            side[g] = scaled(data.getXValue(h[0], h[1]), logX) > xSpan[0] + 0.62 * xSpan[1] ? 1 : 0;
            List<PointResult> group = new ArrayList<>(groups.get(g));
            group.sort(Comparator.comparingInt(PointResult::index));
            labels.put(h[0] + ":" + h[1], PointLabels.ofGroup(group, labelled));
            if (group.size() > 1) shared++;
        }
        List<double[]> boxes = new ArrayList<>();
        for (int[] it : items) {
            double px = (scaled(data.getXValue(it[0], it[1]), logX) - xSpan[0]) / xSpan[1] * PLOT_W_PX;
            double py = (scaled(data.getYValue(it[0], it[1]), logY) - ySpan[0]) / ySpan[1] * PLOT_H_PX;
            boxes.add(new double[]{px - 5, px + 5, py - 5, py + 5});
        }
        for (int g = 0; g < heads.size(); g++) {
            int[] h = heads.get(g);
            double px = (scaled(data.getXValue(h[0], h[1]), logX) - xSpan[0]) / xSpan[1] * PLOT_W_PX;
            double py = (scaled(data.getYValue(h[0], h[1]), logY) - ySpan[0]) / ySpan[1] * PLOT_H_PX;
            String text = labels.get(h[0] + ":" + h[1]);
            int best = side[g] * 3;
            double bestOverlap = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 6; k++) {
                int place = ((side[g] + k / 3) % 2) * 3 + k % 3;
                double[] box = labelBox(place, px, py, text.length() * LABEL_CHAR_PX, LABEL_H_PX);
                double overlap = 0;
                for (double[] b : boxes) overlap += overlap(box, b);
                if (box[0] < 0 || box[1] > PLOT_W_PX) overlap += 1e6;   // a label past the plot is clipped
                if (overlap < bestOverlap) {
                    bestOverlap = overlap;
                    best = place;
                }
                if (overlap == 0) break;
            }
            side[g] = best / 3;
            vertical[g] = best % 3;
            boxes.add(labelBox(best, px, py, text.length() * LABEL_CHAR_PX, LABEL_H_PX));
        }
        for (int g = 0; g < heads.size(); g++) {
            placed.put(heads.get(g)[0] + ":" + heads.get(g)[1], side[g] * 3 + vertical[g]);
        }
        if (shared > 0) {
            notes.add(shared + (shared == 1 ? " place holds" : " places hold") + " several points with (nearly) equal"
                    + " values; its label lists what differs with ' / '.");
        }
        r.setDefaultItemLabelGenerator((dataset, series, item) -> labels.getOrDefault(series + ":" + item, null));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        r.setItemLabelAnchorOffset(7);
        // Room for labels above the highest and below the lowest point.
        yAxis.setLowerMargin(0.09);
        yAxis.setUpperMargin(0.09);
        positions = new ItemLabelPosition[]{
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE1, TextAnchor.BOTTOM_LEFT),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE5, TextAnchor.TOP_LEFT),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE11, TextAnchor.BOTTOM_RIGHT),
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE7, TextAnchor.TOP_RIGHT)};
    }

    /**
     * The span of the drawn values and a label's size, in px, for placing labels apart: the 960 x 600
     * canvas less axes, title, legend and the axes' margins around the values.
     */
    static final double PLOT_W_PX = 800;
    static final double PLOT_H_PX = 380;
    static final double LABEL_CHAR_PX = 6.8;
    static final double LABEL_H_PX = 15;

    /** A label's box {x0, x1, y0, y1} (px, y up) at place side * 3 + vertical beside a point at (px, py). */
    static double[] labelBox(int place, double px, double py, double w, double h) {
        boolean left = place / 3 == 1;
        int vertical = place % 3;
        double x0 = left ? px - 7 - w : px + 7;
        double y0 = vertical == 0 ? py - h / 2 : vertical == 1 ? py + 5 : py - 5 - h;
        return new double[]{x0, x0 + w, y0, y0 + h};
    }

    private static double scaled(double v, boolean log) {
        return log ? Math.log10(v) : v;
    }

    /** {lowest, range} of the items' x (or y) values as the axis spaces them. */
    private double[] span(List<int[]> items, boolean x, boolean log) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int[] it : items) {
            double v = scaled(x ? data.getXValue(it[0], it[1]) : data.getYValue(it[0], it[1]), log);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return new double[]{lo, hi > lo ? hi - lo : 1};
    }

    private static double overlap(double[] a, double[] b) {
        double w = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[2], b[2]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Label place per "series:item": side (0 right, 1 left) * 3 + vertical (0 level, 1 above, 2 below). */
    final Map<String, Integer> placed = new LinkedHashMap<>();
    ItemLabelPosition[] positions;

    /** Whether two items lie within {@code share} of each axis's span of each other, as the axes space them (log or linear). */
    private boolean near(int[] a, int[] b, double share, double xr, double yr, boolean logX, boolean logY) {
        return Math.abs(scaled(data.getXValue(a[0], a[1]), logX) - scaled(data.getXValue(b[0], b[1]), logX)) <= share * xr
                && Math.abs(scaled(data.getYValue(a[0], a[1]), logY) - scaled(data.getYValue(b[0], b[1]), logY)) <= share * yr;
    }

    /** Legend key: the y label when several, the seriesBy value and open axes as "name = value". */
    static String seriesKey(ChartSpec spec, Quantity y, PointResult p, List<String> open, boolean severalY) {
        List<String> parts = new ArrayList<>();
        if (severalY) parts.add(y.label());
        if (spec.seriesBy() != null) {
            String v = ParamLookup.get(p, spec.seriesBy());
            if (v == null) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index()
                        + " has no parameter '" + spec.seriesBy() + "' (seriesBy); it has " + p.parameters().keySet());
            }
            parts.add(ParameterNames.pair(spec.seriesBy(), v));
        }
        for (String a : open) parts.add(ParameterNames.pair(a, p.parameters().get(a)));
        return parts.isEmpty() ? y.label() : String.join(", ", parts);
    }
}
