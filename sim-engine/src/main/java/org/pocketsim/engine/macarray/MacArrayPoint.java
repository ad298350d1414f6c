package org.pocketsim.engine.macarray;

import org.pocketsim.engine.component.ActionCounts;
import org.pocketsim.engine.component.EnergyBreakdown;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.point.MacArrayPointSpec;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.run.DecodeRun;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.cost.Accumulator;
import org.pocketsim.kernel.cost.GateCount;
import org.pocketsim.kernel.cost.GateCountMacModel;
import org.pocketsim.kernel.cost.MacAreaTable;
import org.pocketsim.kernel.cost.MacDatapath;
import org.pocketsim.kernel.cost.array.MacArrayDesign;
import org.pocketsim.kernel.quant.BitsOfAccuracyStudy;
import org.pocketsim.kernel.quant.SampleDistribution;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.pocketsim.engine.macarray.MacArrayMetrics.*;

/**
 * One prepared {@code mac-array} point: the sized array's gates, area and energy, the decode and
 * prefill of the NPU built from it (iso-area, and iso-power where the table prices INT8), energy
 * per token (MACs, DRAM and NPU SRAM reads; static power left out, as it is the same for every
 * format), bits of accuracy of its weight format, and measured perplexity where a CSV has it.
 */
final class MacArrayPoint {

    /** Registry formats whose grid is a Fig. 3 / Fig. 5 column (E2M5 and E3M4 reserve no codes, as the paper's grids). */
    static final Map<String, String> PAPER_COLUMN = Map.of("int8", "INT8", "fp8-e2m5", "FP8-E2", "fp8-e3m4", "FP8-E3",
            "fp8-e4m3", "FP8-E4", "fp8-e5m2", "FP8-E5");

    private final MacArrayPointSpec spec;
    private final MacDatapath datapath;
    private final MacArrayDesign design;
    private final SocSpec soc;
    private final DecodeRun isoArea;
    private final MacArrayDesign powered;
    private final IsoPower iso;
    private final DecodeRun isoPower;
    private final List<RealTensors> real;
    private final List<PerplexityCsv> perplexity;

    MacArrayPoint(MacArrayPointSpec spec, MacDatapath datapath, MacArrayDesign design, SocSpec soc, DecodeRun isoArea,
                  MacArrayDesign powered, IsoPower iso, DecodeRun isoPower, List<RealTensors> real,
                  List<PerplexityCsv> perplexity) {
        this.spec = spec;
        this.datapath = datapath;
        this.design = design;
        this.soc = soc;
        this.isoArea = isoArea;
        this.powered = powered;
        this.iso = iso;
        this.isoPower = isoPower;
        this.real = real;
        this.perplexity = perplexity;
    }

