package org.pocketsim.engine.decode;

import org.pocketsim.hw.spec.Requester;

/**
 * Closed-form time of work groups, with the DIP reference simulator's semantics (papers.md
 * §1.5): a group's I/O time is {@code max(flash/BW_flash, dram/BW_dram)} when flash and DRAM
 * reads are concurrent, else their sum; compute ({@code macs / rate}) then hides under I/O
 * ({@code overlap}: the group takes the larger), follows it ({@code serial}), or is ignored.
 * A token's time is the sum of its groups' times.
 */
public final class AnalyticExecutor {

    private final SocTiming timing;
    private final TimingSpec spec;
    private final Requester unit;
    private final double dramBytesPerSecond;
    private final double macsPerSecond;

    public AnalyticExecutor(SocTiming timing, TimingSpec spec, Requester unit, String computeFormat) {
        this.timing = timing;
        this.spec = spec;
        this.unit = unit;
        this.dramBytesPerSecond = timing.dramBytesPerSecond(unit);
        this.macsPerSecond = spec.compute() == TimingSpec.Compute.IGNORE ? Double.POSITIVE_INFINITY
                : timing.macsPerSecond(unit, computeFormat, SocTiming.Phase.DECODE);
    }

    /** Adds the time of {@code group} to {@code into}, charged to its bounding parts. */
    public void time(WorkGroup group, TokenTime into) {
        double f = timing.flashSeconds(group.flashBytes, group.flashRequestBytes, group.flashRandom);
        double d = group.dramBytes / dramBytesPerSecond;
        double c = spec.compute() == TimingSpec.Compute.IGNORE ? 0 : group.computeMacs() / macsPerSecond;
        double flashPart;
        double dramPart;
        if (spec.concurrentIo()) {
            flashPart = f >= d ? f : 0;
            dramPart = f >= d ? 0 : d;
        } else {
            flashPart = f;
            dramPart = d;
        }
        double io = flashPart + dramPart;
        switch (spec.compute()) {
            case OVERLAP -> {
                if (c > io) {
                    into.compute += c;
                } else {
                    into.flash += flashPart;
                    into.dram += dramPart;
                }
            }
            case SERIAL -> {
                into.flash += flashPart;
                into.dram += dramPart;
                into.compute += c;
            }
            case IGNORE -> {
                into.flash += flashPart;
                into.dram += dramPart;
            }
        }
    }

    public Requester unit() {
        return unit;
    }

    public double dramBytesPerSecond() {
        return dramBytesPerSecond;
    }
}
