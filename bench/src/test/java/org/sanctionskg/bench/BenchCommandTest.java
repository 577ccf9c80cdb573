package org.sanctionskg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bench's settings, refused or defaulted before anything runs. */
class BenchCommandTest {

    @Test
    void aNegativeWarmupIsRefusedWithOneLineAndExitCodeOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BenchCommand.run(new PrintWriter(out), new PrintWriter(err), "--warmup", "-1");
        assertEquals(1, code);
        assertEquals("error: Illegal --warmup (must be 0 or more)", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void theWarmupDefaultsToAQuarterOfTheMeasuredSecondsFromTwoToFive() {
        assertEquals(Duration.ofSeconds(2), BenchSettings.defaultWarmup(Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(3), BenchSettings.defaultWarmup(Duration.ofSeconds(12)));
        assertEquals(Duration.ofSeconds(5), BenchSettings.defaultWarmup(Duration.ofSeconds(20)));
        assertEquals(Duration.ofSeconds(5), BenchSettings.defaultWarmup(Duration.ofSeconds(600)));
    }
}