    List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("compute: " + isoArea.compute().label());
        String column = PAPER_COLUMN.get(spec.datapath());
        if (column == null) notes.add(spec.datapath() + " -> " + spec.accumulator() + ": extrapolated (not in the whitepaper's Fig. 3)");
        if (spec.datapath().equals("fp8-e5m2")) {
            notes.add("fp8-e5m2 is OCP E5M2 (inf/NaN codes reserved); the published FP8-E5 cell is the paper's grid without reserved codes");
        }
        notes.add("energy per token: MACs + DRAM + NPU SRAM (each byte fetched from DRAM read once from SRAM at the profile's"
                + " sramPjPerByte, assumed); static power left out");
        for (RealTensors t : real) notes.add("real tensors: " + t.modelId() + " activations captured in " + t.file());
        for (PerplexityCsv csv : perplexity) {
            if (csv.absent()) notes.add("perplexity not measured yet: " + csv.file() + " is not there");
        }
        if (iso == null) notes.add("no iso-power view: " + spec.process() + " does not price the INT8 -> FX+12 reference array");
        else if (!iso.withWeights()) notes.add("iso-power equals iso-area here: " + spec.process() + " prices no SRAM read, and"
                + " the gate model prices a MAC unit's area and energy from the same gates");
        else notes.add("iso-power: as many MACs as run at the INT8 -> FX+12 array's power, energy per MAC = the MAC unit"
                + " + reading its weight from SRAM (each weight feeds one MAC per decode token; activation reads left out,"
                + " assumed: broadcast and reused); energy per token is per work done and the same as at iso-area");
        return notes;
    }

    PointOutcome run() {
        Map<String, Double> m = new LinkedHashMap<>();
        gates(m);
        putFinite(m, MACS_PER_CYCLE, design.macs());
        putFinite(m, INT8_MAC_EQUIVALENTS_PER_MAC, design.int8MacEquivalents());
        putFinite(m, PJ_PER_MAC, design.pjPerMac());
        putFinite(m, UM2_PER_MAC, design.um2PerMac());
        putFinite(m, ARRAY_AREA_MM2, design.arrayAreaMm2());
        putFinite(m, PEAK_TOPS, design.peakTops());
        putFinite(m, ARRAY_POWER_W, design.peakPowerW());
        putFinite(m, WEIGHT_BITS, design.weightBits());
        putFinite(m, ACTIVATION_BITS, design.activationBits());
        Map<String, Double> decode = isoArea.run().metrics();
        for (String k : List.of(Metrics.TOKENS_PER_SECOND, Metrics.MS_PER_TOKEN, Metrics.MS_DRAM_IO, Metrics.MS_COMPUTE,
                Metrics.TTFT_MS, Metrics.PREFILL_TOKENS_PER_SECOND, Metrics.DRAM_BYTES_PER_TOKEN, Metrics.DRAM_FOOTPRINT_BYTES,
                Metrics.ENERGY_COMPUTE_MJ, Metrics.ENERGY_DRAM_MJ, Metrics.ENERGY_FLASH_MJ)) {
            m.put(k, decode.get(k));
        }
        EnergyModel prices = EnergyModel.fromSpec(soc);
        double sram = prices.price(new ActionCounts().addSramBytes(Math.round(decode.get(Metrics.DRAM_BYTES_PER_TOKEN)))).sramPj() * 1e-9;
        m.put(ENERGY_SRAM_MJ, sram);
        m.put(DYNAMIC_ENERGY_PER_TOKEN_MJ, decode.get(Metrics.ENERGY_COMPUTE_MJ) + decode.get(Metrics.ENERGY_DRAM_MJ)
                + decode.get(Metrics.ENERGY_FLASH_MJ) + sram);
        long weightBytes = isoArea.prefillWeightBytes();
        EnergyBreakdown prefill = prices.price(new ActionCounts().addNpuMacs(spec.datapath(), Math.round(isoArea.prefillMacs()))
                .addDramBytes(weightBytes).addSramBytes(weightBytes), isoArea.compute()::pjPerMac);
        m.put(PREFILL_ENERGY_PER_TOKEN_MJ, prefill.totalPj() * 1e-9 / spec.prompt());
        if (isoPower != null) {
            Map<String, Double> p = isoPower.run().metrics();
            m.put(ISO_POWER_W, iso.watts());
            m.put(ISO_POWER_PJ_PER_MAC, iso.pjPerMac());
            m.put(ISO_POWER_MACS_PER_CYCLE, (double) powered.macs());
            m.put(ISO_POWER_TOKENS_PER_SECOND, p.get(Metrics.TOKENS_PER_SECOND));
            m.put(ISO_POWER_PREFILL_TOKENS_PER_SECOND, p.get(Metrics.PREFILL_TOKENS_PER_SECOND));
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        accuracy(m, series);
        perplexity(m);
        m.values().removeIf(v -> v == null || !Double.isFinite(v));
        return new PointOutcome(m, series);
    }

    private void gates(Map<String, Double> m) {
        GateCount g = design.gatesPerMac();
        GateCount int8 = new GateCountMacModel().gates(MacDatapath.of("int8"), MacAreaTable.FX12);
        m.put(GATES_MULTIPLY, g.multiply());
        m.put(GATES_ALIGN_ADD, g.alignAdd());
        m.put(GATES_NORM_ACC, g.normAcc());
        m.put(GATES_PER_MAC, g.total());
        m.put(GATES_REL_INT8, g.relativeTo(int8));
        String column = PAPER_COLUMN.get(spec.datapath());
        if (column == null) return;
        Accumulator acc = MacAreaTable.accumulator(spec.accumulator());
        MacAreaTable.Published p = MacAreaTable.publishedGates(column, acc);
        m.put(PUBLISHED_GATES_MULTIPLY, p.components().multiply());
        m.put(PUBLISHED_GATES_ALIGN_ADD, p.components().alignAdd());
        m.put(PUBLISHED_GATES_NORM_ACC, p.components().normAcc());
        m.put(PUBLISHED_GATES_PER_MAC, p.total());
        m.put(PUBLISHED_GATES_REL_INT8, MacAreaTable.published(column, acc));
    }

    private void accuracy(Map<String, Double> m, Map<String, List<Double>> series) {
        List<Double> bits = FormatBits.of(datapath.weight().name());
        m.put(BITS_UNIFORM, bits.get(0));
        m.put(BITS_NORMAL, bits.get(1));
        m.put(BITS_STUDENT_T, bits.get(2));
        m.put(BITS_LLM_LIKE, bits.get(3));
        series.put(BITS_OF_ACCURACY, bits);
        for (RealTensors t : real) {
            for (org.pocketsim.workload.trace.TensorKind kind : t.kinds()) m.put(t.metric(kind), t.bits(datapath.weight().name(), kind));
        }
        String column = PAPER_COLUMN.get(spec.datapath());
        if (column == null) return;
        List<Double> published = new ArrayList<>();
        for (SampleDistribution d : SampleDistribution.values()) published.add(BitsOfAccuracyStudy.published(d, column));
        m.put(PUBLISHED_BITS_UNIFORM, published.get(0));
        m.put(PUBLISHED_BITS_NORMAL, published.get(1));
        m.put(PUBLISHED_BITS_STUDENT_T, published.get(2));
        series.put(PUBLISHED_BITS_OF_ACCURACY, published);
    }

    /** {@code perplexity.<name>} for each CSV row whose weight and activation formats are this datapath's. */
    private void perplexity(Map<String, Double> m) {
        for (PerplexityCsv csv : perplexity) {
            for (PerplexityCsv.Row row : csv.rows()) {
                if (row.weights().equals(datapath.weight().name()) && row.activations().equals(datapath.activation().name())) {
                    m.put(PERPLEXITY_PREFIX + name(csv.file()), row.ppl());
                }
            }
        }
    }

    /** The name a perplexity CSV's metric carries: its file name less {@code quality-formats-} and {@code .csv}. */
    static String name(String file) {
        String f = Path.of(file).getFileName().toString();
        if (f.endsWith(".csv")) f = f.substring(0, f.length() - 4);
        return f.startsWith("quality-formats-") ? f.substring("quality-formats-".length()) : f;
    }

    private static void putFinite(Map<String, Double> m, String name, double v) {
        if (Double.isFinite(v)) m.put(name, v);
    }
}
