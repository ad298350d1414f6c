package org.pocketsim.engine.component;

/** Access pattern of a flash read, selecting the sequential or random bandwidth curve. */
public enum ReadPattern {
    SEQUENTIAL,
    RANDOM
}
