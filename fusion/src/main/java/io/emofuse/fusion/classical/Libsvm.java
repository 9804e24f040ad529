package io.emofuse.fusion.classical;

import libsvm.svm;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * The LIBSVM wrapper shared by the late-fusion SVR stage ({@code io.emofuse.fusion.late.SvrStage})
 * and the SVM classifier ({@link SvmClassifier}): dense rows as LIBSVM nodes, an RBF parameter set,
 * and LIBSVM kept quiet (it prints its progress on stdout otherwise).
 */
public final class Libsvm {

    static {
        svm.svm_set_print_string_function(s -> { });
    }

    private Libsvm() {
    }

    /** A dense row as LIBSVM nodes (indices from 1). */
    public static svm_node[] nodes(double[] x) {
        svm_node[] n = new svm_node[x.length];
        for (int k = 0; k < x.length; k++) {
            n[k] = new svm_node();
            n[k].index = k + 1;
            n[k].value = x[k];
        }
        return n;
    }

    /**
     * An RBF-kernel parameter set. {@code type}: {@link svm_parameter#EPSILON_SVR} (with
     * {@code epsilon}) or {@link svm_parameter#C_SVC}; {@code probability}: fit LIBSVM's class
     * probability model (Platt scaling on internal cross-validation, C-SVC).
     */
    public static svm_parameter rbf(int type, double c, double gamma, double epsilon, boolean probability) {
        svm_parameter p = new svm_parameter();
        p.svm_type = type;
        p.kernel_type = svm_parameter.RBF;
        p.C = c;
        p.gamma = gamma;
        p.p = epsilon;
        p.eps = 1e-3;
        p.cache_size = 100;
        p.shrinking = 1;
        p.probability = probability ? 1 : 0;
        p.nr_weight = 0;
        p.weight_label = new int[0];
        p.weight = new double[0];
        return p;
    }

    /** A training problem from dense rows and targets (class indices for C-SVC). */
    public static svm_problem problem(double[][] x, double[] y) {
        svm_problem prob = new svm_problem();
        prob.l = x.length;
        prob.x = new svm_node[x.length][];
        prob.y = y.clone();
        for (int i = 0; i < x.length; i++) {
            prob.x[i] = nodes(x[i]);
        }
        return prob;
    }

    /** Checks the parameters against the problem, then trains. */
    public static libsvm.svm_model train(svm_problem prob, svm_parameter p) {
        String err = svm.svm_check_parameter(prob, p);
        if (err != null) {
            throw new IllegalArgumentException("LIBSVM parameters: " + err);
        }
        return svm.svm_train(prob, p);
    }

    /** The LIBSVM version this build uses (3.31 = 331 in LIBSVM's own constant). */
    public static String version() {
        int v = svm.LIBSVM_VERSION;
        return (v / 100) + "." + (v % 100);
    }
}
