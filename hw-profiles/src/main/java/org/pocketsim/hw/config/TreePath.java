package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Look-up of a node in a config tree by dotted field path ({@code rows[1].size}). */
public final class TreePath {

    private TreePath() {
    }

    /** The node at {@code path} ("" is the root), or null when the tree has nothing there. */
    public static JsonNode at(JsonNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.isEmpty() ? new String[0] : path.split("\\.|(?=\\[)")) {
            if (node == null) {
                return null;
            }
            node = part.startsWith("[") ? node.get(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : node.get(part);
        }
        return node;
    }
}
