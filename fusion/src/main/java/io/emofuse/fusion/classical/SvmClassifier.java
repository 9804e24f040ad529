package io.emofuse.fusion.classical;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_parameter;

/**
 * LIBSVM C-SVC with an RBF kernel (one-against-one, as LIBSVM does multi-class), with LIBSVM's
 * probability model (pairwise Platt scaling fitted on an internal 5-fold cross-validation, coupled
 * into class probabilities) so that the category comes with a probability as a network's does.
 * {@code gamma <= 0} takes 1 / features, LIBSVM's own default.
 */
public final class SvmClassifier implements Classifier {

    public static final String FILE = "svm.model";

    private final svm_model model;
    private final int classes;
    private final int[] labels;
    private final Map<String, Object> provenance;

    private SvmClassifier(svm_model model, int classes, Map<String, Object> provenance) {
        this.model = model;
        this.classes = classes;
        this.labels = new int[svm.svm_get_nr_class(model)];
        svm.svm_get_labels(model, labels);
        this.provenance = provenance;
    }

    /** Fits on rows {@code x} with class indices {@code y} in 0..classes−1; {@code seed} fixes LIBSVM's internal shuffles. */
    public static SvmClassifier fit(double[][] x, int[] y, int classes, double c, double gamma, long seed) {
        double g = gamma > 0 ? gamma : 1.0 / x[0].length;
        double[] target = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            target[i] = y[i];
        }
        svm_parameter p = Libsvm.rbf(svm_parameter.C_SVC, c, g, 0.1, true);
        svm_model m;
        synchronized (svm.class) { // svm.rand is LIBSVM's one static generator
            svm.rand.setSeed(seed);
            m = Libsvm.train(Libsvm.problem(x, target), p);
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("library", "LIBSVM " + Libsvm.version());
        prov.put("svm_type", "C-SVC");
        prov.put("kernel", "rbf");
        prov.put("C", c);
        prov.put("gamma", g);
        prov.put("probability", "LIBSVM pairwise Platt scaling, internal 5-fold CV");
        prov.put("seed", seed);
        prov.put("training_rows", x.length);
        prov.put("features", x[0].length);
        prov.put("support_vectors", m.l);
        return new SvmClassifier(m, classes, prov);
    }

    public static SvmClassifier load(Path dir, int classes, Map<String, Object> provenance) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "SVM model missing from the bundle");
        }
        return new SvmClassifier(svm.svm_load_model(f.toString()), classes, provenance);
    }

    @Override
    public String kind() {
        return "svm";
    }

    @Override
    public double[] probabilities(double[] row) {
        double[] out = new double[classes];
        if (labels.length == 1) { // one class in training: LIBSVM has nothing to separate
            out[labels[0]] = 1;
            return out;
        }
        double[] p = new double[labels.length];
        svm.svm_predict_probability(model, Libsvm.nodes(row), p);
        for (int k = 0; k < labels.length; k++) {
            out[labels[k]] = p[k];
        }
        return out;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void save(Path dir) throws IOException {
        svm.svm_save_model(dir.resolve(FILE).toString(), model);
    }

    @Override
    public Map<String, Object> provenance() {
        return provenance;
    }
}
