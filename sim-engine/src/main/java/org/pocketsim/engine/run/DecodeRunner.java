package org.pocketsim.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.compute.PresetComputeSpec;
import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.point.PointContext;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/** The {@code decode} point kind: a {@link DecodeRun} per point. */
public final class DecodeRunner implements PointRunner<DecodeSpec> {

    private static final ObjectMapper JSON = YamlConfig.mapper();

    @Override
    public Class<DecodeSpec> specType() {
        return DecodeSpec.class;
    }

    @Override
    public PreparedPoint prepare(DecodeSpec spec, PointContext context) {
        try {
            SocSpec soc = context.soc(spec.soc());
            ModelSpec model = context.model(spec.model());
            DecodeRun run = new DecodeRun(soc, model, spec, context.traces(), context.point().seed());
            return new Prepared(run, inputs(context, soc, model, run), traces(run));
        } catch (ConfigException e) {
            throw e;
        } catch (FieldException e) {
            throw context.error(e.field(), e.problem());
        } catch (IllegalArgumentException e) {
            throw context.error("", e.getMessage());
        }
    }

    private static ObjectNode inputs(PointContext context, SocSpec soc, ModelSpec model, DecodeRun run) {
        ObjectNode inputs = JSON.createObjectNode();
        inputs.set("soc", context.tree(soc));
        inputs.set("model", context.tree(model));
        ArrayNode traces = inputs.putArray("traces");
        for (TraceOpener trace : run.mlp().traces()) traces.add(trace.digest());
        if (run.decoder() != null) inputs.put("decodeWork", run.decoder().fingerprint());
        return inputs;
    }

    private static List<TraceProvenance> traces(DecodeRun run) {
        List<TraceProvenance> out = new ArrayList<>();
        for (TraceOpener trace : run.mlp().traces()) out.add(trace.provenance());
        return out;
    }

    private record Prepared(DecodeRun decode, ObjectNode inputs, List<TraceProvenance> traces) implements PreparedPoint {

        @Override
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (!decode.spec().compute().equals(new PresetComputeSpec())) notes.add("compute: " + decode.compute().label());
            for (TraceProvenance t : traces) {
                if (t.sourceKind().equals("synthetic")) notes.add("synthetic trace of " + t.modelId() + " (calibrated generator, not captured)");
            }
            return notes;
        }

        @Override
        public PointOutcome run() {
            return decode.run();
        }
    }
}
