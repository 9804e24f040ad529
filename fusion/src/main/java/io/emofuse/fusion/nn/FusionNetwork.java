package io.emofuse.fusion.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.linguistic.models.OfflineGuard;
import java.util.ArrayList;
import java.util.List;

/**
 * The emotion network for every strategy but {@code LATE}. Input: an {@link NDList} holding the
 * flattened acoustic input (batch x steps*dim) and/or the text input, in that order, only those
 * the strategy uses. Output: valence/arousal/dominance (batch x 3, on the [-1, 1] training scale)
 * and, with a categorical head, the category logits (batch x categories).
 *
 * <ul>
 *   <li>{@code acoustic}/{@code text}: branch → shared → heads</li>
 *   <li>{@code early}: concat(s_a · acoustic, s_t · text) → fusion layers → shared → heads, with the
 *       block factors of {@link BlockScaling} ({@code model.early_scaling})</li>
 *   <li>{@code concat}: concat(branch_a, branch_t) → fusion layers → shared → heads</li>
 *   <li>{@code hierarchical}: f = fusion layers(concat(branch_a, branch_t));
 *       concat(f, branch_a, branch_t) → shared → heads</li>
 * </ul>
 * The V, A and D heads are one linear layer with three outputs: three single-output dense heads
 * on the same layer, as in the RNN paper, computed at once.
 */
public final class FusionNetwork extends AbstractBlock implements EmotionNetwork {

    static {
        OfflineGuard.enforce();
    }

    private static final byte VERSION = 1;

    private final NetworkSpec spec;
    private final Block acousticBranch;
    private final Block textBranch;
    private final Block fusion;
    private final Block shared;
    private final OutputHeads heads;
    private final double[] earlyScales;

    public FusionNetwork(NetworkSpec spec) {
        super(VERSION);
        this.spec = spec;
        FusionStrategy s = spec.strategy();
        boolean branches = s != FusionStrategy.EARLY;
        acousticBranch = branches && s.usesAcoustic()
                ? addChildBlock("acoustic", branch(spec.acoustic(), spec.acousticInput())) : null;
        textBranch = branches && s.usesText()
                ? addChildBlock("text", branch(spec.text(), spec.textInput())) : null;
        boolean fuses = s == FusionStrategy.EARLY || s == FusionStrategy.CONCAT || s == FusionStrategy.HIERARCHICAL;
        fusion = fuses ? addChildBlock("fusion", dense(spec.fusion(), dropoutOf(spec))) : null;
        shared = spec.shared().isEmpty() ? null : addChildBlock("shared", dense(spec.shared(), dropoutOf(spec)));
        heads = new OutputHeads(spec, this::addChildBlock);
        earlyScales = s == FusionStrategy.EARLY ? spec.earlyBlockScales() : null;
    }

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    @Override
    public Shape[] inputShapes(int batch) {
        List<Shape> shapes = new ArrayList<>();
        if (spec.strategy().usesAcoustic()) {
            shapes.add(new Shape(batch, spec.acousticInput().length()));
        }
        if (spec.strategy().usesText()) {
            shapes.add(new Shape(batch, spec.textInput().length()));
        }
        return shapes.toArray(Shape[]::new);
    }

    private static double dropoutOf(NetworkSpec spec) {
        double a = spec.acoustic() == null ? 0 : spec.acoustic().dropout();
        double t = spec.text() == null ? 0 : spec.text().dropout();
        return Math.max(a, t);
    }

    private static SequentialBlock dense(List<Integer> widths, double dropout) {
        SequentialBlock b = new SequentialBlock();
        for (int w : widths) {
            b.add(Linear.builder().setUnits(w).build());
            b.add(Activation.reluBlock());
            if (dropout > 0) {
                b.add(Dropout.builder().optRate((float) dropout).build());
            }
        }
        return b;
    }

