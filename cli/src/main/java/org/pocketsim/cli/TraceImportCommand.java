package org.pocketsim.cli;

import org.pocketsim.workload.importer.ImportSpec;
import org.pocketsim.workload.importer.ImportedTrace;
import org.pocketsim.workload.importer.TraceImporter;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code pocketsim trace import}: converts a real trace in a foreign format into the trace
 * format. A file with several sequences (articles) gives one trace per sequence under OUT.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Convert a real trace (expert-ids-jsonl, router-logits-jsonl) into a trace directory.")
public final class TraceImportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, description = "expert-ids-jsonl | router-logits-jsonl")
    String format;

    @Option(names = "--model", required = true, paramLabel = "ID|FILE",
            description = "model preset id (pocketsim models list) or model YAML file: fills the dimensions below and maps "
                    + "the file's layer lists onto the model's MoE layers in order; any other id names a model without "
                    + "preset (lists map to layers 0, 1, 2, ...)")
    String model;

    @Option(names = "--layers", description = "layers of the model (default: preset, else highest layer in the file + 1)")
    int layers;

    @Option(names = "--hidden", description = "hidden size (default: preset, else 0 = unknown)")
    int hidden;

    @Option(names = "--intermediate", description = "MLP or expert width (default: preset, else 0 = unknown)")
    int intermediate;

    @Option(names = "--experts", description = "experts per MoE layer (default: preset, else router-logit width)")
    int experts;

    @Option(names = "--layer-index", split = ",", paramLabel = "I",
            description = "model layer of each layer position in the file, e.g. 1,3,5,7,9,11 (default 0,1,2,...)")
    int[] layerIndex;

    @Mixin
    SourceOptions source;

    @Option(names = "--prompt", description = "description of the prompt(s)")
    String prompt;

    @Option(names = "--sampling", description = "greedy | sampled, when known")
    String sampling;

    @Option(names = "--temperature", description = "sampling temperature, when known")
    Double temperature;

    @Parameters(index = "0", paramLabel = "IN", description = "input file")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output trace directory (parent of one per sequence when several)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        return CommandErrors.run(spec, () -> {
            ImportSpec importSpec = spec();
            ImportPaths.check(in, out);
            TraceImporter importer = TraceImporter.forFormat(format);
            List<ImportedTrace> traces = importer.read(in, importSpec);
            if (traces.size() == 1) {
                write(stdout, traces.get(0), out);
            } else {
                Set<String> names = new HashSet<>();
                for (ImportedTrace t : traces) {
                    String name = t.name().replaceAll("[^A-Za-z0-9._-]", "_");
                    name = name.length() > 12 ? name.substring(0, 12) : name;
                    if (!names.add(name)) throw new UserInputException(in + ": two sequences share the folder name " + name);
                    write(stdout, t, out.resolve(name));
                }
            }
            stdout.flush();
            return 0;
        });
    }

    private ImportSpec spec() {
        int l = layers;
        int h = hidden;
        int i = intermediate;
        int e = experts;
        String id = model;
        List<Integer> moeLayers = null;
        if (ModelCatalog.ids().contains(model) || ModelCatalog.looksLikePath(model)) {
            ModelSpec m = ModelCatalog.resolve(model);
            TraceShape known = TraceShape.of(m);
            l = l > 0 ? l : known.layers();
            h = h > 0 ? h : known.hidden();
            i = i > 0 ? i : known.intermediate();
            e = e > 0 ? e : known.experts();
            id = m.id();
            moeLayers = m.moeLayers();
        }
        return new ImportSpec(id, l, h, i, e, layerIndex, source.origin(in), source.licence(), prompt, sampling, temperature, moeLayers);
    }

    private static void write(PrintWriter stdout, ImportedTrace t, Path dir) {
        TraceWriter.write(t.trace(), t.trace().shape(), "fp32", dir);
        stdout.printf("wrote %s: %d tokens, layers %s%n", dir, t.trace().info().tokens(), t.trace().info().layers());
    }
}
