package io.emofuse.fusion.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.emofuse.linguistic.models.OfflineGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * The source papers' acoustic networks ({@link ArchitectureSpec}): a body turns the flattened
 * acoustic input (batch x steps*dim, frames in time order) into a representation, then the heads of
 * {@link EmotionNetwork}. MT-A-DNN's body ends in frames (batch x steps x H) and each task pools
 * them with its own {@link AttentionPooling}: category (its pool also feeds the V/A/D head),
 * binary valence, binary activation. CNN and stacked LSTM give one vector that every head reads.
 */
public final class SeedNetwork extends AbstractBlock implements EmotionNetwork {

    static {
        OfflineGuard.enforce();
    }

    private static final byte VERSION = 1;

    private final NetworkSpec spec;
    private final ArchitectureSpec arch;
    private final Block body;
    /** Per task (category, valence, activation) for MT-A-DNN; empty otherwise. */
    private final List<AttentionPooling> pools = new ArrayList<>();
    private final OutputHeads heads;

    public SeedNetwork(NetworkSpec spec) {
        super(VERSION);
        this.spec = spec;
        this.arch = spec.architecture();
        InputShape in = spec.acousticInput();
        body = addChildBlock("body", switch (arch.type()) {
            case "mt_a_dnn" -> mtaDnnBody(in);
            case "cnn" -> cnnBody(in);
            case "stacked_lstm" -> lstmBody(in);
            default -> throw new IllegalArgumentException("not a seed architecture: " + arch.type());
        });
        int tasks = spec.binaryHeads() ? 3 : 1;
        if (arch.type().equals("mt_a_dnn")) {
            for (String task : List.of("category", "valence", "activation").subList(0, tasks)) {
                pools.add(addChildBlock("attention_" + task, new AttentionPooling()));
            }
        }
        heads = new OutputHeads(spec, this::addChildBlock);
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public Shape[] inputShapes(int batch) {
        return new Shape[] {new Shape(batch, spec.acousticInput().length())};
    }

    /** Shared SELU layers applied frame by frame: (batch, steps*dim) → (batch, steps, H). */
    private SequentialBlock mtaDnnBody(InputShape in) {
        SequentialBlock b = new SequentialBlock();
        b.add(x -> new NDList(x.singletonOrThrow().reshape(-1, in.dim())));
        for (int w : arch.hidden()) {
            b.add(Linear.builder().setUnits(w).build());
            b.add(Activation.seluBlock());
            dropout(b);
        }
        int last = arch.hidden().get(arch.hidden().size() - 1);
        b.add(x -> new NDList(x.singletonOrThrow().reshape(-1, in.steps(), last)));
        return b;
    }

    /** Conv over time spanning all features (channels = features), ReLU, max over time, dense. */
    private SequentialBlock cnnBody(InputShape in) {
        SequentialBlock b = new SequentialBlock();
        b.add(x -> new NDList(x.singletonOrThrow().reshape(-1, in.steps(), in.dim()).transpose(0, 2, 1)));
        b.add(Conv1d.builder().setKernelShape(new Shape(arch.kernel())).setFilters(arch.filters()).build());
        b.add(Activation.reluBlock());
        b.add(x -> new NDList(x.singletonOrThrow().max(new int[] {2})));
        dense(b);
        return b;
    }

    /**
     * LSTMs in turn (each returns the whole sequence), the last one's final output, dense layers.
     * A vector input (one step, e.g. the TESS paper's 170 means) is read as a sequence of its values,
     * one value per step, as Keras code feeding such vectors to an LSTM does.
     */
    private SequentialBlock lstmBody(InputShape in) {
        SequentialBlock b = new SequentialBlock();
        boolean vector = !in.isSequence();
        int steps = vector ? in.dim() : in.steps();
        int dim = vector ? 1 : in.dim();
        b.add(x -> new NDList(x.singletonOrThrow().reshape(-1, steps, dim)));
        for (int w : arch.hidden()) {
            b.add(LSTM.builder().setStateSize(w).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        }
        b.add(x -> new NDList(x.singletonOrThrow().get(":, -1, :")));
        dense(b);
        return b;
    }

    private void dense(SequentialBlock b) {
        for (int w : arch.dense()) {
            b.add(Linear.builder().setUnits(w).build());
            b.add(Activation.reluBlock());
            dropout(b);
        }
    }

    private void dropout(SequentialBlock b) {
        if (arch.dropout() > 0) {
            b.add(Dropout.builder().optRate((float) arch.dropout()).build());
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = body.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        NDArray[] task = new NDArray[3];
        for (int k = 0; k < 3; k++) {
            task[k] = pools.isEmpty() ? h : k < pools.size() ? pools.get(k).forward(ps, new NDList(h), training).singletonOrThrow() : null;
        }
        return heads.forward(ps, k -> task[k], training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes[0]);
        Shape h = body.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        Shape rep = h;
        for (AttentionPooling p : pools) {
            p.initialize(manager, dataType, h);
            rep = p.getOutputShapes(new Shape[] {h})[0];
        }
        heads.initialize(manager, dataType, rep);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return EmotionNetwork.outputShapes(spec, inputShapes[0].get(0));
    }
}
