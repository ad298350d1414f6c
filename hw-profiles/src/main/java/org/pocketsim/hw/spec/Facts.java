package org.pocketsim.hw.spec;

import java.util.Map;

/**
 * A spec part that lists its hardware facts (every number, and type names such as "LPDDR5X"),
 * each by dotted field path, so that {@link SocSpec} can check that every fact has a source and
 * {@code profiles show} can print them.
 */
interface Facts {

    /** Adds this part's facts to {@code out} as path -> value text, paths prefixed by {@code prefix}. */
    void addFacts(String prefix, Map<String, String> out);

    static String join(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }
}
