package io.lancers.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line is whole: every measurement answers to its name and takes the common options. */
class BenchMainTest {

    @Test
    void everyMeasurementIsASubcommandWithTheCommonOptions() {
        CommandLine bench = new CommandLine(new BenchMain());
        assertEquals(Set.of("bandwidth", "tickcost", "export", "fanout", "latency", "unlag", "slowreader", "reconnect",
                "replay", "broadcast"), bench.getSubcommands().keySet());
        bench.getSubcommands().forEach((name, sub) -> {
            assertTrue(sub.getCommandSpec().findOption("--quick") != null, name + " takes --quick");
            assertTrue(sub.getCommandSpec().findOption("--out") != null, name + " takes --out");
        });
    }

    @Test
    void helpListsThem() {
        StringWriter text = new StringWriter();
        CommandLine bench = new CommandLine(new BenchMain()).setOut(new PrintWriter(text));
        assertEquals(0, bench.execute("--help"));
        assertTrue(text.toString().contains("fanout"), text.toString());
    }
}
