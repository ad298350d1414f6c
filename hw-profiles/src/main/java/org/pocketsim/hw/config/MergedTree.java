package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A config tree after {@code extends:} resolution, with the documents it was merged from, the
 * user's own first and its bases after, so that errors point into the right file.
 */
public record MergedTree(JsonNode tree, List<ConfigSource> origins) {

    public MergedTree {
        Require.notNull(tree, "tree");
        origins = List.copyOf(Require.notEmpty(origins, "origins"));
    }
}
