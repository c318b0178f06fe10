package io.lancers.cache;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real nginx as our own process ({@code -c CONF -p DIR -g 'daemon off;'}) on a free loopback
 * port, caching in front of a game server with README.md's recipe ("Broadcasting to a big
 * audience") as written, pointed at our ports and directories.
 */
public final class Nginx implements AutoCloseable {
    private static final List<String> PLACES = List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx",
            "/usr/local/bin/nginx");
    private static final long START_PATIENCE_MILLIS = 15_000;

    private final Process process;
    private final int port;
    private final Path dir;

    private Nginx(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** The nginx binary, if installed. */
    public static Optional<Path> binary() {
        return PLACES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts nginx with README's recipe in front of {@code 127.0.0.1:originPort}.
     *
     * @param readme  README.md
     * @param workDir where its configuration, cache, logs and temp files go (a new directory inside)
     */
    public static Nginx start(Path binary, Path readme, int originPort, Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "nginx-").toAbsolutePath();
        // Run as root, nginx's workers run as another user: they must be able to write the cache and temp dirs.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path cache = writable(dir.resolve("cache"));
        int port = freePort();
        String recipe = recipe(readme)
                .replace("/var/cache/nginx/lancers", cache.toString())
                .replace("server 127.0.0.1:8025;", "server 127.0.0.1:" + originPort + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
        String conf = "worker_processes 1;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http {\n"
                + "access_log off;\n"
                + tempPaths(binary, dir)
                + recipe + "\n}\n";
        Path confFile = Files.writeString(dir.resolve("nginx.conf"), conf);
        Process process = new ProcessBuilder(binary.toString(), "-c", confFile.toString(), "-p", dir.toString(),
                "-e", dir.resolve("error.log").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Nginx nginx = new Nginx(process, port, dir);
        try {
            nginx.awaitListening();
        } catch (IOException | RuntimeException e) {
            nginx.close();
            throw e;
        }
        return nginx;
    }

    /** The port nginx listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The ```nginx block of README's "Broadcasting to a big audience". */
    public static String recipe(Path readme) throws IOException {
        Matcher block = Pattern.compile("## Broadcasting to a big audience.*?```nginx\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(readme));
        if (!block.find()) {
            throw new IOException(readme + " has no nginx recipe under \"Broadcasting to a big audience\"");
        }
        return block.group(1);
    }

    /** Temp paths of the modules this nginx has, inside our directory instead of /var/lib/nginx. */
    private static String tempPaths(Path binary, Path dir) throws IOException, InterruptedException {
        Process version = new ProcessBuilder(binary.toString(), "-V").redirectErrorStream(true).start();
        String configure = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor(10, TimeUnit.SECONDS);
        StringBuilder paths = new StringBuilder();
        Path temp = writable(dir.resolve("temp"));
        for (String module : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            boolean always = module.equals("client_body") || module.equals("proxy");
            boolean has = !configure.contains("--without-http_" + module + "_module")
                    && (always || configure.contains("--http-" + module + "-temp-path"));
            if (has) {
                paths.append(module).append("_temp_path ").append(writable(temp.resolve(module))).append(";\n");
            }
        }
        return paths.toString();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + START_PATIENCE_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + read(dir.resolve("stdout.log")) + read(dir.resolve("error.log")));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on " + port + ": " + read(dir.resolve("error.log")));
    }

    private static Path writable(Path directory) throws IOException {
        return Files.setPosixFilePermissions(Files.createDirectories(directory), PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
