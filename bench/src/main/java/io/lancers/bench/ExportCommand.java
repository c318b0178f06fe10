package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code bench export}: see its description and BENCHMARKS.md. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the reference match as JSON lines, one world per tick (fields: see WorldJson).")
final class ExportCommand implements Runnable {
    @Mixin
    Common common;

    @Option(names = "--players", description = "bots in the match (default: 16)")
    int players = ReferenceMatch.PLAYERS;

    @Option(names = "--file", description = "output file (default: target/reference-match.jsonl)")
    Path file = Path.of("target/reference-match.jsonl");

    @Override
    public void run() {
        ReferenceMatch match = common.match().withPlayers(players);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                WorldJson.writeLines(match.worlds(), writer);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        System.out.printf("%d worlds (ticks 0..%d) of %s written to %s%n", match.ticks() + 1, match.ticks(),
                match, file);
    }
}
