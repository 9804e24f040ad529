package io.emofuse.fusion.nn;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.emofuse.linguistic.models.OfflineGuard;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained {@link EmotionNetwork} with its input normalisers: raw features in, {@link RawPrediction}
 * out. Owns its DJL model; close it when done.
 */
public final class NetworkPredictor implements AutoCloseable {

    static {
        OfflineGuard.enforce();
    }

    private final Model model;
    private final EmotionNetwork network;
    private final Normaliser acousticNorm;
    private final Normaliser textNorm;

    /** Wraps a model whose block is an initialised {@link EmotionNetwork}. */
    public NetworkPredictor(Model model, Normaliser acousticNorm, Normaliser textNorm) {
        this.model = model;
        this.network = (EmotionNetwork) model.getBlock();
        this.acousticNorm = acousticNorm;
        this.textNorm = textNorm;
    }

    /** Rebuilds the network from its spec and reads the parameters written by {@link #saveParameters}. */
    public static NetworkPredictor load(Path paramsFile, NetworkSpec spec, Normaliser acousticNorm, Normaliser textNorm,
                                        Device device) throws IOException {
        EmotionNetwork net = EmotionNetwork.create(spec);
        Model model = Model.newInstance(paramsFile.getFileName().toString(), device);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(1));
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(paramsFile)))) {
            net.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException(paramsFile + ": not parameters of this network (" + e.getMessage() + ")", e);
        }
        return new NetworkPredictor(model, acousticNorm, textNorm);
    }

    public void saveParameters(Path paramsFile) {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(paramsFile)))) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public NetworkSpec spec() {
        return network.spec();
    }

    public Normaliser acousticNormaliser() {
        return acousticNorm;
    }

    public Normaliser textNormaliser() {
        return textNorm;
    }

    /** Predicts a batch; arrays for a modality the network does not use may be null. */
    public RawPrediction predict(float[][] acoustic, float[][] text) {
        int n = acoustic != null ? acoustic.length : text.length;
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList in = inputs(m, acoustic, text);
            NDList out = network.forward(new ParameterStore(m, false), in, false);
            double[][] vad = rows(out.get(0), n);
            boolean hasCategories = network.spec().categories() > 0;
            double[][] probs = hasCategories ? rows(out.get(1).softmax(1), n) : null;
            double[][] binary = null;
            if (network.spec().binaryHeads()) {
                // Heads after the category's: valence (negative, positive), activation (low, high).
                int v = hasCategories ? 2 : 1;
                double[][] pv = rows(out.get(v).softmax(1), n);
                double[][] pa = rows(out.get(v + 1).softmax(1), n);
                binary = new double[n][];
                for (int i = 0; i < n; i++) {
                    binary[i] = new double[] {pv[i][1], pa[i][1]};
                }
            }
            return new RawPrediction(vad, probs, binary);
        }
    }

    /** Normalised inputs as the network takes them (also used by the training loop). */
    public NDList inputs(NDManager m, float[][] acoustic, float[][] text) {
        NDList in = new NDList();
        NetworkSpec spec = network.spec();
        if (spec.strategy().usesAcoustic()) {
            in.add(matrix(m, need(acoustic, "acoustic"), acousticNorm, spec.acousticInput().length(), "acoustic"));
        }
        if (spec.strategy().usesText()) {
            in.add(matrix(m, need(text, "text"), textNorm, spec.textInput().length(), "text"));
        }
        return in;
    }

    private static float[][] need(float[][] x, String what) {
        if (x == null) {
            throw new IllegalArgumentException("this model needs " + what + " features");
        }
        return x;
    }

    private static NDArray matrix(NDManager m, float[][] rows, Normaliser norm, int width, String what) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw new IllegalArgumentException(what + " input of row " + i + " has "
                        + (rows[i] == null ? "no" : rows[i].length) + " values; the model takes " + width);
            }
            System.arraycopy(norm.apply(rows[i]), 0, flat, i * width, width);
        }
        return m.create(flat, new ai.djl.ndarray.types.Shape(rows.length, width));
    }

    private static double[][] rows(NDArray a, int n) {
        float[] f = a.toType(DataType.FLOAT32, false).toFloatArray();
        int w = f.length / n;
        double[][] out = new double[n][w];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < w; j++) {
                out[i][j] = f[i * w + j];
            }
        }
        return out;
    }

    @Override
    public void close() {
        model.close();
    }
}
