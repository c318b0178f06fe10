package io.lancers.server.watch;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.lancers.link.TcpRelay;
import io.lancers.load.LoadClient;
import io.lancers.protocol.ProtocolVersion;
import io.lancers.server.GameServer;
import io.lancers.server.ServerOptions;
import io.lancers.sim.GameMode;
import io.lancers.sim.Ship;
import io.lancers.sim.TeamScores;
import io.lancers.sim.World;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The spectator page in a real headless Chromium against the real server, through a relay whose
 * link can go silent: it lists the matches, spectates one, shows the server's ships by name and
 * on the canvas, decodes the very world the server sent for a tick, reconnects by itself when the
 * link goes silent, follows a ship on E, switches rooms and chats, plays the delayed HTTP broadcast
 * of the same match ({@code ?broadcast=m1}) to the same worlds, and leaves screenshots in
 * {@code target/watch-page*.png}. One browser session; a second, short one watches a team match
 * and sees its team score.
 */
class WatchPageTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** Heartbeats generous enough for a busy CI; the silent link is still noticed within 4 s. */
    private static final ServerOptions CONFIG = ServerOptions.defaults().onLoopback().with(o -> {
        o.matches = 2;
        o.bots = 4;
        o.maxSpectators = 2;
        o.heartbeatMs = 500;
        o.heartbeatMisses = 8;
        // The broadcast without delay and in 1 s fragments, so the page can follow it within the test.
        o.broadcastDelaySeconds = 0;
        o.fragmentSeconds = 1;
    });

    /** One room of team deathmatch, sharp bots: a team scores within seconds. */
    private static final ServerOptions TEAM_CONFIG = ServerOptions.defaults().onLoopback().with(o -> {
        o.matches = 1;
        o.bots = 6;
        o.botSkill = 1f;
        o.mode = GameMode.TDM;
        o.mapId = "foundry";
    });
    /** The HUD timer's team score: {@code round 1 · 4:51 · RED 2 : 1 BLUE}. */
    private static final Pattern TEAM_SCORE = Pattern.compile("RED (\\d+) : (\\d+) BLUE");

    /** Skips without Chromium, unless CI=true: then its absence fails. */
    private static void assumeChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        assumeTrue(present, "skipped: needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    }

    @Test
    void aTeamMatchShowsItsTeamScore() throws Exception {
        assumeChromium();
        Set<TeamScores> serverScores = ConcurrentHashMap.newKeySet();
        HttpClient http = HttpClient.newHttpClient();
        try (GameServer server = GameServer.start(TEAM_CONFIG)) {
            LoadClient witness = LoadClient.open(http, URI.create("ws://127.0.0.1:" + server.port()
                    + ProtocolVersion.ENDPOINT_PATH), "Witness", LoadClient.Entry.spectate("m1"), true, null);
            witness.onWorld((world, arrived) -> serverScores.add(world.match().teamScores()));
            ChromeDriver browser = browser();
            try {
                browser.get("http://127.0.0.1:" + server.port() + "/watch");
                clickWatch(browser, "m1");
                TeamScores shown = await("a team score above 0:0 under the timer").atMost(PATIENCE)
                        .until(() -> teamScoreShown(browser), score -> score != null && score.red() + score.blue() > 0);
                await("the server had that score").atMost(PATIENCE).until(() -> serverScores.contains(shown));
            } finally {
                browser.quit();
                witness.abort();
            }
        }
    }

    /** The team score the timer shows, or null without one. */
    private static TeamScores teamScoreShown(ChromeDriver browser) {
        Matcher m = TEAM_SCORE.matcher(browser.findElement(By.id("timer")).getText());
        return m.find() ? new TeamScores(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    @Test
    void thePageWatchesAMatchAndReconnectsWhenTheLinkGoesSilent() throws Exception {
        assumeChromium();

        Map<Integer, World> serverWorlds = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        try (GameServer server = GameServer.start(CONFIG); TcpRelay relay = new TcpRelay(server.port())) {
            // The server's own view of m1, tick by tick, from a spectator that decodes every world.
            LoadClient witness = LoadClient.open(http, URI.create("ws://127.0.0.1:" + server.port()
                    + ProtocolVersion.ENDPOINT_PATH), "Witness", LoadClient.Entry.spectate("m1"), true, null);
            witness.onWorld((world, arrived) -> {
                serverWorlds.put(world.tick(), world);
                serverWorlds.remove(world.tick() - 1200);
            });
            ChromeDriver browser = browser();
            try {
                JavascriptExecutor js = browser;
                browser.get("http://127.0.0.1:" + relay.port() + "/watch");

                await().atMost(PATIENCE).until(() -> !watchButtons(browser, "m1").isEmpty());
                assertEquals(2, browser.findElements(By.cssSelector("#matches tbody tr")).size(), "both rooms listed");
                clickWatch(browser, "m1");

                await().atMost(PATIENCE).until(() -> browser.findElement(By.id("badge")).isDisplayed());
                assertEquals("SPECTATING", browser.findElement(By.id("badge")).getText());
                Set<String> names = shipNames(http, server.port(), 0);
                assertEquals(4, names.size(), "the server's bots: " + names);
                await().atMost(PATIENCE).until(() -> scoreboardNames(js), shown -> shown.containsAll(names));

                await().atMost(PATIENCE).until(() -> paintedFraction(js) > 0.3);

                long framesBefore = framesDrawn(js);
                long measuredFrom = System.nanoTime();
                int matchedTick = await().atMost(PATIENCE).until(() -> sameWorld(js, serverWorlds), tick -> tick > 0);

                // The link goes silent: no bytes either way, sockets open. The page must notice by its
                // own heartbeat timeout, say so, and come back on a new link.
                long connectsBefore = connects(js);
                relay.silenceExisting();
                // State and banner read in one script: read one after the other, a quick reconnect on a
                // busy machine can fall between the two reads.
                await("the reconnecting banner shows").atMost(PATIENCE).until(() -> Boolean.TRUE.equals(js.executeScript(
                        "const banner = document.getElementById('banner');"
                                + " return document.getElementById('link').dataset.state === 'reconnecting'"
                                + " && !banner.hidden && getComputedStyle(banner).display !== 'none';")));
                await().atMost(PATIENCE).until(() -> "spectating".equals(link(js).get("state").toString())
                        && connects(js) > connectsBefore);
                int afterReconnect = await().atMost(PATIENCE).until(() -> sameWorld(js, serverWorlds),
                        tick -> tick > matchedTick);
                assertTrue(afterReconnect > matchedTick);
                await().atMost(PATIENCE).until(() -> !browser.findElement(By.id("banner")).isDisplayed());
                await().atMost(PATIENCE).until(() -> paintedFraction(js) > 0.3);

                long frames = framesDrawn(js) - framesBefore;
                double seconds = (System.nanoTime() - measuredFrom) / 1e9;
                System.out.printf("watch page: %d canvas frames in %.1f s = %.1f fps (headless Chromium, reconnect included)%n",
                        frames, seconds, frames / seconds);

                screenshot(browser, "watch-page.png");

                // E follows the next ship: the HUD names it, its scoreboard row is marked, the camera goes there.
                browser.findElement(By.tagName("body")).sendKeys("e");
                await().atMost(PATIENCE).until(() -> browser.findElement(By.id("follow")).getText().startsWith("following "));
                String followed = browser.findElement(By.id("follow")).getText().substring("following ".length());
                assertTrue(names.contains(followed), followed + " is one of " + names);
                await().atMost(PATIENCE).until(() -> followed.equals(js.executeScript(
                        "return document.querySelector('#scoreboard tr.followed .player')?.textContent;")));
                long framesNow = framesDrawn(js);
                await().atMost(PATIENCE).until(() -> framesDrawn(js) > framesNow + 60); // the camera glides there
                screenshot(browser, "watch-page-follow.png");

                // Back to the picker. m2 is full of spectators (the cap is 2): the page is refused like
                // any client and says so; once a seat is free it gets in, on the same connection.
                browser.findElement(By.id("back")).click();
                await().atMost(PATIENCE).until(() -> !watchButtons(browser, "m2").isEmpty());
                assertEquals("lobby", link(js).get("state"));
                long connectsInLobby = connects(js);
                URI game = URI.create("ws://127.0.0.1:" + server.port() + ProtocolVersion.ENDPOINT_PATH);
                List<LoadClient> crowd = List.of(
                        LoadClient.open(http, game, "Crowd1", LoadClient.Entry.spectate("m2")),
                        LoadClient.open(http, game, "Crowd2", LoadClient.Entry.spectate("m2")));
                crowd.forEach(client -> client.joined().join());
                clickWatch(browser, "m2");
                await().atMost(PATIENCE).until(() -> browser.findElement(By.id("picker-note")).getText(),
                        note -> note.contains("match_full"));
                assertFalse(browser.findElement(By.id("badge")).isDisplayed(), "still in the picker");
                crowd.get(0).close();
                await().atMost(PATIENCE).until(() -> spectators(http, server.port(), 1) == 1);
                clickWatch(browser, "m2");
                Set<String> m2Names = shipNames(http, server.port(), 1);
                await().atMost(PATIENCE).until(() -> scoreboardNames(js), shown -> shown.equals(m2Names));
                assertEquals(connectsInLobby, connects(js), "switching rooms needs no new connection");
                crowd.get(1).close();
                assertTrue(browser.findElement(By.id("match-title")).getText().startsWith("m2"));

                // Chat: read-only until asked for; a line goes out and comes back from the server.
                assertFalse(browser.findElement(By.id("chat-text")).isDisplayed());
                browser.findElement(By.id("chat-send")).click();
                browser.findElement(By.id("chat-text")).sendKeys("gg from a browser" + Keys.ENTER);
                await().atMost(PATIENCE).until(() -> browser.findElement(By.id("chat")).getText()
                        .contains("Spectator: gg from a browser"));

                // The same match as a delayed HTTP broadcast (docs/BROADCAST.md): same ships, same worlds.
                browser.get("http://127.0.0.1:" + server.port() + "/watch?broadcast=m1");
                await().atMost(PATIENCE).until(() -> browser.findElement(By.id("badge")).getText(),
                        badge -> badge.startsWith("SPECTATING · 0"));
                assertFalse(browser.findElement(By.id("chat-form")).isDisplayed(), "a broadcast is one-way");
                await().atMost(PATIENCE).until(() -> scoreboardNames(js), shown -> shown.containsAll(names));
                int broadcastTick = await().atMost(PATIENCE).until(() -> sameWorld(js, serverWorlds), tick -> tick > 0);
                await().atMost(PATIENCE).until(() -> sameWorld(js, serverWorlds), tick -> tick > broadcastTick);
                await().atMost(PATIENCE).until(() -> paintedFraction(js) > 0.3);
                screenshot(browser, "watch-page-broadcast.png");

                // The server goes away: the page says it is trying again (and, after a minute, that it is gone).
                server.close();
                await().atMost(PATIENCE).until(() -> "reconnecting".equals(
                        browser.findElement(By.id("link")).getAttribute("data-state")));
                assertTrue(browser.findElement(By.id("banner-text")).getText().startsWith("Reconnecting…"));

                List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                        .filter(entry -> !entry.getMessage().contains("WebSocket")) // the silenced link's close
                        // A delta part asked for before it is servable: 404 by design, asked again shortly.
                        .filter(entry -> !(entry.getMessage().contains("/broadcast/m1/") && entry.getMessage().contains("404")))
                        .filter(entry -> !entry.getMessage().contains("ERR_CONNECTION_REFUSED")) // the server closed on purpose
                        .toList();
                assertTrue(severe.isEmpty(), "browser errors: " + severe);
            } finally {
                browser.quit();
                witness.abort();
            }
        }
    }

    private static long framesDrawn(JavascriptExecutor js) {
        return ((Number) js.executeScript("return window.lancersWatch.framesDrawn();")).longValue();
    }

    private static void screenshot(ChromeDriver browser, String name) throws java.io.IOException {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static ChromeDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--no-first-run", "--disable-background-networking");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** The server's {@code index}-th room (m1, m2, …) in its /status. */
    private static JsonObject room(HttpClient http, int port, int index) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonObject room = JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("matches").get(index).getAsJsonObject();
        assertEquals("m" + (index + 1), room.get("id").getAsString());
        return room;
    }

    private static int spectators(HttpClient http, int port, int index) throws Exception {
        return room(http, port, index).get("spectators").getAsInt();
    }

    /** The picker's Watch button of a match, once listed (the list is redrawn whenever it comes). */
    private static List<WebElement> watchButtons(ChromeDriver browser, String matchId) {
        return browser.findElements(By.cssSelector("#matches tr[data-match-id='" + matchId + "'] button")).stream()
                .filter(WebElement::isDisplayed).toList();
    }

    /** Clicks a match's Watch button, again if the list was redrawn under the click. */
    private static void clickWatch(ChromeDriver browser, String matchId) {
        await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class).until(() -> {
            List<WebElement> buttons = watchButtons(browser, matchId);
            if (buttons.isEmpty()) {
                return false;
            }
            buttons.get(0).click();
            return true;
        });
    }

    /** The names of the ships of the server's {@code index}-th room (m1, m2, …), from its /status. */
    private static Set<String> shipNames(HttpClient http, int port, int index) throws Exception {
        return room(http, port, index).getAsJsonArray("players").asList().stream()
                .map(p -> p.getAsJsonObject().get("name").getAsString()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Read in one script: the page rebuilds the scoreboard a few times a second. */
    @SuppressWarnings("unchecked")
    private static Set<String> scoreboardNames(JavascriptExecutor js) {
        return Set.copyOf((List<String>) js.executeScript(
                "return [...document.querySelectorAll('#scoreboard td.name .player')].map(e => e.textContent);"));
    }

    /** The share of canvas pixels that are not the empty background. */
    private static double paintedFraction(JavascriptExecutor js) {
        Number fraction = (Number) js.executeScript("""
                const c = document.getElementById('arena');
                if (c.width === 0 || c.height === 0) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 0; i < d.length; i += 4) {
                  if (d[i] !== 0x07 || d[i + 1] !== 0x0b || d[i + 2] !== 0x16) painted++;
                }
                return painted / (d.length / 4);""");
        return fraction.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> link(JavascriptExecutor js) {
        return (Map<String, Object>) js.executeScript("return window.lancersWatch.link();");
    }

    private static long connects(JavascriptExecutor js) {
        return ((Number) link(js).get("connects")).longValue();
    }

    /**
     * The tick of the page's newest decoded world if the server's world of that tick has the very
     * same ships at the very same positions, else 0 (not yet comparable).
     */
    @SuppressWarnings("unchecked")
    private static int sameWorld(JavascriptExecutor js, Map<Integer, World> serverWorlds) {
        Map<String, Object> page = (Map<String, Object>) js.executeScript("return window.lancersWatch.worldAt();");
        if (page == null) {
            return 0;
        }
        int tick = ((Number) page.get("tick")).intValue();
        World server = serverWorlds.get(tick);
        if (server == null) {
            return 0;
        }
        List<Map<String, Number>> ships = (List<Map<String, Number>>) page.get("ships");
        assertNotNull(ships);
        assertEquals(server.ships().stream().map(Ship::id).toList(), ships.stream().map(s -> s.get("id").intValue()).toList(),
                "ship ids at tick " + tick);
        for (int i = 0; i < ships.size(); i++) {
            Ship expected = server.ships().get(i);
            assertEquals(expected.x(), ships.get(i).get("x").doubleValue(), 0.0, "x of ship " + expected.id() + " at tick " + tick);
            assertEquals(expected.y(), ships.get(i).get("y").doubleValue(), 0.0, "y of ship " + expected.id() + " at tick " + tick);
            assertEquals(expected.health(), ships.get(i).get("health").intValue(), "health of ship " + expected.id());
        }
        assertFalse(ships.isEmpty(), "ships at tick " + tick);
        return tick;
    }
}
