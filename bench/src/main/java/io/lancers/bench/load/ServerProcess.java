package io.lancers.bench.load;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.management.OperatingSystemMXBean;
import io.lancers.map.MapLoader;
import io.lancers.protocol.JsonText;
import io.lancers.server.ServerOptions;
import io.lancers.server.ServerMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The server under test in a child JVM on 127.0.0.1: the dedicated server's own main
 * ({@link ServerMain}, hence {@code GameServer.start}) with flags for one room {@value #MATCH_ID} of
 * bots on the first built-in map, an hour long without a kill limit (the reference match's rules),
 * and room for the load commands' thousands of spectators and connections from one address. Its
 * {@code GET /status} is the server's; heap and CPU, which a server does not publish, the child
 * reports on its standard output when asked on its standard input ({@link #process()}).
 */
public final class ServerProcess implements AutoCloseable {
    public static final String MATCH_ID = "m1";
    /** Above the largest fan-out (2000 spectators and the probe). */
    private static final int MAX_SPECTATORS = 2500;
    /** Every client of the harness connects from 127.0.0.1. */
    private static final int MAX_CONNECTIONS_PER_ADDRESS = 100_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String LISTENING_LINE = "listening ";
    private static final String PROCESS_LINE = "PROCESS ";
    /**
     * Writes as the server's own JSON is written, not HTML-safe: the meter runs in the server's JVM, and an
     * HTML-safe JsonWriter took a branch there that the server's never takes, which deoptimized its compiled
     * JSON writing at the window's first reading.
     */
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final long NANOS_PER_CLOCK_TICK = 10_000_000;
    private static final Pattern SENDER_THREAD = Pattern.compile("match-.+-send-\\d+");

    private final String kind;
    private final Process process;
    private final int port;
    private final Path log;
    private final BufferedReader childOut;
    private final Writer childIn;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * The child's heap and CPU.
     *
     * @param heapLiveBytes heap in use right after the last collection of each pool, i.e. without garbage
     * @param cpuNanos      CPU time the whole process has used so far
     * @param userNanos     the part of it spent in user space (Linux {@code /proc/self/stat}), -1 where unknown
     * @param systemNanos   the part spent in the kernel on its behalf (sends and receives), -1 where unknown
     * @param senderNanos   CPU time of the rooms' sender threads ({@code match-<id>-send-<n>}), which make every
     *                      send (the write through Tyrus and Grizzly, and the system call): the send path alone
     * @param threadNanos   user and kernel CPU time ({@code {user, system}}) of the threads of each
     *                      {@link #threadGroup} so far (Linux {@code /proc/self/task}); empty elsewhere
     */
    public record ProcessMetrics(long heapUsedBytes, long heapLiveBytes, long heapCommittedBytes, long cpuNanos,
                                 long userNanos, long systemNanos, long senderNanos, Map<String, long[]> threadNanos) {
    }

    /** Thread groups of the server JVM by what they do, from a thread's name as Linux keeps it (15 characters). */
    private static final List<Map.Entry<String, Pattern>> THREAD_GROUPS = List.of(
            Map.entry("senders", Pattern.compile("match-.+-send.*")),
            Map.entry("tick", Pattern.compile("match-.+-tick.*")),
            Map.entry("network", Pattern.compile("lancers-worker.*|lancers-selecto.*|tyrus-.*|HttpServer.*")),
            Map.entry("heartbeats", Pattern.compile("lancers-heartbe.*")),
            Map.entry("JIT", Pattern.compile("C[12] CompilerThre.*|Sweeper thread")),
            Map.entry("GC+VM", Pattern.compile("GC Thread.*|G1 .*|VM .*")));

    /**
     * What a server thread named {@code comm} does: senders (the send path), tick (the room's tick thread),
     * network (Grizzly's selectors and workers, i.e. reading and the handshakes), heartbeats, JIT (the
     * compiler threads), GC+VM, or other.
     */
    public static String threadGroup(String comm) {
        return THREAD_GROUPS.stream().filter(group -> group.getValue().matcher(comm).matches())
                .map(Map.Entry::getKey).findFirst().orElse("other");
    }

    /** Starts a fresh server for a run: the Lancers server with bots, or the Node peer (which has none). */
    public interface Starter {
        ServerProcess start(int bots) throws IOException;
    }

    private ServerProcess(String kind, Process process, int port, Path log, BufferedReader childOut) {
        this.kind = kind;
        this.process = process;
        this.port = port;
        this.log = log;
        this.childOut = childOut;
        this.childIn = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Starts the server with this JVM's class path and the server's default heartbeat. */
    public static ServerProcess start(int bots) throws IOException {
        return start(bots, ServerOptions.defaults().heartbeatInterval());
    }

    /**
     * As {@link #start(int)}, with another heartbeat interval (the timeout stays three intervals). The
     * child ends itself when this process goes (its standard input closes).
     */
    public static ServerProcess start(int bots, Duration heartbeatInterval) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(flags(bots, heartbeatInterval));
        return launch("lancers", command);
    }

    /**
     * The comparison peer instead of the Lancers server: {@code node SCRIPT MESSAGES FRAME_BYTES}, which
     * sends one shared state frame of {@code frameBytes} per tick to every spectator with Node's {@code ws}
     * (bench/node/fanout-server.js); it prints the same listening line and answers the same PROCESS
     * question (CPU only), and has no {@code /status}.
     */
    public static ServerProcess nodePeer(Path script, Path messages, int frameBytes) throws IOException {
        return launch("node ws", List.of("node", script.toString(), messages.toString(), String.valueOf(frameBytes)));
    }

    private static ServerProcess launch(String kind, List<String> command) throws IOException {
        Path log = Files.createTempFile("bench-server-", ".log");
        log.toFile().deleteOnExit();
        Process process = new ProcessBuilder(command)
                .redirectError(log.toFile()) // its log, one line per event: read by runs that need the server's word
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            if (line.startsWith(LISTENING_LINE)) {
                return new ServerProcess(kind, process,
                        URI.create(line.substring(LISTENING_LINE.length()).trim()).getPort(), log, out);
            }
        }
        process.destroy();
        throw new IOException("the " + kind + " server did not say it was listening; its log: " + log);
    }

    /** The dedicated server's flags for the room described above. */
    private static List<String> flags(int bots, Duration heartbeatInterval) {
        return List.of("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--name", "bench",
                "--matches", "1", "--map", MapLoader.builtInIds().get(0),
                "--bots", String.valueOf(bots), "--max-players", String.valueOf(Math.max(bots, 1)),
                "--max-spectators", String.valueOf(MAX_SPECTATORS),
                "--max-connections-per-address", String.valueOf(MAX_CONNECTIONS_PER_ADDRESS),
                "--match-minutes", "60", "--kill-limit", "0",
                "--heartbeat-ms", String.valueOf(heartbeatInterval.toMillis()));
    }

    /** For the printed tables: "lancers" or "node ws". */
    public String kind() {
        return kind;
    }

    /** The bench's one room in the server's {@code /status}; empty for the Node peer, which has none. */
    public Optional<JsonObject> room() throws IOException, InterruptedException {
        if (!kind.equals("lancers")) {
            return Optional.empty();
        }
        return Optional.of(status().getAsJsonArray("matches").get(0).getAsJsonObject());
    }

    public URI gameUri() {
        return URI.create("ws://127.0.0.1:" + port + "/game");
    }

    public int port() {
        return port;
    }

    /** {@code GET /status}: the server's document (docs/PROTOCOL.md §3). */
    public JsonObject status() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** The child's heap and CPU now (the Node peer: CPU only, the rest 0). */
    public synchronized ProcessMetrics process() throws IOException {
        childIn.write("\n");
        childIn.flush();
        for (String line; (line = childOut.readLine()) != null; ) {
            if (line.startsWith(PROCESS_LINE)) {
                return GSON.fromJson(line.substring(PROCESS_LINE.length()), ProcessMetrics.class);
            }
        }
        throw new IOException("the server process ended; its log: " + log);
    }

    /** The lines of the server's log so far that contain {@code text}. */
    public List<String> logLines(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * The child's main: the dedicated server with the given flags, and a thread that answers each line
     * on standard input with a {@code PROCESS} line of {@link ProcessMetrics} and stops the JVM when
     * standard input ends (the shutdown hook of the server says 1001 to every client).
     */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] flags) {
            Thread meter = new Thread(Child::answerUntilTheHarnessGoes, "bench-meter");
            meter.setDaemon(true);
            meter.start();
            ServerMain.main(flags);
        }

        private static void answerUntilTheHarnessGoes() {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try {
                while (in.readLine() != null) {
                    // As the server's own JSON is written (JsonText): this runs in the server's JVM.
                    System.out.println(PROCESS_LINE + JsonText.of(GSON, measure()));
                    System.out.flush();
                }
            } catch (IOException e) {
                // standard input is gone: as good as its end
            }
            System.exit(0);
        }

        private static ProcessMetrics measure() {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long live = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                    .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] userSystem = userAndSystemNanos(Path.of("/proc/self/stat"));
            return new ProcessMetrics(heap.getUsed(), live, heap.getCommitted(), os.getProcessCpuTime(), userSystem[0],
                    userSystem[1], senderCpuNanos(), threadGroupNanos());
        }

        /** {@link ProcessMetrics#threadNanos}: every live thread's {@code /proc/self/task/<tid>/stat}, summed per group. */
        private static Map<String, long[]> threadGroupNanos() {
            Map<String, long[]> groups = new TreeMap<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                for (Path task : tasks) {
                    long[] userSystem = userAndSystemNanos(task.resolve("stat"));
                    if (userSystem[0] >= 0) {
                        String comm = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
                        groups.merge(threadGroup(comm), userSystem, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                    }
                }
            } catch (IOException | RuntimeException notLinux) {
                return Map.of();
            }
            return groups;
        }

        /** The sender threads are the server's own ({@code Match}): named {@code match-<id>-send-<n>}. */
        private static long senderCpuNanos() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && SENDER_THREAD.matcher(thread.getThreadName()).matches()) {
                    sum += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            return sum;
        }

        /**
         * utime and stime of a {@code /proc} stat file, the process's or a thread's (fields 14 and 15, after the
         * parenthesised name), in clock ticks of 1/100 s: USER_HZ is 100 on every Linux architecture's user ABI.
         * {-1, -1} elsewhere (or for a thread that has ended).
         */
        private static long[] userAndSystemNanos(Path statFile) {
            try {
                String stat = Files.readString(statFile, StandardCharsets.US_ASCII);
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[0] is field 3 (state): utime is field 14, stime 15
                return new long[] {Long.parseLong(fields[11]) * NANOS_PER_CLOCK_TICK,
                        Long.parseLong(fields[12]) * NANOS_PER_CLOCK_TICK};
            } catch (IOException | RuntimeException notLinux) {
                return new long[] {-1, -1};
            }
        }
    }
}
