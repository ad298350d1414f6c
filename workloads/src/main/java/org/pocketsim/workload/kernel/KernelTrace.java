package org.pocketsim.workload.kernel;

import java.util.List;

/**
 * A real engine's executed nodes, graph by graph: what ran, on what shapes and types, with how
 * many threads and how long it took. Read with {@link KernelTraceCsv}, imported from engine logs
 * such as llama.cpp's GGML_PERF dump by {@link GgmlPerfImporter}.
 *
 * @param engine  the engine and its version, e.g. {@code llama.cpp build 1307 (cb07976)}
 * @param model   the model as the log names it
 * @param origin  where the log comes from (repository@commit:path or a file name)
 * @param licence licence of the origin
 * @param nodes   the nodes in execution order
 */
public record KernelTrace(String engine, String model, String origin, String licence, List<KernelNode> nodes) {

    public KernelTrace {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) throw new IllegalArgumentException("kernel trace has no nodes");
        engine = engine == null ? "" : engine;
        model = model == null ? "" : model;
        origin = origin == null ? "" : origin;
        licence = licence == null ? "" : licence;
    }

    /** Number of graphs (the last graph index + 1). */
    public int graphs() {
        return nodes.get(nodes.size() - 1).graph() + 1;
    }
}
