package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;

import java.nio.file.Path;

/** Turns a run's {@code soc:} value into a profile: a preset id, a profile file, or an inline override tree. */
final class SocResolver {

    private SocResolver() {
    }

    static SocSpec resolve(JsonNode soc, Path baseDir, String sourceName) {
        if (soc.isTextual()) {
            String text = soc.asText();
            boolean file = text.endsWith(".yaml") || text.endsWith(".yml");
            return file ? ProfileCatalog.loadFile(baseDir.resolve(text)) : ProfileCatalog.load(text);
        }
        return ProfileCatalog.loadTree(soc, sourceName);
    }
}
