package io.emofuse.training.train;

/** Told after every epoch: mean training loss and the dev score early stopping watches (NaN without dev). */
@FunctionalInterface
public interface EpochListener {

    void epochDone(int epoch, int epochs, double trainLoss, double devScore);

    EpochListener NONE = (e, n, l, d) -> { };
}
