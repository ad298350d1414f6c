package org.pocketsim.engine.experiment;

/**
 * Wraps a point's run tree as {@code {run: ...}} so that binding errors carry the field path
 * {@code run.<field>}, which the config loader locates in the experiment file.
 */
record RunHolder(RunSpec run) {
}
