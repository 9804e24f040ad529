package io.emofuse.app;

import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.linguistic.models.ModelNotFoundException;
import io.emofuse.linguistic.models.OfflineGuard;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code emofuse} command line. */
@Command(name = "emofuse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Speech emotion recognition: acoustic features, ASR, text embeddings and their fusion.",
        footer = {"", "Run 'emofuse COMMAND --help' for examples of each command."})
public final class Main implements Runnable {

    /** Exit code for bad input: an unknown option, a missing file, an unreadable WAV. */
    public static final int EXIT_USAGE = 2;

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ModelsCommand.class, ServeCommand.class,
            ScoreCommand.class, ExtractCommand.class, AcousticParityCommand.class, TranscribeCommand.class,
            EmbedCommand.class, TrainCommand.class, PredictCommand.class, ExperimentCommand.class,
            ImportCommand.class, AnalyzeCommand.class);

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
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("emofuse: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (isUserError(ex)) {
                err.println("emofuse: " + ex.getMessage());
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

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    private static boolean isUserError(Throwable ex) {
        return ex instanceof UserError || ex instanceof AudioFormatException || ex instanceof ModelNotFoundException
                || ex instanceof NoSuchFileException || ex instanceof FileNotFoundException;
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
