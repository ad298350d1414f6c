package org.pocketsim.cli.profiles;

import java.io.PrintWriter;
import org.pocketsim.cli.TextTable;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pocketsim profiles list}: one line per shipped preset. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the shipped SoC presets.")
public final class ProfilesList implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        TextTable table = new TextTable("ID", "NAME", "DRAM", "DRAM BW (peak / cpu+npu)", "FLASH (seq max)", "NPU (int8)");
        for (String id : ProfileCatalog.ids()) {
            SocSpec soc = ProfileCatalog.load(id);
            table.add(soc.id(), soc.name(), soc.dram().capacity() + " " + soc.dram().type(),
                    soc.dram().peakBandwidth() + " / " + soc.dram().achievable(RequesterSet.CPU_NPU),
                    soc.flash().type() + " " + Summary.maxSequential(soc.flash()),
                    Summary.npu(soc.npu()));
        }
        PrintWriter out = spec.commandLine().getOut();
        table.print(out);
    }
}
