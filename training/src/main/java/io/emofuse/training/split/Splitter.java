package io.emofuse.training.split;

import io.emofuse.training.manifest.ManifestRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Turns a {@link SplitSpec} and manifest rows into folds; deterministic for a given seed. */
public final class Splitter {

    private Splitter() {
    }

    public static List<Fold> split(SplitSpec spec, List<ManifestRow> rows) {
        return switch (spec.kind()) {
            case "random" -> random(spec, rows.size());
            case "kfold" -> grouped(spec, rows, r -> r.uttId(), spec.folds() == 0 ? 5 : spec.folds(), "fold");
            case "speaker" -> grouped(spec, rows, need(rows, ManifestRow::speaker, "speaker"), spec.folds(), "speakers");
            case "session" -> grouped(spec, rows, need(rows, ManifestRow::session, "session"), 0, "session");
            case "manifest" -> fromColumn(rows);
            default -> throw new IllegalStateException(spec.kind());
        };
    }

    private static Function<ManifestRow, String> need(List<ManifestRow> rows, Function<ManifestRow, String> key, String column) {
        for (ManifestRow r : rows) {
            if (key.apply(r) == null) {
                throw new IllegalArgumentException("line " + r.line() + ": no " + column + " (a " + column
                        + "-grouped split needs the '" + column + "' column on every row)");
            }
        }
        return key;
    }

    private static List<Fold> random(SplitSpec spec, int n) {
        List<Integer> idx = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(idx, new Random(spec.seed()));
        int nTest = Math.max(1, (int) Math.round(n * spec.testFraction()));
        int[] test = idx.subList(0, nTest).stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] train = idx.subList(nTest, n).stream().mapToInt(Integer::intValue).sorted().toArray();
        return List.of(new Fold("random", train, new int[0], test));
    }

    /**
     * Groups (speakers, sessions, or single rows) shuffled with the seed and dealt round-robin
     * into k folds; k = 0 means one fold per group.
     */
    private static List<Fold> grouped(SplitSpec spec, List<ManifestRow> rows, Function<ManifestRow, String> key, int k,
                                      String what) {
        TreeMap<String, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(key.apply(rows.get(i)), g -> new ArrayList<>()).add(i);
        }
        List<String> names = new ArrayList<>(groups.keySet());
        int folds = k == 0 ? names.size() : k;
        if (names.size() < folds || folds < 2) {
            throw new IllegalArgumentException("cannot make " + folds + " folds from " + names.size() + " distinct "
                    + what + " values");
        }
        if (k != 0) {
            Collections.shuffle(names, new Random(spec.seed()));
        }
        List<List<String>> members = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            members.add(new ArrayList<>());
        }
        for (int g = 0; g < names.size(); g++) {
            members.get(g % folds).add(names.get(g));
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<String> testGroups = members.get(f);
            int[] test = testGroups.stream().flatMap(g -> groups.get(g).stream()).mapToInt(Integer::intValue).sorted().toArray();
            java.util.Set<Integer> testSet = new java.util.HashSet<>();
            for (int t : test) {
                testSet.add(t);
            }
            int[] train = IntStream.range(0, rows.size()).filter(i -> !testSet.contains(i)).toArray();
            String label = k == 0 || what.equals("fold") ? (what.equals("fold") ? "fold" + (f + 1) : String.join("+", testGroups))
                    : String.join("+", new java.util.TreeSet<>(testGroups));
            out.add(new Fold(label, train, new int[0], test));
        }
        return out;
    }

    private static List<Fold> fromColumn(List<ManifestRow> rows) {
        List<Integer> train = new ArrayList<>();
        List<Integer> dev = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ManifestRow r = rows.get(i);
            String s = r.split() == null ? "" : r.split().toLowerCase(Locale.ROOT);
            switch (s) {
                case "train" -> train.add(i);
                case "dev", "valid", "validation", "val" -> dev.add(i);
                case "test" -> test.add(i);
                default -> throw new IllegalArgumentException("line " + r.line() + ": split '" + r.split()
                        + "' is not train, dev or test (the 'manifest' split reads that column)");
            }
        }
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("the manifest's split column needs train and test rows (found "
                    + train.size() + " train, " + test.size() + " test)");
        }
        return List.of(new Fold("manifest", ints(train), ints(dev), ints(test)));
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Rows held out of {@code train} for early stopping: whole speakers when the training rows
     * have at least three, so the dev score is speaker-independent like the test; else random rows.
     */
    public static int[][] holdOutDev(int[] train, List<ManifestRow> rows, double fraction, long seed) {
        Random rnd = new Random(seed);
        TreeMap<String, List<Integer>> bySpeaker = new TreeMap<>();
        for (int i : train) {
            String s = rows.get(i).speaker();
            bySpeaker.computeIfAbsent(s == null ? "" : s, x -> new ArrayList<>()).add(i);
        }
        List<Integer> dev = new ArrayList<>();
        if (bySpeaker.size() >= 3 && !bySpeaker.containsKey("")) {
            List<String> speakers = new ArrayList<>(bySpeaker.keySet());
            Collections.shuffle(speakers, rnd);
            int want = Math.max(1, (int) Math.round(speakers.size() * fraction));
            for (int s = 0; s < want; s++) {
                dev.addAll(bySpeaker.get(speakers.get(s)));
            }
        } else {
            List<Integer> idx = new ArrayList<>();
            for (int i : train) {
                idx.add(i);
            }
            Collections.shuffle(idx, rnd);
            dev.addAll(idx.subList(0, Math.max(2, (int) Math.round(train.length * fraction))));
        }
        java.util.Set<Integer> devSet = new java.util.HashSet<>(dev);
        int[] rest = java.util.Arrays.stream(train).filter(i -> !devSet.contains(i)).toArray();
        return new int[][] {rest, dev.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }
}
