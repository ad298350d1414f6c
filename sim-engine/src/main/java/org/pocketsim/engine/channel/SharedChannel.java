package org.pocketsim.engine.channel;

import java.util.Arrays;
import org.pocketsim.engine.core.EventHandler;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.Counter;
import org.pocketsim.engine.stats.Histogram;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.engine.stats.TimeWeighted;

/**
 * Channel that serves up to {@code maxInService} transfers at once by processor sharing: with
 * n in service each progresses at 1/n of the channel's rate, and the next completion is
 * recomputed whenever a transfer joins or leaves. Transfers beyond {@code maxInService} wait
 * in FIFO order. {@code maxInService = 1} is a FIFO channel (transfers are serialised);
 * unbounded is pure processor sharing (an LPDDR bus shared by NPU and CPU).
 *
 * <p>A command queue of depth {@code maxOutstanding} (a flash device's queue depth) bounds how
 * many transfers are past submission at once, latency included: further submissions wait in
 * FIFO order and start their latency only when an earlier transfer completes. With depth 1
 * the latency is paid once per transfer; with a deep queue it overlaps other transfers.
 *
 * <p>Event phases: completions fire in phase {@link #PHASE_COMPLETE}, arrivals after latency in
 * {@link #PHASE_ARRIVE}, so at one instant a finishing transfer frees its share before a new
 * one joins. Request state lives in pooled primitive arrays; nothing is allocated per transfer
 * once the pools have grown.
 */
public final class SharedChannel implements Channel {

    public static final int PHASE_COMPLETE = 0;
    public static final int PHASE_ARRIVE = 1;

    /** Remaining work (ps of exclusive service) at or below which a transfer is complete. */
    private static final double DONE_PS = 1e-3;

    private final Scheduler scheduler;
    private final double bytesPerSecond;
    private final long latencyPs;
    private final int maxInService;
    private final int maxOutstanding;

    private TransferListener[] listener = new TransferListener[16];
    private int[] tag = new int[16];
    private long[] submitPs = new long[16];
    private double[] remainingPs = new double[16];
    private int[] nextFree = new int[16];
    private int freeHead = -1;
    private int poolUsed;

    private int[] serving = new int[16];
    private int[] finished = new int[16];
    private int servingCount;
    private final IntFifo waiting = new IntFifo();
    private final IntFifo commandQueue = new IntFifo();
    private int outstanding;
    private int admitted;

    private long lastUpdatePs;
    private long completionHandle = -1;

    private final Counter requests;
    private final Counter bytesMoved;
    private final TimeWeighted busy;
    private final TimeWeighted inService;
    private final Histogram latencyHistogramPs;

    private final EventHandler onArrive = this::arrive;
    private final EventHandler onComplete = payload -> progress();

    /** A channel serialising transfers in submission order (after latency). */
    public static SharedChannel fifo(Scheduler scheduler, StatsRegistry stats, String name,
                                     double bytesPerSecond, long latencyPs) {
        return new SharedChannel(scheduler, stats, name, bytesPerSecond, latencyPs, 1);
    }

    /** A channel sharing its rate equally among all transfers in service. */
    public static SharedChannel processorSharing(Scheduler scheduler, StatsRegistry stats, String name,
                                                 double bytesPerSecond, long latencyPs) {
        return new SharedChannel(scheduler, stats, name, bytesPerSecond, latencyPs, Integer.MAX_VALUE);
    }

    public SharedChannel(Scheduler scheduler, StatsRegistry stats, String name, double bytesPerSecond,
                         long latencyPs, int maxInService) {
        this(scheduler, stats, name, bytesPerSecond, latencyPs, maxInService, Integer.MAX_VALUE);
    }

    public SharedChannel(Scheduler scheduler, StatsRegistry stats, String name, double bytesPerSecond,
                         long latencyPs, int maxInService, int maxOutstanding) {
        if (!(bytesPerSecond > 0.0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("channel '" + name + "': bandwidth must be positive and finite, got "
                    + bytesPerSecond + " B/s");
        }
        if (latencyPs < 0) {
            throw new IllegalArgumentException("channel '" + name + "': latency must be >= 0, got " + latencyPs + " ps");
        }
        if (maxInService < 1) {
            throw new IllegalArgumentException("channel '" + name + "': maxInService must be >= 1, got " + maxInService);
        }
        this.scheduler = scheduler;
        this.bytesPerSecond = bytesPerSecond;
        this.latencyPs = latencyPs;
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("channel '" + name + "': maxOutstanding must be >= 1, got " + maxOutstanding);
        }
        this.maxInService = maxInService;
        this.maxOutstanding = maxOutstanding;
        this.lastUpdatePs = scheduler.nowPs();
        this.requests = stats.counter(name, "requests");
        this.bytesMoved = stats.counter(name, "bytes");
        this.busy = stats.timeWeighted(name, "utilisation", scheduler.nowPs());
        this.inService = stats.timeWeighted(name, "inService", scheduler.nowPs());
        this.latencyHistogramPs = stats.histogram(name, "latencyPs");
    }

