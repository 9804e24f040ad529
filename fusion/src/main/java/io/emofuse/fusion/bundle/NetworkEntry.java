package io.emofuse.fusion.bundle;

import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.Normaliser;

/** One network in a bundle: its spec, its input normalisers and the file holding its parameters. */
public record NetworkEntry(NetworkSpec spec, Normaliser acousticNormaliser, Normaliser textNormaliser, String parameters) {
}
