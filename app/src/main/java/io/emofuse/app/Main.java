package io.emofuse.app;

import io.emofuse.linguistic.models.OfflineGuard;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code emofuse} command line. */
@Command(name = "emofuse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Speech emotion recognition: acoustic features, ASR, text embeddings and their fusion.",
        usageHelpAutoWidth = true,
        footer = {"", "Start here:",
            "  emofuse analyze samples/                 emotion of every WAV in a folder",
            "  emofuse analyze --text \"What a day.\"    the words alone",
            "  emofuse serve                            REST/WebSocket, demo page at /",
            "",
            "Exit codes: 0 every input done; 1 some inputs failed (each is named in",
            "the output, the others are done) or the machine failed; 2 the command",
            "itself was misused (an option, a missing file).",
            "Run 'emofuse COMMAND --help' for examples of each command."})
public final class Main implements Runnable {

    /** Exit code for misuse of the command itself: an unknown option, a missing file, a bad value. */
    public static final int EXIT_USAGE = 2;

    /**
     * Exit code of a many-input command when some inputs failed (each has its error in the output,
     * the others their results), and of a failure of the machine (disk full).
     */
    public static final int EXIT_SOME_FAILED = 1;

    /** The subcommands, in the order the help lists them: the three a newcomer needs first. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(AnalyzeCommand.class, ServeCommand.class,
            ModelsCommand.class, TranscribeCommand.class, ExtractCommand.class, PredictCommand.class,
            ScoreCommand.class, EmbedCommand.class, ImportCommand.class, TrainCommand.class,
            ExperimentCommand.class, AcousticParityCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this; main exits with it). */
    public static int run(String... args) {
        OfflineGuard.enforce();
        return commandLine(args).execute(args);
    }

    /** The whole command line, every subcommand registered. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments. When the first argument names a subcommand only that one
     * is registered: picocli builds each subcommand's model by reflection, and building all twelve
     * costs a one-shot run such as {@code extract} a few hundred milliseconds of start-up.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean named = SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
        for (Class<?> c : SUBCOMMANDS) {
            if (!named || nameOf(c).equals(first)) {
                cl.addSubcommand(c);
            }
        }
        helpWidth(cl, System.getenv("COLUMNS"));
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("emofuse: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            String user = UserErrors.describe(ex);
            if (user != null) {
                err.println("emofuse: " + user);
                return EXIT_USAGE;
            }
            if (ex instanceof EnvironmentError) {
                err.println("emofuse: " + ex.getMessage());
                return 1;
            }
            err.println("emofuse: internal error: " + ex);
            if (System.getenv("EMOFUSE_DEBUG") != null) {
                ex.printStackTrace(err);
            } else {
                err.println("(set EMOFUSE_DEBUG=1 for the stack trace)");
            }
            return 1;
        });
        return cl;
    }

    /**
     * Help wraps to the terminal rather than at 80 columns, so examples stay whole: an exported
     * {@code COLUMNS} wins (picocli itself only asks tput/stty, and only on a TTY), else picocli's
     * auto width. Called after the subcommands are added: the setting reaches only those present.
     */
    static void helpWidth(CommandLine cl, String columns) {
        cl.setUsageHelpAutoWidth(true);
        if (columns != null && columns.matches("\\d{2,4}")) {
            cl.setUsageHelpAutoWidth(false);
            cl.setUsageHelpWidth(Math.max(55, Integer.parseInt(columns)));
        }
        unwrappedFooters(cl);
    }

    /**
     * Footers (the examples) printed line for line, never re-wrapped: a wrapped example breaks
     * when pasted, and a terminal narrower than a line folds it without changing what is copied.
     */
    private static void unwrappedFooters(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> {
                    StringBuilder sb = new StringBuilder();
                    for (String line : help.commandSpec().usageMessage().footer()) {
                        sb.append(line).append(System.lineSeparator());
                    }
                    return sb.toString();
                });
        cl.getSubcommands().values().forEach(Main::unwrappedFooters);
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"emofuse " + (v == null ? "dev" : v)};
        }
    }
}
