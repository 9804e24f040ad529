package io.emofuse.fusion.classical;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A random forest (Breiman 2001) of Tribuo CART trees: each tree learns from a bootstrap sample of
 * the rows and, at each split, from a random {@code featureFraction} of the features (0 = √d / d,
 * the usual choice for classification), grown without a depth limit (Tribuo's CART stops at a
 * minimum child weight of 5); the trees vote, and the class probability is the share of
 * votes. Tribuo records the model's provenance (trainer and its settings, seed, the dataset's size
 * and hash, Tribuo's version), which the bundle keeps. Saved as Tribuo's protobuf model file.
 */
public final class ForestClassifier implements Classifier {

    public static final String FILE = "forest.tribuo";

    /** Tribuo logs a line per tree at INFO; held here so that the level sticks (JUL keeps loggers weakly). */
    private static final java.util.logging.Logger BAGGING_LOG =
            java.util.logging.Logger.getLogger(org.tribuo.ensemble.BaggingTrainer.class.getName());

    static {
        BAGGING_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Model<Label> model;
    private final List<String> categories;
    private final String[] names;

    private ForestClassifier(Model<Label> model, List<String> categories, int features) {
        this.model = model;
        this.categories = List.copyOf(categories);
        this.names = featureNames(features);
    }

    private static String[] featureNames(int d) {
        String[] n = new String[d];
        for (int k = 0; k < d; k++) {
            n[k] = String.format("f%05d", k); // sorted as Tribuo sorts feature names
        }
        return n;
    }

    /**
     * Fits on rows {@code x} with class indices {@code y} into {@code categories}.
     *
     * @param trees           number of trees
     * @param maxDepth        0 = no depth limit
     * @param featureFraction share of the features tried at each split; 0 = √d / d
     */
    public static ForestClassifier fit(double[][] x, int[] y, List<String> categories, int trees, int maxDepth,
                                       double featureFraction, long seed) {
        int d = x[0].length;
        float fraction = (float) (featureFraction > 0 ? featureFraction : Math.sqrt(d) / d);
        String[] names = featureNames(d);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("emofuse training rows", factory), factory);
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Label(categories.get(y[i])), names, x[i]));
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(maxDepth > 0 ? maxDepth : Integer.MAX_VALUE,
                fraction, false, seed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new VotingCombiner(), trees, seed);
        return new ForestClassifier(forest.train(data), categories, d);
    }

    @SuppressWarnings("unchecked")
    public static ForestClassifier load(Path dir, List<String> categories, int features) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new NoSuchFileException(f.toString(), null, "random-forest model missing from the bundle");
        }
        Model<?> m = Model.deserializeFromFile(f);
        if (!m.validate(Label.class)) {
            throw new IOException(f + ": not a Tribuo classification model");
        }
        return new ForestClassifier((Model<Label>) m, categories, features);
    }

    @Override
    public String kind() {
        return "random_forest";
    }

    @Override
    public double[] probabilities(double[] row) {
        Example<Label> e = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row);
        Prediction<Label> p = model.predict(e);
        double[] out = new double[categories.size()];
        double sum = 0;
        for (Map.Entry<String, Label> s : p.getOutputScores().entrySet()) {
            int k = categories.indexOf(s.getKey());
            if (k >= 0) {
                out[k] = s.getValue().getScore();
                sum += out[k];
            }
        }
        if (sum > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= sum;
            }
        }
        return out;
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public void save(Path dir) throws IOException {
        model.serializeToFile(dir.resolve(FILE));
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("library", "Tribuo " + Tribuo.VERSION);
        Map<String, Object> tribuo = new LinkedHashMap<>(ProvenanceUtil.convertToMap(model.getProvenance()));
        // one entry per tree, alike but for the seed: their count here, the whole list in provenance.txt
        Object members = tribuo.remove("member-provenance");
        if (members instanceof List<?> l) {
            p.put("members", l.size());
        }
        p.put("tribuo", tribuo);
        return p;
    }

    /** Tribuo's own account of the model, as text (for people). */
    public String provenanceText() {
        return ProvenanceUtil.formattedProvenanceString(model.getProvenance());
    }
}
