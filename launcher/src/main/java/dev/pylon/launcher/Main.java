package dev.pylon.launcher;

import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.InterfaceDef;
import dev.pylon.api.Interfaces;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./pylon} command line. */
@Command(name = "pylon", mixinStandardHelpOptions = true, version = "Pylon 0.1.0-SNAPSHOT",
        description = "EVerest's module model for EV chargers on OSGi.",
        subcommands = {Main.Run.class, Main.ContractCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Command(name = "contract", description = "Loads and checks the contract packaged in the API bundle and lists it.")
    static final class ContractCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return printContract(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "run", description = "Starts the charger. Until the module runtime lands (issue #3) it loads, "
            + "checks and lists the contract the charger's modules will speak.")
    static final class Run implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Pylon 0.1.0-SNAPSHOT: the module runtime is not built yet; showing the contract it will run.");
            return printContract(out, spec.commandLine().getErr());
        }
    }

    static int printContract(PrintWriter out, PrintWriter err) {
        long start = System.nanoTime();
        Contract contract;
        try {
            contract = ContractLoader.load(ContractSources.fromClassLoader(Main.class.getClassLoader()));
        } catch (ContractException e) {
            err.println(e.getMessage());
            return 1;
        }
        long micros = (System.nanoTime() - start) / 1000;
        out.printf("Contract: %d interfaces, %d type files, %d error files; checked against the meta-schemas in %d ms%n",
                contract.interfaces().size(), contract.typeFiles().size(), contract.errorFiles().size(), micros / 1000);
        out.printf("%-24s %5s %5s %7s  %s%n", "interface", "cmds", "vars", "errors", "Java API");
        for (InterfaceDef def : contract.interfaces().values()) {
            out.printf("%-24s %5d %5d %7d  %s%n", def.name(), def.cmds().size(), def.vars().size(), def.errors().size(),
                    Interfaces.get(def.name()).cmdType().getName());
        }
        return 0;
    }
}
