package io.emofuse.training.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.EmotionNetwork;
import io.emofuse.fusion.nn.LossSpec;
import io.emofuse.fusion.nn.MultitaskLoss;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.fusion.nn.RawPrediction;
import io.emofuse.linguistic.models.OfflineGuard;
import io.emofuse.training.eval.ClassificationMetrics;
import io.emofuse.training.eval.RegressionMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains one {@link EmotionNetwork} with mini-batches and keeps the parameters of the epoch with
 * the best dev score (mean CCC over V, A, D; UAR when only categories are learnt). Determinism:
 * the engine seed fixes initialisation and dropout, a {@link Random} with the same seed fixes the
 * batch order, so the same seed and data on CPU give the same network.
 */
public final class NetworkTrainer {

    static {
        OfflineGuard.enforce();
    }

    private final TrainingSettings settings;
    private final LossSpec loss;
    private final EpochListener listener;

    public NetworkTrainer(TrainingSettings settings, LossSpec loss, EpochListener listener) {
        this.settings = settings;
        this.loss = loss;
        this.listener = listener == null ? EpochListener.NONE : listener;
    }

    /** Trains on {@code train}; {@code dev} (may be null) drives early stopping. */
    public TrainedNetwork train(NetworkSpec spec, TrainingData train, TrainingData dev) {
        Device device = Devices.choose(settings.device()); // first: it configures the engine's threads
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) settings.seed());
        Normaliser an = spec.strategy().usesAcoustic() ? Normaliser.fit(train.acoustic(), spec.acousticInput().dim()) : null;
        Normaliser tn = spec.strategy().usesText() ? Normaliser.fit(train.text(), spec.textInput().dim()) : null;
        EmotionNetwork net = EmotionNetwork.create(spec);
        Model model = Model.newInstance("emofuse-" + spec.strategy().id(), device);
        model.setBlock(net);
        NetworkPredictor predictor = new NetworkPredictor(model, an, tn);
        boolean regression = train.vad() != null;
        MultitaskLoss lossFn = new MultitaskLoss(loss, regression);
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(lossFn).optOptimizer(optimizer())
                .optDevices(new Device[] {device});
        List<Double> losses = new ArrayList<>();
        List<Double> devScores = new ArrayList<>();
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        byte[] bestParams = null;
        Random order = new Random(settings.seed());
        try (Trainer trainer = model.newTrainer(cfg)) {
            trainer.initialize(net.inputShapes(settings.batchSize()));
            List<Integer> idx = new ArrayList<>(IntStream.range(0, train.size()).boxed().toList());
            int sinceBest = 0;
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                Collections.shuffle(idx, order);
                double sum = 0;
                int batches = 0;
                for (int from = 0; from < idx.size(); from += settings.batchSize()) {
                    int to = Math.min(idx.size(), from + settings.batchSize());
                    if (to - from < 2) {
                        continue; // a one-row batch has no spread for the CCC
                    }
                    int[] rows = idx.subList(from, to).stream().mapToInt(Integer::intValue).toArray();
                    sum += step(trainer, predictor, lossFn, train.subset(rows));
                    batches++;
                }
                double trainLoss = sum / Math.max(1, batches);
                double score = dev == null || dev.size() < 2 ? Double.NaN : devScore(predictor, dev);
                losses.add(trainLoss);
                devScores.add(score);
                listener.epochDone(epoch + 1, settings.epochs(), trainLoss, score);
                if (Double.isNaN(score)) {
                    continue;
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = epoch;
                    bestParams = snapshot(net);
                    sinceBest = 0;
                } else if (settings.patience() > 0 && ++sinceBest >= settings.patience()) {
                    break;
                }
            }
        }
        if (bestParams != null) {
            restore(net, model.getNDManager(), bestParams);
        }
        return new TrainedNetwork(predictor, losses, devScores, best < 0 ? losses.size() - 1 : best);
    }

    private Optimizer optimizer() {
        Tracker lr = Tracker.fixed((float) settings.learningRate());
        return settings.optimizer().equals("rmsprop")
                ? new RmsPropOptimizer((float) settings.learningRate())
                : Optimizer.adam().optLearningRateTracker(lr).build();
    }

    private static double step(Trainer trainer, NetworkPredictor predictor, MultitaskLoss lossFn, TrainingData batch) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList x = predictor.inputs(m, batch.acoustic(), batch.text());
            NDList y = labels(m, batch);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(x);
                NDArray l = lossFn.evaluate(y, out);
                gc.backward(l);
                double value = l.getFloat();
                trainer.step();
                return value;
            }
        }
    }

    private static NDList labels(NDManager m, TrainingData batch) {
        int n = batch.size();
        float[] vad = new float[n * 3];
        if (batch.vad() != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    vad[i * 3 + j] = (float) batch.vad()[i][j];
                }
            }
        }
        NDList y = new NDList(m.create(vad, new Shape(n, 3)));
        if (batch.category() != null) {
            y.add(m.create(batch.category()));
            if (batch.valenceClass() != null) {
                y.add(m.create(batch.valenceClass()));
                y.add(m.create(batch.activationClass()));
            }
        }
        return y;
    }

    /** Mean CCC over V, A, D on dev; UAR when the data has only categories. */
    static double devScore(NetworkPredictor predictor, TrainingData dev) {
        RawPrediction p = predictor.predict(dev.acoustic(), dev.text());
        if (dev.vad() != null) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += RegressionMetrics.ccc(dev.vad(), p.vad(), j);
            }
            return s / 3;
        }
        int k = p.probabilities()[0].length;
        int[] pred = new int[dev.size()];
        for (int i = 0; i < pred.length; i++) {
            for (int c = 1; c < k; c++) {
                if (p.probabilities()[i][c] > p.probabilities()[i][pred[i]]) {
                    pred[i] = c;
                }
            }
        }
        List<String> names = IntStream.range(0, k).mapToObj(Integer::toString).toList();
        return ClassificationMetrics.of(names, dev.category(), pred).uar();
    }

    private static byte[] snapshot(EmotionNetwork net) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            net.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void restore(EmotionNetwork net, NDManager manager, byte[] params) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(params))) {
            net.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("could not restore the best epoch's parameters", e);
        }
    }
}
