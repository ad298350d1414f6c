package org.pocketsim.workload.importer;

import org.pocketsim.workload.trace.InMemoryTrace;

/**
 * One trace produced by an importer; {@code name} tells sequences of one file apart
 * (empty when the file holds a single sequence).
 */
public record ImportedTrace(String name, InMemoryTrace trace) {
}
