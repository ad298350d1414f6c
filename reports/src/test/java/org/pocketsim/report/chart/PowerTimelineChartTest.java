package org.pocketsim.report.chart;

import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PowerTimelineChartTest {

    static final ChartSpec SPEC = ChartSpec.of(ChartType.POWER_TIMELINE, "Power through the window", null, List.of(), null);

    /** Two runs with a window (phases 2 s, 0.5 s, 1 s, 4 s) and one decode-only run. */
    static ExperimentResult sample() {
        List<PointResult> points = new ArrayList<>();
        points.add(window(0, "small", new double[]{0, 0, 5, 5}, new double[]{0, 1, 2, 3}));
        points.add(window(1, "large", new double[]{0, 0, 4, 4}, new double[]{0, 1, 6, 8}));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("run", "decode only");
        points.add(new PointResult(2, "p2", params, Map.of("tokensPerSecond", 10.0), Map.of(), List.of()));
        return new ExperimentResult("timeline-sample", "Timeline sample", "", "", "00", 1L, "0.1.0-test", points,
                null, null, null, null);
    }

    private static PointResult window(int index, String run, double[] cpu, double[] dram) {
        Map<String, Double> m = new LinkedHashMap<>();
        String[] phases = PowerTimelineChart.PHASES;
        double[] ms = {2000, 500, 1000, 4000};
        double[] flash = {0, 2, 0, 0};
        double joules = 0;
        for (int i = 0; i < phases.length; i++) {
            m.put("phaseMs." + phases[i], ms[i]);
            m.put("powerW." + phases[i] + ".floor", 6.0);
            m.put("powerW." + phases[i] + ".cpu", cpu[i]);
            m.put("powerW." + phases[i] + ".npu", 0.0);
            m.put("powerW." + phases[i] + ".dram", dram[i]);
            m.put("powerW." + phases[i] + ".flash", flash[i]);
            joules += (6.0 + cpu[i] + dram[i] + flash[i]) * ms[i] / 1e3;
        }
        m.put("windowMs", 7500.0);
        m.put("windowEnergyJ", joules);
        m.put("averagePowerW", joules / 7.5);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("run", run);
        return new PointResult(index, "p" + index, params, m, Map.of(), List.of());
    }

    @Test
    void onePanelPerWindowPointAndTheCaptionCountsTheOthers() {
        ChartDrawing d = ChartRenderer.build(SPEC, sample());
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) d.chart().getPlot();
        assertThat(plot.getSubplots()).hasSize(2);
        assertThat(d.height()).isEqualTo(PowerTimelineChart.FRAME_PX + 2 * PowerTimelineChart.PANEL_PX);
        assertThat(d.notes()).contains("1 point(s) without a whole-run window are not drawn.");
        assertThat(d.alt()).isEqualTo("Stacked area chart of power (W) by component against time (s), one panel per run");
    }

    @Test
    void eachPhaseIsAStepAtItsAveragePowerOnTheSharedTimeAxis() {
        XYPlot small = (XYPlot) ((CombinedDomainXYPlot) ChartRenderer.build(SPEC, sample()).chart().getPlot()).getSubplots().get(0);
        XYDataset data = small.getDataset();
        // Shown components in order: floor, cpu, dram, flash (the NPU is 0 everywhere and left out).
        assertThat(data.getSeriesCount()).isEqualTo(4);
        assertThat(data.getSeriesKey(1)).isEqualTo("CPU cluster");
        // Steps start at 0, 2, 2.5 and 3.5 s; the last ends just before 7.5 s.
        double[] starts = {0, 2, 2.5, 3.5};
        double[] cpu = {0, 0, 5, 5};
        for (int i = 0; i < 4; i++) {
            assertThat(data.getXValue(1, 2 * i)).isCloseTo(starts[i], within(1e-9));
            assertThat(data.getYValue(1, 2 * i)).isEqualTo(cpu[i]);
            assertThat(data.getYValue(1, 2 * i + 1)).isEqualTo(cpu[i]);
        }
        assertThat(data.getXValue(1, 7)).isCloseTo(7.5, within(1e-5));
        assertThat(data.getYValue(3, 2)).isEqualTo(2.0); // flash during the load
    }

    @Test
    void theLegendNamesEachShownComponentOnce() {
        LegendItemCollection items = ChartRenderer.build(SPEC, sample()).chart().getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        assertThat(labels).containsExactly("SoC floor", "CPU cluster", "DRAM", "Flash");
    }

    /** A GPU run's power shows as its own component; points stored before the GPU existed (no gpu metric) draw as before. */
    @Test
    void aGpuRunsPowerIsItsOwnComponent() {
        ExperimentResult base = sample();
        PointResult old = base.points().get(0);
        Map<String, Double> m = new LinkedHashMap<>(old.metrics());
        for (String phase : PowerTimelineChart.PHASES) m.put("powerW." + phase + ".gpu", phase.equals("decode") ? 3.0 : 0.0);
        List<PointResult> points = new ArrayList<>(base.points());
        points.set(0, new PointResult(old.index(), old.pointId(), old.parameters(), m, Map.of(), List.of()));
        ExperimentResult withGpu = new ExperimentResult("timeline-sample", "Timeline sample", "", "", "00", 1L, "0.1.0-test", points,
                null, null, null, null);
        LegendItemCollection items = ChartRenderer.build(SPEC, withGpu).chart().getPlot().getLegendItems();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < items.getItemCount(); i++) labels.add(items.get(i).getLabel());
        assertThat(labels).containsExactly("SoC floor", "CPU cluster", "GPU", "DRAM", "Flash");
        XYDataset gpu = ((XYPlot) ((CombinedDomainXYPlot) ChartRenderer.build(SPEC, withGpu).chart().getPlot()).getSubplots().get(0))
                .getDataset();
        assertThat(gpu.getSeriesKey(2)).isEqualTo("GPU");
        assertThat(gpu.getYValue(2, 6)).isEqualTo(3.0); // the decode step
    }

    @Test
    void withoutAnyWindowPointItIsAnErrorNamingTheChart() {
        ExperimentResult base = sample();
        ExperimentResult none = new ExperimentResult(base.experimentId(), base.title(), base.question(), base.configText(),
                base.configHash(), base.seed(), base.version(), base.points().subList(2, 3), null, null, null, null);
        assertThatThrownBy(() -> ChartRenderer.build(SPEC, none)).hasMessage(
                "chart 'Power through the window': no point has a whole-run window (set run.window on the decode runs to draw)");
    }
}
