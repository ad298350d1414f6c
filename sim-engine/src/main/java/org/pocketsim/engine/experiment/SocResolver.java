package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;

import java.util.List;

/** Turns a run's {@code soc:} value into a profile: a preset id, a profile file, or an inline override tree. */
final class SocResolver {

    private SocResolver() {
    }

    /** @param origins the experiment's documents (its file and {@code --set} overrides); path: where soc sits, e.g. run.soc */
    static SocSpec resolve(JsonNode soc, List<ConfigSource> origins, String path) {
        return ProfileCatalog.loadTree(soc, origins, path);
    }
}
