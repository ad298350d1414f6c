package org.pocketsim.cli.profiles;

import java.io.PrintWriter;
import java.util.Map;
import org.pocketsim.cli.TextTable;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pocketsim profiles show ID|FILE}: every fact of a profile with its value and source. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a preset (by id) or a profile file (which may say 'extends: <preset>'), "
                + "every number with its source.")
public final class ProfilesShow implements Runnable {

    @Parameters(paramLabel = "ID|FILE", description = "a preset id (see 'profiles list') or a YAML profile file")
    String profile;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        SocSpec soc = ProfileCatalog.loadIdOrFile(profile);
        PrintWriter out = spec.commandLine().getOut();
        out.println(soc.id() + ": " + soc.name());
        out.println(soc.description());
        out.println("DRAM available to models: " + soc.dram().available() + " (capacity " + soc.dram().capacity()
                + " minus OS/app reserve " + soc.dram().osReserved() + ")");
        out.println("kernels run on: " + soc.execution().defaultUnit()
                + (soc.execution().byKernelKind().isEmpty() ? "" : ", except " + soc.execution().byKernelKind()));
        out.println();
        TextTable table = new TextTable("FIELD", "VALUE", "SOURCE");
        for (Map.Entry<String, String> fact : soc.facts().entrySet()) {
            table.add(fact.getKey(), fact.getValue(), soc.sourceOf(fact.getKey()));
        }
        table.print(out);
    }
}
