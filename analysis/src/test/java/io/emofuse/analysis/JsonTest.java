package io.emofuse.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emofuse.linguistic.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times leave every face rounded to milliseconds; other numbers as they are. */
class JsonTest {

    /** A record as a face writes one: seconds fields and a non-time double. */
    record Timed(double durationS, Double endS, double valence, int count) {
    }

    @Test
    void secondsAreRoundedToMillisecondsAtTheWriter() {
        assertEquals("{\"word\":\"door\",\"start\":0.15,\"end\":0.33,\"conf\":0.987654321}",
                Json.write(new Word("door", 0.1499999999999999, 0.33000000000000007, 0.987654321)));
        assertEquals("{\"duration_s\":2.4,\"end_s\":null,\"valence\":3.123456789,\"count\":3}",
                Json.write(new Timed(2.4000000000000004, null, 3.123456789, 3)));
        assertEquals("[{\"word\":\"a\",\"start\":1.235,\"end\":2.0,\"conf\":1.0}]",
                Json.MAPPER.valueToTree(List.of(new Word("a", 1.2349999, 2.0, 1.0))).toString());
        assertEquals(0.15, Json.millis(0.1499999999999999), 0.0);
        assertEquals(Double.NaN, Json.millis(Double.NaN), 0.0);
    }
}
