package io.lancers.client.ui;

import io.lancers.protocol.ServerMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The vote on the next map during the intermission, under the scoreboard: one button per option
 * with its votes, the host's pick marked (it wins), the player's own choice highlighted. A spectator
 * sees the tally without buttons to press. Hidden while a match is played. FX thread only.
 */
final class MapVotePanel extends VBox {
    private final boolean canVote;
    private final Consumer<String> vote;
    private final Label title = new Label();
    private final HBox options = new HBox(12);
    private String chosen;
    private boolean open;

    /** @param vote sends a vote (players only); the next {@code mapVote} shows it counted */
    MapVotePanel(boolean canVote, Consumer<String> vote) {
        super(10);
        this.canVote = canVote;
        this.vote = vote;
        setId("map-vote");
        getStyleClass().add("panel");
        setAlignment(Pos.CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        title.getStyleClass().add("score-head");
        options.setAlignment(Pos.CENTER);
        getChildren().addAll(title, options);
        setVisible(false);
    }

    void show(ServerMessage.MapVote ballot) {
        open = true;
        title.setText(ballot.hostPick() != null ? "NEXT MAP: THE HOST'S PICK"
                : canVote ? "VOTE FOR THE NEXT MAP (a tie goes to the first)" : "THE PLAYERS VOTE ON THE NEXT MAP");
        options.getChildren().clear();
        for (ServerMessage.VoteOption option : ballot.options()) {
            boolean picked = option.mapId().equals(ballot.hostPick());
            Button b = new Button(option.mapName() + "  ·  " + option.votes() + (option.votes() == 1 ? " vote" : " votes")
                    + (picked ? "  ·  host's pick" : ""));
            b.setId("vote-" + option.mapId());
            b.getStyleClass().add("menu-button");
            if (option.mapId().equals(chosen)) {
                b.getStyleClass().add("primary");
            }
            b.setDisable(!canVote);
            b.setFocusTraversable(false); // the match keeps the keyboard
            b.setOnAction(e -> {
                chosen = option.mapId();
                vote.accept(option.mapId());
            });
            options.getChildren().add(b);
        }
        setVisible(true);
    }

    /** Called every frame: the ballot shows only during an intermission that has one. */
    void intermission(boolean now) {
        if (!now && open) {
            open = false;
            chosen = null;
        }
        boolean visible = now && open;
        if (isVisible() != visible) {
            setVisible(visible);
        }
    }
}