    private static Block branch(BranchSpec branch, InputShape input) {
        if (!branch.recurrent()) {
            return dense(branch.hidden(), branch.dropout());
        }
        SequentialBlock b = new SequentialBlock();
        // Flattened (batch, steps*dim) back to (batch, steps, dim) for the recurrent layers.
        b.add(list -> new NDList(list.singletonOrThrow().reshape(-1, input.steps(), input.dim())));
        int layers = branch.hidden().size();
        int state = branch.outputSize();
        float drop = (float) branch.dropout();
        if (branch.type().equals("lstm")) {
            b.add(LSTM.builder().setStateSize(state).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(drop).optReturnState(false).build());
        } else {
            b.add(GRU.builder().setStateSize(state).setNumLayers(layers).optBatchFirst(true)
                    .optDropRate(drop).optReturnState(false).build());
        }
        // Mean over time: the utterance representation.
        b.add(list -> new NDList(list.get(0).mean(new int[] {1})));
        return b;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int i = 0;
        NDArray a = spec.strategy().usesAcoustic() ? inputs.get(i++) : null;
        NDArray t = spec.strategy().usesText() ? inputs.get(i) : null;
        NDArray h = switch (spec.strategy()) {
            case ACOUSTIC -> run(acousticBranch, ps, a, training);
            case TEXT -> run(textBranch, ps, t, training);
            case EARLY -> run(fusion, ps, scaled(a, earlyScales[0]).concat(scaled(t, earlyScales[1]), 1), training);
            case CONCAT -> run(fusion, ps, run(acousticBranch, ps, a, training)
                    .concat(run(textBranch, ps, t, training), 1), training);
            case HIERARCHICAL -> {
                NDArray ha = run(acousticBranch, ps, a, training);
                NDArray ht = run(textBranch, ps, t, training);
                NDArray f = run(fusion, ps, ha.concat(ht, 1), training);
                yield NDArrays.concat(new NDList(f, ha, ht), 1);
            }
            case LATE -> throw new IllegalStateException("late fusion has no single network");
        };
        NDArray representation = run(shared, ps, h, training);
        return heads.forward(ps, task -> representation, training);
    }

    private static NDArray scaled(NDArray x, double factor) {
        return factor == 1.0 ? x : x.mul((float) factor);
    }

    private static NDArray run(Block block, ParameterStore ps, NDArray x, boolean training) {
        if (block == null) {
            return x; // no shared layers
        }
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        int i = 0;
        Shape a = spec.strategy().usesAcoustic() ? inputShapes[i++] : null;
        Shape t = spec.strategy().usesText() ? inputShapes[i] : null;
        Shape h = switch (spec.strategy()) {
            case ACOUSTIC -> init(acousticBranch, manager, dataType, a);
            case TEXT -> init(textBranch, manager, dataType, t);
            case EARLY -> init(fusion, manager, dataType, new Shape(batch, a.get(1) + t.get(1)));
            case CONCAT -> {
                long w = init(acousticBranch, manager, dataType, a).get(1) + init(textBranch, manager, dataType, t).get(1);
                yield init(fusion, manager, dataType, new Shape(batch, w));
            }
            case HIERARCHICAL -> {
                long wa = init(acousticBranch, manager, dataType, a).get(1);
                long wt = init(textBranch, manager, dataType, t).get(1);
                long wf = init(fusion, manager, dataType, new Shape(batch, wa + wt)).get(1);
                yield new Shape(batch, wf + wa + wt);
            }
            case LATE -> throw new IllegalStateException("late fusion has no single network");
        };
        h = init(shared, manager, dataType, h);
        heads.initialize(manager, dataType, h);
    }

    private static Shape init(Block block, NDManager manager, DataType dataType, Shape in) {
        if (block == null) {
            return in;
        }
        block.initialize(manager, dataType, in);
        return block.getOutputShapes(new Shape[] {in})[0];
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return EmotionNetwork.outputShapes(spec, inputShapes[0].get(0));
    }
}
