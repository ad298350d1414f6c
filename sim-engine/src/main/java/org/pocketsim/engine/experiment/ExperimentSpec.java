package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.result.ReportSpec;
import org.pocketsim.engine.sweep.SweepSpec;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.util.List;

/**
 * An experiment YAML: what is asked, the base run, the sweep over it, the published numbers it
 * is checked against and the report to draw. The run section stays a tree here; each sweep
 * point's tree is bound to a {@link RunSpec} (see {@link ExperimentLoader}).
 *
 * @param schemaVersion must be {@link #SCHEMA_VERSION}
 * @param id            names the output folder: letters, digits, '.', '_' or '-'
 * @param title         report title
 * @param question      the question the experiment answers
 * @param seed          experiment seed (default 1); each point's seed derives from it
 * @param run           the base run
 * @param sweep         axes over run fields (default: the base run alone)
 * @param references    published measurements set beside the predictions
 * @param report        charts, summary metrics and comparison tolerance
 */
public record ExperimentSpec(int schemaVersion, String id, String title, @ConfigOptional String question,
                             @ConfigOptional Long seed, ObjectNode run, @ConfigOptional SweepSpec sweep,
                             @ConfigOptional List<ReferenceSpec> references, @ConfigOptional ReportSpec report,
                             @ConfigOptional List<org.pocketsim.engine.analysis.HeadlineSpec> headlines,
                             @ConfigOptional List<org.pocketsim.engine.analysis.DataTableSpec> dataTables) {

    public static final int SCHEMA_VERSION = 1;

    public ExperimentSpec {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new FieldException("schemaVersion", "must be " + SCHEMA_VERSION + " (the only version this PocketSim reads), got " + schemaVersion);
        }
        if (id == null || !id.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
            throw new FieldException("id", "must be letters, digits, '.', '_' or '-' (it names the output folder), got " + id);
        }
        if (title == null || title.isBlank()) throw new FieldException("title", "is required");
        if (question == null) question = "";
        if (seed == null) seed = 1L;
        if (run == null) throw new FieldException("run", "is required");
        if (sweep == null) sweep = SweepSpec.NONE;
        references = references == null ? List.of() : List.copyOf(references);
        if (report == null) report = ReportSpec.empty();
        headlines = headlines == null ? List.of() : List.copyOf(headlines);
        dataTables = dataTables == null ? List.of() : List.copyOf(dataTables);
    }
}
