package org.pocketsim.workload.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * Turns a real trace in a foreign format into PocketSim traces (one per sequence the file
 * holds), with provenance filled in. Malformed input fails with {@code file:line: what}.
 */
public interface TraceImporter {

    /** Format name used on the command line, e.g. {@code expert-ids-jsonl}. */
    String format();

    List<ImportedTrace> read(Path in, ImportSpec spec);

    /** The importer for {@code format}; the registry of formats is this list. */
    static TraceImporter forFormat(String format) {
        List<TraceImporter> all = List.of(new ExpertIdsJsonlImporter(), new RouterLogitsJsonlImporter());
        for (TraceImporter i : all) {
            if (i.format().equals(format)) return i;
        }
        throw new IllegalArgumentException("unknown import format " + format + " (expert-ids-jsonl, router-logits-jsonl)");
    }
}
