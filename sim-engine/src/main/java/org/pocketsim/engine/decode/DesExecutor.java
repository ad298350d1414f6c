package org.pocketsim.engine.decode;

import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.component.Cpu;
import org.pocketsim.engine.component.Dram;
import org.pocketsim.engine.component.Flash;
import org.pocketsim.engine.component.Npu;
import org.pocketsim.engine.component.ReadPattern;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Event-driven time of a token's work groups on the SoC's components, built from its profile:
 * {@link Dram} (a processor-sharing bus that the compute unit's reads share with any
 * co-runners), {@link Flash} (one command queue of the profile's depth serving one request at
 * a time at the bandwidth its request size and pattern get) and the {@link Npu} or {@link Cpu}
 * compute queue. Groups run one after another; within a group, DRAM and flash reads start
 * together (or flash first when I/O is not concurrent) and compute starts with them
 * ({@code overlap}) or after them ({@code serial}).
 *
 * <p>With {@code timing.prefetch}, a group's start also queues the next group's flash reads, so
 * flash reads of layer i+1 overlap the DRAM reads and compute of layer i.
 *
 * <p>With zero latencies, no co-runners and no prefetch this reproduces
 * {@link AnalyticExecutor} to rounding; what exceeds the analytic critical path is reported as
 * stall (queueing, latency, contention), and when prefetch makes a token shorter than the
 * analytic critical path, the path's shares are scaled down to the simulated time.
 */
public final class DesExecutor {

    private static final int PHASE_START = 2;

    private final Scheduler scheduler = new Scheduler();
    private final Dram dram;
    private final Flash flash;
    private final Npu npu;
    private final Cpu cpu;
    private final String computeFormat;
    private final TimingSpec spec;
    private final java.util.Map<Requester, AnalyticExecutor> analytic = new java.util.EnumMap<>(Requester.class);
    /** Per unit: bus bytes per byte read, so that a unit alone gets its own achievable bandwidth. */
    private final double[] busBytesPerByte = new double[Requester.values().length];
    private final int coRunners;

    private final TokenTime parts = new TokenTime();
    private boolean[] flashIssued = new boolean[0];
    private int[] flashRemaining = new int[0];
    private WorkGroup[] groups;
    private int groupCount;
    private int current;
    private int pending;
    private long tokenEndPs;
    private boolean tokenActive;
    private final TransferListener onPartDone = tag -> partDone();
    private final TransferListener onIoDone = tag -> ioDone();
    private final TransferListener onCoRunner = this::coRunnerDone;

    /**
     * @param units the compute units the run's groups use; with both, the DRAM bus runs at the
     *              profile's CPU+NPU figure and each unit's reads are weighted so that a unit
     *              streaming alone gets its own achievable bandwidth
     */
    public DesExecutor(SocTiming timing, TimingSpec spec, java.util.Set<Requester> units, String computeFormat, int coRunners) {
        this.spec = spec;
        this.coRunners = coRunners;
        this.computeFormat = computeFormat;
        SocSpec soc = timing.soc();
        StatsRegistry stats = new StatsRegistry();
        RequesterSet set = units.size() > 1 ? RequesterSet.CPU_NPU : RequesterSet.of(units.iterator().next());
        this.dram = Dram.fromSpec(scheduler, stats, "dram", soc.dram(), set);
        for (Requester unit : units) {
            analytic.put(unit, new AnalyticExecutor(timing, spec, unit, computeFormat));
            busBytesPerByte[unit.ordinal()] = dram.bytesPerSecond() / timing.dramBytesPerSecond(unit);
        }
        this.flash = Flash.fromSpec(scheduler, stats, "flash", soc.flash());
        this.npu = units.contains(Requester.NPU) ? Npu.fromSpec(scheduler, stats, "npu", timing.compute().npu(computeFormat)) : null;
        this.cpu = units.contains(Requester.CPU) ? Cpu.fromSpec(scheduler, stats, "cpu", soc.cpu(), 1.0) : null;
    }

    /**
     * Runs the {@code count} groups of one token and adds its time to {@code into}: the analytic
     * critical-path parts, plus the excess of the simulated time over them as stall.
     */
    public void time(WorkGroup[] tokenGroups, int count, TokenTime into) {
        parts.reset();
        for (int g = 0; g < count; g++) analytic.get(tokenGroups[g].unit).time(tokenGroups[g], parts);
        groups = tokenGroups;
        groupCount = count;
        current = 0;
        if (flashIssued.length < count) {
            flashIssued = new boolean[count];
            flashRemaining = new int[count];
        }
        java.util.Arrays.fill(flashIssued, 0, count, false);
        java.util.Arrays.fill(flashRemaining, 0, count, 0);
        long startPs = scheduler.nowPs();
        tokenActive = true;
        for (int i = 0; i < coRunners; i++) dram.transfer(CO_RUNNER_BYTES, onCoRunner, i);
        scheduler.scheduleAt(startPs, PHASE_START, payload -> startGroup(), 0);
        scheduler.run();
        double simulated = (tokenEndPs - startPs) / 1e12;
        double critical = parts.total();
        if (simulated < critical) {
            // Prefetch hid some work: the critical-path shares are scaled to the simulated time.
            double scale = simulated / critical;
            parts.flash *= scale;
            parts.dram *= scale;
            parts.compute *= scale;
        } else {
            parts.stall = simulated - critical;
        }
        into.add(parts);
    }

