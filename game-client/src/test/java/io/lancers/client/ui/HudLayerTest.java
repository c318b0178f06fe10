package io.lancers.client.ui;

import io.lancers.client.testing.Fx;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HUD layer puts every box where the {@code BorderPane} of two {@code BorderPane} rows it replaced put it, to
 * the pixel (the same place and size, so the same pixels): the boxes of both built alike and compared with tall and
 * short top rows (a long kill feed, a long status box), an empty and a shown banner, a chat with lines, and window
 * sizes whose centring falls on half pixels.
 */
@ExtendWith(ApplicationExtension.class)
class HudLayerTest {
    private Pane root;

    @Start
    void start(Stage stage) {
        root = new Pane();
        Scene scene = new Scene(root, 1400, 700);
        scene.getStylesheets().add(ClientWindow.class.getResource("lancers.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** What the boxes show: the status box's lines, the feed's lines, the banner, the chat's lines. */
    private record Shown(List<String> status, List<String> feed, String banner, List<String> chat) {}

    @Test
    void everyBoxIsWhereTheBorderPanesHadIt() {
        List<Shown> cases = List.of(
                new Shown(List.of("HP 100", "Kills 0   Deaths 0", "16 ships in Arena (16 alive)"), List.of(), "", List.of()),
                new Shown(List.of("HP 25", "Kills 3   Deaths 1   POWER", "16 ships in Arena (9 alive)"),
                        List.of("Bot 2  ➤  Cara", "☠ You", "Wilhelmina the Unhurried  ➤  Bot 11", "a  ➤  b", "Ann  ➤  Bob"),
                        "Respawning in 3…", List.of("Bot 2: gg", "Cara: a much longer line of chat than the rest")),
                new Shown(List.of("HP 7", "Kills 12   Deaths 10   POWER   LANCE ×3", "3 ships in Arena (1 alive)", "x", "y",
                        "z", "w"), List.of("a  ➤  b"), "Waiting to spawn…", List.of("hi")));
        for (double[] size : new double[][] {{1400, 900}, {1001, 777}, {640, 481}, {300, 200}}) {
            for (Shown shown : cases) {
                assertSamePlaces(shown, size[0], size[1]);
            }
        }
    }

    private void assertSamePlaces(Shown shown, double width, double height) {
        List<String> places = Fx.get(() -> {
            List<Node> ours = boxes(shown);
            List<Node> theirs = boxes(shown);
            Region layer = new HudLayer(ours.get(0), ours.get(1), ours.get(2), ours.get(3), ours.get(4), ours.get(5));
            Region borderPanes = borderPanes(theirs);
            List<String> found = new ArrayList<>();
            for (Region r : new Region[] {layer, borderPanes}) {
                r.setManaged(false);
                root.getChildren().setAll(r);
                r.resizeRelocate(0, 0, width, height);
                root.applyCss();
                r.layout();
                for (Node box : r == layer ? ours : theirs) {
                    found.add(String.valueOf(box.localToScene(box.getLayoutBounds())));
                }
            }
            return found;
        });
        assertEquals(places.subList(6, 12), places.subList(0, 6), shown + " at " + width + "x" + height);
    }

    /** The status box, the timer, the kill feed, the banner, the chat and the net stats, styled as in the HUD. */
    private static List<Node> boxes(Shown shown) {
        VBox status = box(new VBox(4));
        for (String line : shown.status()) {
            status.getChildren().add(label(line, "hud-small"));
        }
        VBox top = new VBox(2, label("1:59", "hud-timer"), label("Round 1  ·  first to 20", "hud-small"));
        top.setAlignment(Pos.TOP_CENTER);
        VBox timer = box(new VBox(top));
        timer.setAlignment(Pos.TOP_CENTER);
        VBox feed = new VBox(4);
        feed.setAlignment(Pos.TOP_RIGHT);
        MatchHud.hugContent(feed);
        for (String line : shown.feed()) {
            // As the kill feed's lines: a text flow (a width-bound height) in a box.
            TextFlow flow = new TextFlow(new Text(line));
            flow.getStyleClass().addAll("hud-box", "kill-line");
            feed.getChildren().add(flow);
        }
        Label banner = label(shown.banner(), "center-banner");
        ChatPanel chat = new ChatPanel(200, text -> { }, () -> { });
        for (String line : shown.chat()) {
            chat.systemLine(line, false);
        }
        VBox net = box(new VBox(label("ping 12 ms\nloss 0 %", "net-stats")));
        return List.of(status, timer, feed, banner, chat, net);
    }

    private static Label label(String text, String... styleClasses) {
        Label label = new Label(text);
        label.getStyleClass().addAll(styleClasses);
        return label;
    }

    private static VBox box(VBox box) {
        box.getStyleClass().add("hud-box");
        MatchHud.hugContent(box);
        return box;
    }

    /** The HUD layer as it was built before {@link HudLayer}. */
    private static Region borderPanes(List<Node> boxes) {
        BorderPane layer = new BorderPane();
        layer.setPadding(new Insets(14));
        BorderPane topRow = new BorderPane();
        topRow.setLeft(boxes.get(0));
        topRow.setCenter(boxes.get(1));
        topRow.setRight(boxes.get(2));
        BorderPane.setAlignment(boxes.get(1), Pos.TOP_CENTER);
        layer.setTop(topRow);
        layer.setCenter(boxes.get(3));
        BorderPane bottomRow = new BorderPane();
        bottomRow.setLeft(boxes.get(4));
        bottomRow.setRight(boxes.get(5));
        BorderPane.setAlignment(boxes.get(5), Pos.BOTTOM_RIGHT);
        BorderPane.setAlignment(boxes.get(4), Pos.BOTTOM_LEFT);
        layer.setBottom(bottomRow);
        return layer;
    }
}
