package io.lancers.client.ui;

import io.lancers.client.tls.CertificateRefusal;
import io.lancers.tls.Fingerprint;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The question trust on first use asks, over whatever screen is showing: a {@code wss://} server's
 * certificate is unknown (its fingerprint, Trust and connect, Cancel), or it changed for a host:port
 * trusted before (a loud warning with both fingerprints and only Close: no one-click way past it).
 * Nothing here touches the network; the window connects again once the player has answered.
 */
final class TrustPrompt {
    static final String ID = "trust-prompt";
    private static final double TEXT_WIDTH = 620;

    private TrustPrompt() {
    }

    /**
     * @param trust   the player trusts the certificate (only offered when it is unknown, not changed)
     * @param dismiss the player declined, or closed the warning
     */
    static StackPane of(CertificateRefusal refusal, Runnable trust, Runnable dismiss) {
        StackPane[] layer = new StackPane[1];
        Runnable close = () -> {
            ((StackPane) layer[0].getParent()).getChildren().remove(layer[0]);
            dismiss.run();
        };
        if (refusal.changed()) {
            Label title = heading("WARNING: THE SERVER'S CERTIFICATE HAS CHANGED", "error-text");
            Label body = text("Someone may be impersonating " + refusal.address() + " (a man-in-the-middle attack), "
                    + "or its host made a new certificate. Lancers will not connect to it.");
            Label advice = text("If the host confirms the new fingerprint, remove the line of " + refusal.address()
                    + " from " + (refusal.knownHosts() == null ? "the known hosts file" : refusal.knownHosts())
                    + " and connect again.");
            Button ok = Overlays.menuButton("Close", "trust-close", close);
            ok.setDefaultButton(true);
            ok.setCancelButton(true);
            layer[0] = Overlays.dimmed(ID, title, body, text("Trusted before:"),
                    fingerprint(refusal.known(), "trust-known"), text("Presented now:"),
                    fingerprint(refusal.presented(), "trust-fingerprint"), advice, ok);
        } else {
            Label title = heading("UNKNOWN SERVER CERTIFICATE", "heading");
            Label body = text(refusal.address() + " speaks TLS with a certificate this computer does not know. "
                    + "Compare its SHA-256 fingerprint with the one the host sees (the server prints it at start):");
            Label advice = text("Trust it only if they match. Lancers remembers it for " + refusal.address()
                    + " and warns you if it ever changes.");
            advice.getStyleClass().add("dim");
            Button accept = Overlays.menuButton("Trust and connect", "trust-accept", () -> {
                ((StackPane) layer[0].getParent()).getChildren().remove(layer[0]);
                trust.run();
            });
            accept.getStyleClass().add("primary");
            Button cancel = Overlays.menuButton("Cancel", "trust-cancel", close);
            cancel.setCancelButton(true);
            HBox buttons = new HBox(12, accept, cancel);
            buttons.setAlignment(Pos.CENTER);
            layer[0] = Overlays.dimmed(ID, title, body, fingerprint(refusal.presented(), "trust-fingerprint"), advice,
                    buttons);
        }
        return layer[0];
    }

    private static Label heading(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll("heading", style);
        return label;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(TEXT_WIDTH);
        return label;
    }

    /** In two lines of 16 pairs, easier to compare than one of 95 characters. */
    static Label fingerprint(Fingerprint fingerprint, String id) {
        String text = fingerprint.toString();
        Label label = new Label(text.substring(0, 47) + "\n" + text.substring(48));
        label.setId(id);
        label.getStyleClass().add("address");
        return label;
    }
}
