package dev.pylon.launcher;

import dev.pylon.api.Interfaces;
import dev.pylon.contract.Contract;
import dev.pylon.contract.ContractException;
import dev.pylon.contract.ContractLoader;
import dev.pylon.contract.ContractSources;
import dev.pylon.contract.InterfaceDef;
import dev.pylon.launcher.logging.ShutdownSafeLogManager;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./pylon} command line. */
@Command(name = "pylon", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "EVerest's module model for EV chargers on OSGi.")
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without a command: the usage, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: run, console or contract");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_ARGUMENTS;
    }

    public static void main(String[] args) {
        // before anything touches java.util.logging: keep the console log until the framework has stopped
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Launcher.Services.production()));
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, Launcher.Services.production());
    }

    static int execute(String[] args, PrintWriter out, PrintWriter err, Launcher.Services services) {
        return commandLine(out, err, services).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Launcher.Services services) {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(new RunCommand(services));
        cli.addSubcommand(new ContractCommand());
        cli.addSubcommand(new ConsoleCommand());
        cli.getSubcommands().get("console").setStopAtPositional(true); // the command's own words are never options
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        return cli;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Pylon " + BuildInfo.version()};
        }
    }

    @Command(name = "contract", mixinStandardHelpOptions = true, description = "Loads and checks the contract packaged in the API bundle and lists it.")
    static final class ContractCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return printContract(spec.commandLine().getOut(), spec.commandLine().getErr());
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
