package io.emofuse.training.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.training.manifest.ManifestRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitterTest {

    /** 8 speakers x 10 rows; sessions of 2 speakers each; a split column. */
    static List<ManifestRow> rows() {
        List<ManifestRow> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int spk = i % 8;
            String split = i < 60 ? "train" : i < 70 ? "dev" : "test";
            rows.add(new ManifestRow(i + 2, "u" + i, null, "t", "spk" + spk, "Session" + (spk / 2 + 1),
                    1.0, 2.0, 3.0, null, split));
        }
        return rows;
    }

    static Set<String> speakers(List<ManifestRow> rows, int[] idx) {
        return Arrays.stream(idx).mapToObj(i -> rows.get(i).speaker()).collect(Collectors.toSet());
    }

    static void assertPartition(List<Fold> folds, int n) {
        Set<Integer> tested = new HashSet<>();
        for (Fold f : folds) {
            assertEquals(n, f.train().length + f.test().length);
            for (int t : f.test()) {
                assertTrue(tested.add(t), "row tested twice");
            }
        }
        assertEquals(n, tested.size());
    }

    @Test
    void speakerFoldsNeverShareSpeakers() {
        List<ManifestRow> rows = rows();
        List<Fold> folds = Splitter.split(new SplitSpec("speaker", 4, 0, 1), rows);
        assertEquals(4, folds.size());
        assertPartition(folds, 80);
        for (Fold f : folds) {
            Set<String> test = speakers(rows, f.test());
            assertEquals(2, test.size());
            Set<String> train = speakers(rows, f.train());
            train.retainAll(test);
            assertTrue(train.isEmpty());
        }
        assertEquals(8, Splitter.split(new SplitSpec("speaker", 0, 0, 1), rows).size()); // leave one speaker out
        // deterministic for a seed
        assertEquals(Arrays.toString(folds.get(0).test()),
                Arrays.toString(Splitter.split(new SplitSpec("speaker", 4, 0, 1), rows).get(0).test()));
    }

    @Test
    void leaveOneSessionOut() {
        List<ManifestRow> rows = rows();
        List<Fold> folds = Splitter.split(new SplitSpec("session", 0, 0, 1), rows);
        assertEquals(List.of("Session1", "Session2", "Session3", "Session4"), folds.stream().map(Fold::name).toList());
        assertPartition(folds, 80);
    }

    @Test
    void kfoldRandomAndManifest() {
        List<ManifestRow> rows = rows();
        assertPartition(Splitter.split(new SplitSpec("kfold", 5, 0, 3), rows), 80);
        Fold r = Splitter.split(new SplitSpec("random", 0, 0.25, 3), rows).get(0);
        assertEquals(20, r.test().length);
        Fold m = Splitter.split(new SplitSpec("manifest", 0, 0, 0), rows).get(0);
        assertEquals(60, m.train().length);
        assertEquals(10, m.dev().length);
        assertEquals(10, m.test().length);
    }

    @Test
    void badSplitsAreClearErrors() {
        List<ManifestRow> rows = new ArrayList<>(rows());
        rows.set(5, new ManifestRow(7, "x", null, null, null, null, null, null, null, null, "holdout"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Splitter.split(new SplitSpec("speaker", 4, 0, 1), rows));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Splitter.split(new SplitSpec("manifest", 0, 0, 1), rows));
        assertTrue(e.getMessage().contains("line 7") && e.getMessage().contains("holdout"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splitter.split(new SplitSpec("speaker", 9, 0, 1), rows()));
        assertThrows(IllegalArgumentException.class, () -> new SplitSpec("bootstrap", 0, 0, 1));
    }

    @Test
    void devHoldOutTakesWholeSpeakers() {
        List<ManifestRow> rows = rows();
        int[] train = java.util.stream.IntStream.range(0, 80).toArray();
        int[][] parts = Splitter.holdOutDev(train, rows, 0.25, 5);
        Set<String> dev = speakers(rows, parts[1]);
        assertEquals(2, dev.size());
        Set<String> rest = speakers(rows, parts[0]);
        rest.retainAll(dev);
        assertTrue(rest.isEmpty());
        assertEquals(80, parts[0].length + parts[1].length);
    }
}
