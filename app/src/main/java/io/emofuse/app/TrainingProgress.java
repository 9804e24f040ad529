package io.emofuse.app;

import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.experiment.ExperimentRunner;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for feature extraction and training: one bar per feature stage and per
 * network trained, the bar's message showing the live training loss and dev CCC. Silent when quiet.
 */
final class TrainingProgress implements FeaturePipeline.Progress, ExperimentRunner.Listener, AutoCloseable {

    private final boolean quiet;
    private final PrintStream err;
    private ProgressBar bar;
    private String barStage;
    private String prefix = "";

    TrainingProgress(boolean quiet, PrintStream err) {
        this.quiet = quiet;
        this.err = err;
    }

    @Override
    public synchronized void update(String stage, int done, int total) {
        if (quiet) {
            return;
        }
        if (bar == null || !stage.equals(barStage)) {
            open(stage, total);
        }
        bar.stepTo(done);
    }

    @Override
    public synchronized void foldStarted(String model, String fold, int index, int folds) {
        prefix = model + " " + index + "/" + folds + " ";
    }

    @Override
    public synchronized void epochDone(int epoch, int epochs, double trainLoss, double devScore) {
        if (quiet) {
            return;
        }
        if (epoch == 1 || bar == null || !barStage.startsWith("train")) {
            open("train " + prefix, epochs);
        }
        bar.stepTo(epoch);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f dev %.3f", trainLoss, devScore));
    }

    private void open(String stage, int total) {
        if (bar != null) {
            bar.close();
        }
        barStage = stage;
        bar = new ProgressBarBuilder().setTaskName(stage.strip()).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(250).build();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