    /** Each co-runner streams this many bytes per request and re-submits while a token runs. */
    private static final long CO_RUNNER_BYTES = 1 << 20;

    private void coRunnerDone(int tag) {
        if (tokenActive) dram.transfer(CO_RUNNER_BYTES, onCoRunner, tag);
    }

    private void startGroup() {
        if (current == groupCount) {
            tokenEndPs = scheduler.nowPs();
            tokenActive = false;
            return;
        }
        int index = current;
        WorkGroup g = groups[index];
        boolean serialCompute = spec.compute() == TimingSpec.Compute.SERIAL;
        pending = 1; // released below, once every part is submitted
        if (g.flashBytes > 0 && !flashIssued[index]) issueFlash(index);
        waitingForFlash = g.flashBytes > 0 && flashRemaining[index] > 0;
        if (waitingForFlash) pending++;
        if (spec.prefetch() && index + 1 < groupCount && groups[index + 1].flashBytes > 0 && !flashIssued[index + 1]) {
            issueFlash(index + 1); // the next group's flash reads overlap this group's work
        }
        if (spec.concurrentIo() || !waitingForFlash) submitDram(g, serialCompute); // else DRAM follows the flash reads
        if (!serialCompute || pending == 1) submitCompute(g); // serial with no I/O pending: compute at once
        partDone();
    }

    private void submitDram(WorkGroup g, boolean serialCompute) {
        if (g.dramBytes == 0) return;
        pending++;
        dram.transfer(busBytes(g), serialCompute ? onIoDone : onPartDone, 0);
    }

    private long busBytes(WorkGroup g) {
        return Math.round(g.dramBytes * busBytesPerByte[g.unit.ordinal()]);
    }

    /** Queues group {@code index}'s flash reads: whole requests of its size, then the remainder as one shorter request. */
    private void issueFlash(int index) {
        WorkGroup g = groups[index];
        long request = Math.max(1, Math.min(g.flashRequestBytes, g.flashBytes));
        ReadPattern pattern = g.flashRandom ? ReadPattern.RANDOM : ReadPattern.SEQUENTIAL;
        long full = g.flashBytes / request;
        long rest = g.flashBytes % request;
        flashIssued[index] = true;
        flashRemaining[index] = (int) Math.min(Integer.MAX_VALUE, full + (rest > 0 ? 1 : 0));
        for (long i = 0; i < full; i++) flash.read(request, pattern, onFlashRequest, index);
        if (rest > 0) flash.read(rest, pattern, onFlashRequest, index);
    }

    private boolean waitingForFlash;
    private final TransferListener onFlashRequest = this::flashRequestDone;

    private void flashRequestDone(int index) {
        if (--flashRemaining[index] > 0 || index != current || !waitingForFlash) return;
        waitingForFlash = false;
        WorkGroup g = groups[index];
        boolean serialCompute = spec.compute() == TimingSpec.Compute.SERIAL;
        if (!spec.concurrentIo() && g.dramBytes > 0) {
            dram.transfer(busBytes(g), serialCompute ? onIoDone : onPartDone, 0); // takes over the flash part
        } else if (serialCompute) {
            ioDone();
        } else {
            partDone();
        }
    }

    private void submitCompute(WorkGroup g) {
        if (g.computeMacs() <= 0 || spec.compute() == TimingSpec.Compute.IGNORE) return;
        pending++;
        runCompute(g);
    }

    private void runCompute(WorkGroup g) {
        long macs = g.computeMacs();
        if (g.unit == Requester.NPU) {
            npu.compute(macs, computeFormat, Stage.DECODE, onPartDone, 0);
        } else {
            cpu.compute(macs, computeFormat, onPartDone, 0);
        }
    }

    /** In serial mode, compute starts when the group's last I/O part is done. */
    private void ioDone() {
        if (pending == 1) {
            WorkGroup g = groups[current];
            if (g.computeMacs() > 0 && spec.compute() != TimingSpec.Compute.IGNORE) {
                runCompute(g);
                return;
            }
        }
        partDone();
    }

    private void partDone() {
        if (--pending > 0) return;
        current++;
        startGroup();
    }
}
