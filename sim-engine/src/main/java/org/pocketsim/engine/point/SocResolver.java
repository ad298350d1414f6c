package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;

import java.nio.file.Path;
import java.util.List;

/** Turns a run's {@code soc:} value into a profile: a preset id, a profile file, or an inline override tree. */
final class SocResolver {

    private SocResolver() {
    }

    /**
     * @param baseDir folder a profile file's path starts from (the experiment file's)
     * @param origins the experiment's documents (its file and {@code --set} overrides)
     * @param path    where the value sits in them ({@code run.soc}), for error locations
     */
    static SocSpec resolve(JsonNode soc, Path baseDir, List<ConfigSource> origins, String path) {
        if (soc.isTextual()) {
            String text = soc.asText();
            boolean file = text.endsWith(".yaml") || text.endsWith(".yml");
            if (file) return ProfileCatalog.loadFile(baseDir.resolve(text));
        }
        return ProfileCatalog.loadTree(soc, origins, path);
    }
}
