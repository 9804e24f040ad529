package io.emofuse.training.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReliabilityPlotTest {

    @Test
    void readsBinsAndWritesAPng(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("bins.csv"), String.join("\n",
                "series,bin_low,bin_high,count,confidence,accuracy",
                "\"T = 1 (raw), ECE 0.103\",0.0,0.1,0,0.0000,0.0000",
                "\"T = 1 (raw), ECE 0.103\",0.3,0.4,12,0.3500,0.2500",
                "\"T = 1.6, ECE 0.057\",0.3,0.4,20,0.3400,0.3000",
                "\"T = 1.6, ECE 0.057\",0.9,1.0,5,0.9400,1.0000", ""));
        Map<String, List<ReliabilityPlot.Bin>> s = ReliabilityPlot.read(csv);
        assertEquals(List.of("T = 1 (raw), ECE 0.103", "T = 1.6, ECE 0.057"), List.copyOf(s.keySet()));
        assertEquals(List.of(new ReliabilityPlot.Bin(0.35, 0.25, 12)), s.get("T = 1 (raw), ECE 0.103"), "empty bins left out");
        assertEquals(2, s.get("T = 1.6, ECE 0.057").size());
        Path png = dir.resolve("reliability.png");
        ReliabilityPlot.write(png, "test", s);
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
    }

    @Test
    void refusesAnotherLayout(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        assertThrows(IllegalArgumentException.class, () -> ReliabilityPlot.read(csv));
    }
}
