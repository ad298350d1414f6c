package org.pocketsim.engine.macarray;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.compute.BudgetSpec;
import org.pocketsim.engine.compute.MacArrayComputeSpec;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.point.ExecutorSpec;
import org.pocketsim.engine.point.MacArrayPointSpec;
import org.pocketsim.engine.point.PointContext;
import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.engine.run.DecodeRun;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.cost.MacDatapath;
import org.pocketsim.kernel.cost.array.MacArrayDesign;
import org.pocketsim.kernel.cost.array.MacArraySpec;
import org.pocketsim.kernel.cost.array.MacArrays;
import org.pocketsim.kernel.cost.array.NpuMacRates;
import org.pocketsim.workload.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mac-array} point kind: sizes the point's MAC datapath and accumulator to its budget
 * (kernels' {@code MacArrays}), then runs the NPU built from it through a {@link DecodeRun} with
 * the MAC-array compute model, once at the budget (iso-area) and once at the power of the INT8
 * -> FX+12 array of that budget, MAC units and their weight reads counted (iso-power, {@link IsoPower}). Every check is made here, before any point runs.
 */
public final class MacArrayRunner implements PointRunner<MacArrayPointSpec> {

    private static final ObjectMapper JSON = YamlConfig.mapper();

    @Override
    public Class<MacArrayPointSpec> specType() {
        return MacArrayPointSpec.class;
    }

    @Override
    public PreparedPoint prepare(MacArrayPointSpec spec, PointContext context) {
        try {
            SocSpec soc = context.soc(spec.soc());
            ModelSpec model = context.model(spec.model());
            MacDatapath datapath = datapath(spec.datapath());
            MacArrayComputeSpec compute = new MacArrayComputeSpec(spec.budget(), spec.process(), spec.accumulator(), spec.clock());
            NpuMacRates rates = compute.rates(soc);
            MacArrayDesign design = design(rates, spec.datapath());
            if (design.macs() == 0) throw new FieldException("budget", "fits no " + spec.datapath() + " unit");
            String weights = spec.weights() != null ? spec.weights() : datapath.weight().name();
            DecodeRun isoArea = decode(spec, weights, compute, soc, model, context);
            MacArrayDesign reference = reference(rates);
            DecodeRun isoPower = null;
            MacArrayDesign powered = null;
            IsoPower iso = reference == null ? null : IsoPower.of(reference, design, rates.clock().hertz());
            if (iso != null && iso.macs() > 0) {
                MacArrayComputeSpec power = new MacArrayComputeSpec(new BudgetSpec(null, iso.int8MacEquivalents(design), null),
                        spec.process(), spec.accumulator(), rates.clock());
                powered = power.rates(soc).design(spec.datapath());
                isoPower = decode(spec, weights, power, soc, model, context);
            }
            List<RealTensors> real = new ArrayList<>();
            for (int i = 0; i < spec.tensors().size(); i++) real.add(tensors(spec.tensors().get(i), i, context));
            List<PerplexityCsv> ppl = new ArrayList<>();
            for (String file : spec.perplexity()) ppl.add(PerplexityCsv.read(file, context.baseDir().resolve(file)));
            MacArrayPoint point = new MacArrayPoint(spec, datapath, design, soc, isoArea, powered, iso, isoPower, real, ppl);
            return new Prepared(point, inputs(context, soc, model, rates, real, ppl));
        } catch (ConfigException e) {
            throw e;
        } catch (FieldException e) {
            throw context.error(field(e.field()), e.problem());
        } catch (IllegalArgumentException e) {
            throw context.error("", e.getMessage());
        }
    }

    @Override
    public List<ResultTable> tables(List<MacArrayPointSpec> specs, List<PointResult> results) {
        return MacArrayTables.of(specs, results);
    }

    private static MacDatapath datapath(String name) {
        try {
            return MacDatapath.of(name);
        } catch (IllegalArgumentException e) {
            throw new FieldException("datapath", e.getMessage());
        }
    }

    /** The array of {@code datapath}; a datapath the gate model or table cannot price with the accumulator is an error naming both. */
    private static MacArrayDesign design(NpuMacRates rates, String datapath) {
        try {
            return rates.design(datapath);
        } catch (IllegalArgumentException e) {
            throw new FieldException("accumulator", datapath + " -> " + rates.accumulator() + ": " + e.getMessage());
        }
    }

    /** The INT8 -> FX+12 array of the same budget, whose power sets the iso-power budget; null when the table cannot price it. */
    private static MacArrayDesign reference(NpuMacRates rates) {
        try {
            return MacArrays.design(new MacArraySpec("int8", "FX+12", rates.budget(), rates.process(), rates.clock()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The decode run of the NPU built from the array: dense, every kernel on the NPU, analytic. */
    private static DecodeRun decode(MacArrayPointSpec spec, String weights, MacArrayComputeSpec compute, SocSpec soc,
                                    ModelSpec model, PointContext context) {
        DecodeSpec run = new DecodeSpec(spec.label(), spec.soc(), spec.model(), weights, null, spec.datapath(), spec.kv(), null,
                new ExecutorSpec(Requester.NPU, Requester.NPU, null), DecodeSpec.Mode.ANALYTIC, spec.prompt(), spec.generate(),
                null, null, null, null, null, null, compute, null, null);
        return new DecodeRun(soc, model, run, context.traces(), context.point().seed());
    }

    /** A decode run's field as the mac-array point names it. */
    private static String field(String decodeField) {
        if (decodeField.equals("computeFormat")) return "datapath";
        if (decodeField.startsWith("compute.")) return decodeField.substring("compute.".length());
        if (decodeField.startsWith("placement")) return "soc"; // the weights do not fit the profile's DRAM
        return decodeField;
    }

    /** A trace directory of captured activations, checked by its reader (once per experiment and directory). */
    private static RealTensors tensors(String file, int index, PointContext context) {
        java.nio.file.Path dir = context.baseDir().resolve(file).normalize();
        if (!java.nio.file.Files.isDirectory(dir)) throw new FieldException("tensors[" + index + "]", "no trace directory " + dir);
        try {
            return RealTensors.open(file, dir);
        } catch (RuntimeException e) {
            throw new FieldException("tensors[" + index + "]", e.getMessage());
        }
    }

    private static ObjectNode inputs(PointContext context, SocSpec soc, ModelSpec model, NpuMacRates rates,
                                     List<RealTensors> real, List<PerplexityCsv> ppl) {
        ObjectNode inputs = JSON.createObjectNode();
        inputs.set("soc", context.tree(soc));
        inputs.set("model", context.tree(model));
        inputs.put("array", rates.budget().label() + "|" + rates.accumulator() + "|" + rates.process() + "|" + rates.clock());
        ArrayNode traces = inputs.putArray("tensors");
        for (RealTensors t : real) traces.add(JSON.valueToTree(t.digest()));
        ArrayNode files = inputs.putArray("perplexity");
        for (PerplexityCsv csv : ppl) files.add(csv.file() + "=" + csv.digest());
        return inputs;
    }

    private record Prepared(MacArrayPoint point, ObjectNode inputs) implements PreparedPoint {

        @Override
        public List<org.pocketsim.engine.result.TraceProvenance> traces() {
            return List.of();
        }

        @Override
        public List<String> notes() {
            return point.notes();
        }

        @Override
        public org.pocketsim.engine.point.PointOutcome run() {
            return point.run();
        }
    }
}
