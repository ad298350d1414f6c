package org.pocketsim.engine.channel;

/** Told when a transfer submitted to a {@link Channel} has completed (its last byte arrived). */
@FunctionalInterface
public interface TransferListener {

    /** Runs at the completion time; {@code tag} is the value given at submission. */
    void onTransferComplete(int tag);
}
