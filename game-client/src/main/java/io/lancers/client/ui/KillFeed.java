package io.lancers.client.ui;

import io.lancers.client.render.SceneView.PlayerLook;
import io.lancers.sim.GameEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The kill feed at the top right: the last {@value #LINES} kills, oldest on top, each shown for six
 * seconds ("killer ➤ victim" in the players' colours, "☠ victim" for a death without a killer).
 *
 * <p>Its lines are made once and reused: a kill writes its names and colours into the oldest line and
 * moves it to the bottom (a reorder of the children, which keeps the node's styles), and an expired line
 * is hidden. A new node per kill cost a CSS pass on the FX thread in every kill's frame.
 */
final class KillFeed {
    static final int LINES = 5;
    private static final long SHOWN_NANOS = 6_000_000_000L;
    private static final Color MARK = Color.web("#ffd166");

    private final VBox box = new VBox(4);
    /** When each shown line's kill came, oldest first; the shown lines are the last ones in the box. */
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    KillFeed() {
        box.setId("kill-feed");
        box.setAlignment(Pos.TOP_RIGHT);
        box.setMouseTransparent(true);
        MatchHud.hugContent(box);
        for (int i = 0; i < LINES; i++) {
            TextFlow line = new TextFlow(new Text(), new Text(), new Text());
            line.getStyleClass().addAll("hud-box", "kill-line");
            line.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
            line.setCache(true);
            show(line, false);
            box.getChildren().add(line);
        }
    }

    Node node() {
        return box;
    }

    /** Adds a kill as the newest line and hides lines older than six seconds. */
    void update(List<GameEvent> events, long now, IntFunction<PlayerLook> looks) {
        for (GameEvent e : events) {
            if (e instanceof GameEvent.Kill kill) {
                add(kill, now, looks);
            }
        }
        while (!times.isEmpty() && now - times.peekFirst() > SHOWN_NANOS) {
            times.removeFirst();
            show(box.getChildren().get(LINES - times.size() - 1), false);
        }
    }

    private void add(GameEvent.Kill kill, long now, IntFunction<PlayerLook> looks) {
        boolean noKiller = kill.killerId() == kill.victimId() || kill.killerId() == 0;
        PlayerLook killer = looks.apply(kill.killerId());
        PlayerLook victim = looks.apply(kill.victimId());
        // The first child is the oldest line: hidden, or shown and about to be pushed out.
        TextFlow line = (TextFlow) box.getChildren().get(0);
        List<Node> texts = line.getChildren();
        set((Text) texts.get(0), noKiller ? "" : killer.name(), killer.color());
        set((Text) texts.get(1), noKiller ? "☠ " : "  ➤  ", MARK);
        set((Text) texts.get(2), victim.name(), victim.color());
        line.toFront();
        show(line, true);
        if (times.size() == LINES) {
            times.removeFirst();
        }
        times.addLast(now);
    }

    private static void set(Text text, String value, Color fill) {
        text.setText(value);
        text.setFill(fill);
    }

    private static void show(Node line, boolean shown) {
        line.setVisible(shown);
        line.setManaged(shown);
    }

    /** The shown lines' text, oldest first (for tests). */
    List<String> lines() {
        return box.getChildren().stream().filter(Node::isVisible)
                .map(n -> ((TextFlow) n).getChildren().stream().map(t -> ((Text) t).getText()).reduce("", String::concat))
                .toList();
    }
}
