package io.lancers.server.watch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the spectator page's JavaScript tests ({@code node --test} on {@code src/test/js/*.test.js})
 * from Maven's test phase. Without node it skips with a message, unless {@code CI=true}: then a
 * missing node fails the build, so a green CI run means the tests ran. A main, not a JUnit test:
 * Maven runs it after surefire, and its output is the test runner's own.
 */
public final class NodeTests {
    private NodeTests() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path module = Path.of(args.length > 0 ? args[0] : ".");
        String node = findNode();
        if (node == null) {
            if ("true".equals(System.getenv("CI"))) {
                System.err.println("[watch-page-js-tests] FAILED: node is not on the PATH and CI=true");
                System.exit(1);
            }
            System.out.println("[watch-page-js-tests] SKIPPED: node is not on the PATH (install Node 18+ to run them)");
            return;
        }
        List<String> command = new ArrayList<>(List.of(node, "--test"));
        try (Stream<Path> files = Files.list(module.resolve("src/test/js"))) {
            files.filter(f -> f.getFileName().toString().endsWith(".test.js")).sorted()
                    .forEach(f -> command.add(module.relativize(f).toString()));
        }
        Process process = new ProcessBuilder(command).directory(module.toFile()).inheritIO().start();
        System.exit(process.waitFor());
    }

    private static String findNode() {
        String name = System.getProperty("os.name").startsWith("Windows") ? "node.exe" : "node";
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
