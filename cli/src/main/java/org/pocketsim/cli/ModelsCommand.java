package org.pocketsim.cli;

import org.pocketsim.workload.model.Component;
import org.pocketsim.workload.model.Footprint;
import org.pocketsim.workload.model.LayerKind;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.model.ParameterCounts;
import org.pocketsim.workload.model.WeightPrecision;
import org.pocketsim.workload.trace.TraceCompatibility;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code pocketsim models list|show}: the model presets, their computed parameter counts and footprints. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model presets or show one with its parameter counts and memory footprints.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.ShowModel.class})
public final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or show");
    }

    /** {@code models list}: one line per preset, computed counts beside the published ones. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the model presets.")
    static final class ListModels implements Runnable {

        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-18s %-26s %6s %6s %-5s %-9s %16s %16s%n", "ID", "NAME", "LAYERS", "HIDDEN", "ATTN", "EXPERTS",
                    "TOTAL (pub.)", "ACTIVE (pub.)");
            for (String id : ModelCatalog.ids()) {
                ModelSpec m = ModelCatalog.load(id);
                ParameterCounts c = m.parameterCounts();
                String experts = m.isMoe() ? m.moe().experts() + " top-" + m.moe().topK() : "-";
                out.printf(Locale.ROOT, "%-18s %-26s %6d %6d %-5s %-9s %7.2fB (%5.2f) %7.2fB (%5.2f)%n", id, m.name(),
                        m.layers(), m.hidden(), attentionLabel(m), experts,
                        c.total() / 1e9, m.published().totalB(), c.active() / 1e9, m.published().activeB());
            }
            out.flush();
        }
    }

    /** Attention kind for the list: {@code gqa}, or {@code gqa+lin} for a hybrid with linear-attention layers. */
    static String attentionLabel(ModelSpec m) {
        String kind = m.attention().kind().name().toLowerCase(Locale.ROOT);
        return m.linearAttention() == null ? kind : kind + "+lin";
    }

    /** {@code models show ID}: dimensions, counts per component, footprints at fp16 and int4-g128. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a model preset (or model YAML file): dimensions, parameter counts, footprints.")
    static final class ShowModel implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Preset id (see 'models list') or path to a model YAML.")
        String id;

        @Option(names = "--seq-len", defaultValue = "4096", description = "KV-cache length in tokens (default ${DEFAULT-VALUE}).")
        int seqLen;

        @Option(names = "--kv-bits", defaultValue = "16", description = "Bits per cached KV value (default ${DEFAULT-VALUE}).")
        double kvBits;

        @Override
        public Integer call() throws Exception {
            if (seqLen < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--seq-len must be >= 0, got " + seqLen);
            if (!(kvBits > 0) || Double.isInfinite(kvBits)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--kv-bits must be a positive number, got " + kvBits);
            }
            return CommandErrors.run(spec, () -> {
                ModelSummary.print(ModelCatalog.resolve(checkedFile(id)), seqLen, kvBits,
                        new WeightPrecision[]{WeightPrecision.FP16, WeightPrecision.INT4_G128}, spec.commandLine().getOut());
                return 0;
            });
        }

        /** A model YAML path that names no readable file is reported as such, not as an unknown preset id. */
        private static String checkedFile(String idOrPath) {
            if (idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml") || idOrPath.contains("/")) {
                java.nio.file.Path path = java.nio.file.Path.of(idOrPath);
                if (java.nio.file.Files.isDirectory(path)) throw new UserInputException(idOrPath + ": is a folder, not a file");
                if (!java.nio.file.Files.exists(path)) throw new UserInputException(idOrPath + ": file not found");
            }
            return idOrPath;
        }
    }

    /** Text rendering of one model, shared by {@code models show}. */
    static final class ModelSummary {

        private ModelSummary() {
        }

        static void print(ModelSpec m, int seqLen, double kvBits, WeightPrecision[] precisions, PrintWriter out) {
            out.printf("%s (%s)%n  source: %s%n", m.name(), m.id(), m.source());
            out.printf("  hidden %d, layers %d, vocab %d, activation %s, norm %s, tied embeddings %s%n", m.hidden(), m.layers(),
                    m.vocab(), lower(m.activation()), lower(m.norm()), m.tiedEmbeddings());
            var a = m.attention();
            out.printf("  attention %s: %d heads, %d KV heads, head dim %d%s%s%s, %d KV values per token per %slayer%n",
                    lower(a.kind()), a.heads(), a.kvHeads(), a.headDim(),
                    a.slidingWindow() > 0 ? ", sliding window " + a.slidingWindow() : "",
                    a.mla() != null ? ", latent KV " + a.mla().kvLoraRank() + " + rope " + a.mla().qkRopeHeadDim() : "",
                    a.outputGate() ? ", output gate" : "", a.kvValuesPerToken(), m.layout() == null ? "" : "full ");
            var linear = m.linearAttention();
            if (linear != null) {
                out.printf("  linear attention %s: %d key heads, %d value heads, head dims %d/%d, conv %d; %d state values per layer%n",
                        lower(linear.kind()), linear.keyHeads(), linear.valueHeads(), linear.keyHeadDim(), linear.valueHeadDim(),
                        linear.convKernel(), linear.stateValues());
                out.printf("  layout: pattern %s; full attention at layers %s%n", m.layout().pattern().stream().map(ModelSummary::lower)
                        .collect(java.util.stream.Collectors.joining(", ", "[", "]")),
                        TraceCompatibility.layerRanges(m.layersOf(LayerKind.FULL)));
            }
            if (m.intermediate() > 0) out.printf("  dense MLP width %d%s%n", m.intermediate(),
                    m.isMoe() ? " (layers " + TraceCompatibility.layerRanges(denseLayers(m)) + ")" : "");
            if (m.isMoe()) {
                var e = m.moe();
                out.printf("  MoE: %d routed experts of width %d, top-%d; %d shared of width %d%s%n", e.experts(),
                        e.expertIntermediate(), e.topK(), e.sharedExperts(), e.sharedIntermediate(),
                        e.sharedExpertGate() ? " with sigmoid gate" : "");
            }
            ParameterCounts c = m.parameterCounts();
            out.printf(Locale.ROOT, "  parameters: total %,d (%.2fB; published %.2fB), active %,d (%.2fB; published %.2fB)%n",
                    c.total(), c.total() / 1e9, m.published().totalB(), c.active(), c.active() / 1e9, m.published().activeB());
            Footprint[] f = new Footprint[precisions.length];
            for (int i = 0; i < f.length; i++) f[i] = m.footprint(precisions[i], seqLen, kvBits);
            out.printf("  %-16s %16s", "component", "params");
            for (WeightPrecision p : precisions) out.printf(" %14s", p.label() + " MiB");
            out.println();
            for (Component comp : Component.values()) {
                if (c.params(comp) == 0) continue;
                out.printf(Locale.ROOT, "  %-16s %,16d", lower(comp), c.params(comp));
                for (Footprint fp : f) out.printf(Locale.ROOT, " %14.1f", fp.bytes(comp) / 1048576.0);
                out.println();
            }
            out.printf(Locale.ROOT, "  %-16s %16s", "weights", "");
            for (Footprint fp : f) out.printf(Locale.ROOT, " %14.1f", fp.weightTotalBytes() / 1048576.0);
            out.println();
            out.printf(Locale.ROOT, "  %-16s %16s %14.1f  (%d tokens at %s bits per value)%n", "kv cache", "",
                    f[0].kvCacheBytes() / 1048576.0, seqLen, kvBits);
            if (f[0].recurrentStateBytes() > 0) out.printf(Locale.ROOT, "  %-16s %16s %14.1f  (fixed, at %s bits per value)%n",
                    "recurrent state", "", f[0].recurrentStateBytes() / 1048576.0, kvBits);
            out.flush();
        }

        private static java.util.List<Integer> denseLayers(ModelSpec m) {
            java.util.List<Integer> out = new java.util.ArrayList<>();
            for (int l = 0; l < m.layers(); l++) if (!m.isMoeLayer(l)) out.add(l);
            return out;
        }

        private static String lower(Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
