package org.pocketsim.engine.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.point.KernelReplaySpec;
import org.pocketsim.engine.point.PointContext;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.workload.kernel.GgmlPerfImporter;
import org.pocketsim.workload.kernel.KernelTrace;
import org.pocketsim.workload.kernel.KernelTraceCsv;
import org.pocketsim.workload.trace.TraceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code kernel-replay} point kind: imports the log (once per file and experiment run),
 * checks the target, weights and group, and replays every node through a {@link CpuReplayModel}
 * ({@link KernelReplay}); the outcome is the point group's measured and predicted times
 * ({@link ReplayOutcome}).
 */
public final class KernelReplayRunner implements PointRunner<KernelReplaySpec> {

    private static final ObjectMapper JSON = YamlConfig.mapper();

    /** Imported logs by path, size and modification time, so the points of a sweep import a log once. */
    private final Map<String, Loaded> logs = new ConcurrentHashMap<>();

    private record Loaded(KernelTrace trace, String sha256) {
    }

    @Override
    public Class<KernelReplaySpec> specType() {
        return KernelReplaySpec.class;
    }

    @Override
    public PreparedPoint prepare(KernelReplaySpec spec, PointContext context) {
        try {
            Path file = context.baseDir().resolve(spec.log()).normalize();
            Loaded log = load(file, spec);
            if (spec.weights() != null) {
                try {
                    FormatRegistry.get(spec.weights());
                } catch (IllegalArgumentException e) {
                    throw new FieldException("weights", e.getMessage());
                }
            }
            SocSpec soc = spec.target() == null ? null : context.soc(spec.target());
            int threads = spec.threads() != null ? spec.threads() : log.trace().nodes().get(0).threads();
            CpuReplayModel target = soc == null ? null : CpuReplayModel.of(soc, threads);
            if (target != null && spec.unit().equals("npu")) target = target.withNpu(soc);
            ObjectNode inputs = JSON.createObjectNode();
            inputs.put("log", log.sha256());
            if (soc != null) inputs.set("target", context.tree(soc));
            return new Prepared(spec, log.trace(), target, inputs, file);
        } catch (ConfigException e) {
            throw e;
        } catch (FieldException e) {
            throw context.error(e.field(), e.problem());
        } catch (TraceException e) {
            throw context.error("log", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw context.error("", e.getMessage());
        }
    }

    private Loaded load(Path file, KernelReplaySpec spec) {
        if (!Files.isRegularFile(file)) throw new FieldException("log", "file not found: " + file);
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new FieldException("log", "cannot read " + file + ": " + e.getMessage());
        }
        if (logs.size() > 8) logs.clear();
        return logs.computeIfAbsent(key, k -> new Loaded(KernelTraceCsv.isKernelTrace(file) ? KernelTraceCsv.read(file)
                : GgmlPerfImporter.read(file, spec.origin(), spec.licence()), sha256(file)));
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) digest.update(buffer, 0, n);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new FieldException("log", "cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Prepared(KernelReplaySpec spec, KernelTrace trace, CpuReplayModel target, ObjectNode inputs, Path file)
            implements PreparedPoint {

        Prepared {
            String group = spec.group();
            if (!group.equals(KernelReplaySpec.DECODE_STEP)) {
                List<String> known = KernelReplay.decodeGroups(trace);
                if (!known.contains(group)) {
                    throw new FieldException("group", "no decode node group '" + group + "' in the log; groups: "
                            + KernelReplaySpec.DECODE_STEP + ", " + String.join(", ", known));
                }
            }
        }

        @Override
        public List<TraceProvenance> traces() {
            Map<String, String> details = new TreeMap<>();
            details.put("origin", spec.origin());
            details.put("licence", spec.licence());
            details.put("engine", trace.engine());
            details.put("nodes", Integer.toString(trace.nodes().size()));
            int tokens = (int) trace.nodes().stream().filter(n -> n.node() == 0).mapToInt(n -> n.tokens()).sum();
            return List.of(new TraceProvenance(spec.log(), trace.model(), "imported", tokens, details));
        }

        @Override
        public List<String> notes() {
            List<String> notes = new ArrayList<>();
            if (target == null) {
                notes.add("log's own device: achievable bandwidth and per-graph warm-up calibrated on the log "
                        + "(see calibratedBandwidthGBs, calibratedWarmupMs); clock, MAC and element rates assumed");
            } else {
                notes.add("retargeted: rates from the SoC profile's cpu and dram sections, 15 GB/s per thread assumed, no warm-up");
            }
            if (spec.weights() != null) notes.add("what-if: weight MUL_MATs read " + spec.weights() + " weights");
            return notes;
        }

        @Override
        public PointOutcome run() {
            return ReplayOutcome.of(new KernelReplay(trace, spec.weights(), target), spec.group());
        }
    }
}
