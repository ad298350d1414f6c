package org.pocketsim.engine.memory.eviction;

/** Which blocks belong to the cache's current step (the token's mask, or the single access). */
@FunctionalInterface
public interface StepMembership {

    boolean inCurrentStep(int block);
}