    @Override
    public void submit(long bytes, TransferListener transferListener, int transferTag) {
        submitService(servicePsFor(bytes), bytes, transferListener, transferTag);
    }

    @Override
    public void submitService(long servicePs, long bytes, TransferListener transferListener, int transferTag) {
        if (servicePs < 0 || bytes < 0) {
            throw new IllegalArgumentException("transfer needs service >= 0 ps and bytes >= 0, got "
                    + servicePs + " ps and " + bytes + " B");
        }
        if (transferListener == null) {
            throw new IllegalArgumentException("transfer listener is null");
        }
        int request = allocate();
        listener[request] = transferListener;
        tag[request] = transferTag;
        submitPs[request] = scheduler.nowPs();
        remainingPs[request] = servicePs;
        outstanding++;
        requests.increment();
        bytesMoved.add(bytes);
        if (admitted < maxOutstanding) {
            admit(request);
        } else {
            commandQueue.add(request);
        }
    }

    /** The request enters the device: its latency starts now. */
    private void admit(int request) {
        admitted++;
        if (latencyPs > 0) {
            scheduler.scheduleAfter(latencyPs, PHASE_ARRIVE, onArrive, request);
        } else {
            arrive(request);
        }
    }

    @Override
    public int outstanding() {
        return outstanding;
    }

    @Override
    public double bandwidthBytesPerSecond() {
        return bytesPerSecond;
    }

    @Override
    public long latencyPs() {
        return latencyPs;
    }

    /** Maximum number of transfers served concurrently. */
    public int maxInService() {
        return maxInService;
    }

    /** Command-queue depth: transfers past submission (latency or service) at once. */
    public int maxOutstanding() {
        return maxOutstanding;
    }

    private void arrive(int request) {
        advance();
        if (servingCount < maxInService) {
            startService(request);
        } else {
            waiting.add(request);
        }
        rescheduleCompletion();
    }

    private void progress() {
        completionHandle = -1;
        advance();
        int kept = 0;
        int finishedCount = 0;
        if (finished.length < servingCount) {
            finished = new int[serving.length];
        }
        for (int i = 0; i < servingCount; i++) {
            int request = serving[i];
            if (remainingPs[request] <= DONE_PS) {
                finished[finishedCount++] = request;
            } else {
                serving[kept++] = request;
            }
        }
        servingCount = kept;
        while (servingCount < maxInService && !waiting.isEmpty()) {
            startService(waiting.remove());
        }
        updateLevels();
        rescheduleCompletion();
        admitted -= finishedCount;
        while (admitted < maxOutstanding && !commandQueue.isEmpty()) {
            admit(commandQueue.remove());
        }
        // Listeners run last: they may submit new transfers, which re-enter arrive().
        for (int i = 0; i < finishedCount; i++) {
            finish(finished[i]);
        }
    }

    /** Charges the time since the last update to every transfer in service, 1/n each. */
    private void advance() {
        long now = scheduler.nowPs();
        long elapsed = now - lastUpdatePs;
        if (elapsed > 0 && servingCount > 0) {
            double share = (double) elapsed / servingCount;
            for (int i = 0; i < servingCount; i++) {
                remainingPs[serving[i]] -= share;
            }
        }
        lastUpdatePs = now;
    }

    private void startService(int request) {
        if (servingCount == serving.length) {
            serving = Arrays.copyOf(serving, servingCount * 2);
        }
        serving[servingCount++] = request;
        updateLevels();
    }

    private void finish(int request) {
        TransferListener done = listener[request];
        int doneTag = tag[request];
        latencyHistogramPs.record(scheduler.nowPs() - submitPs[request]);
        listener[request] = null;
        nextFree[request] = freeHead;
        freeHead = request;
        outstanding--;
        done.onTransferComplete(doneTag);
    }

    private void rescheduleCompletion() {
        if (completionHandle >= 0) {
            scheduler.cancel(completionHandle);
            completionHandle = -1;
        }
        if (servingCount == 0) {
            return;
        }
        double minRemaining = Double.MAX_VALUE;
        for (int i = 0; i < servingCount; i++) {
            minRemaining = Math.min(minRemaining, remainingPs[serving[i]]);
        }
        long delayPs = Durations.ceilPs(Math.max(0.0, minRemaining) * servingCount);
        completionHandle = scheduler.scheduleAfter(delayPs, PHASE_COMPLETE, onComplete, 0);
    }

    private void updateLevels() {
        long now = scheduler.nowPs();
        busy.set(now, servingCount > 0 ? 1.0 : 0.0);
        inService.set(now, servingCount);
    }

    private int allocate() {
        if (freeHead >= 0) {
            int request = freeHead;
            freeHead = nextFree[request];
            return request;
        }
        if (poolUsed == listener.length) {
            int capacity = poolUsed * 2;
            listener = Arrays.copyOf(listener, capacity);
            tag = Arrays.copyOf(tag, capacity);
            submitPs = Arrays.copyOf(submitPs, capacity);
            remainingPs = Arrays.copyOf(remainingPs, capacity);
            nextFree = Arrays.copyOf(nextFree, capacity);
        }
        return poolUsed++;
    }
}
