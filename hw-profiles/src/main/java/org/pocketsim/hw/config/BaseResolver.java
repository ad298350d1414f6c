package org.pocketsim.hw.config;

/**
 * Finds the document named by an {@code extends:} key, e.g. a preset id. Throws
 * {@link ConfigException} (or IllegalArgumentException, reported at the {@code extends} key) when
 * there is no such base.
 */
@FunctionalInterface
public interface BaseResolver {

    /** @param requester the document that said {@code extends: name} (for relative look-ups) */
    ConfigSource resolve(String name, ConfigSource requester);
}
