package io.lancers.bench;

import io.lancers.bench.BenchMain.Common;
import io.lancers.bench.load.BroadcastOrigin;
import io.lancers.cache.Nginx;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code bench broadcast}: see its description and BENCHMARKS.md. */
@Command(name = "broadcast", mixinStandardHelpOptions = true,
        description = "Origin load of the HTTP broadcast: N viewers straight from the server vs behind nginx (README's recipe).")
final class BroadcastCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--viewers", split = ",", description = "viewer counts (default: 10,100,1000; 10,100 with --quick)")
    int[] viewers;

    @Option(names = "--fragments", description = "fragments each viewer follows (default: 10, 4 with --quick)")
    Integer fragments;

    @Option(names = "--readme", description = "README.md with the nginx recipe (default: ./README.md)")
    Path readme = Path.of("README.md");

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        int[] counts = viewers != null ? viewers : common.quick ? new int[]{10, 100} : new int[]{10, 100, 1000};
        int follow = fragments != null ? fragments : common.quick ? 4 : 10;
        ServerOptions config = ServerOptions.defaults().onLoopback().with(o -> {
            o.matches = 1;
            o.bots = 8;
            o.maxConnectionsPerAddress = 100_000;
            o.fragmentSeconds = 1;
            o.broadcastDelaySeconds = 2;
        });
        Optional<Path> nginxBinary = Nginx.binary();
        try (GameServer server = GameServer.start(config)) {
            out.printf("One room, 8 bots, 60 Hz, 1 s fragments, 2 s delay; each viewer follows %d fragments "
                    + "(arrivals spread over 3 s; a 404 is asked again after 200-300 ms).%n%n", follow);
            out.println("| viewers | via | parts fetched by viewers | origin part requests | distinct parts "
                    + "| origin requests per part | origin 404s | every tick played |");
            out.println("|---:|---|---:|---:|---:|---:|---:|---|");
            Nginx nginx = nginxBinary.isPresent()
                    ? Nginx.start(nginxBinary.get(), readme, server.port(), Path.of("target")) : null;
            try {
                awaitServable(server);
                for (int n : counts) {
                    row(out, BroadcastOrigin.run(server, null, n, follow));
                    if (nginx != null) {
                        row(out, BroadcastOrigin.run(server, nginx, n, follow));
                    }
                }
            } finally {
                if (nginx != null) {
                    nginx.close();
                }
            }
            if (nginx == null) {
                out.println("\nnginx is not installed: the rows behind the cache are missing.");
            }
        }
        return 0;
    }

    private static void row(PrintStream out, BroadcastOrigin.Result r) {
        out.printf(Locale.ROOT, "| %d | %s | %d | %d | %d | %.2f | %d | %s |%n", r.viewers(),
                r.cached() ? "nginx" : "direct", r.partsFetched(), r.originRequests(), r.originParts(),
                r.originRequestsPerPart(), r.originNotYet(), r.continuous() ? "yes" : "NO");
    }

    private static void awaitServable(GameServer server) throws InterruptedException {
        while (server.broadcasts().sync("m1").isEmpty()) {
            Thread.sleep(100);
        }
    }
}
