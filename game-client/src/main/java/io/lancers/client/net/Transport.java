package io.lancers.client.net;

import io.lancers.client.tls.CertificateRefusal;
import io.lancers.protocol.InputFormat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Opens WebSocket links. The seam between {@link GameConnection}'s state machine and the socket:
 * the game uses {@link TyrusTransport}; the state machine's unit tests use an in-memory one so they
 * can step time.
 */
interface Transport {

    /**
     * Starts opening a link offering the spoken subprotocols ({@code lancers.v5}); returns at once. Later
     * exactly one of {@link Handler#onOpen}, {@link Handler#onOpenFailed} or
     * {@link Handler#onCertificateRefused} is called, and after
     * {@code onOpen} the link's frames and finally its close.
     */
    void open(URI uri, Duration timeout, Handler handler);

    /** One open WebSocket. Sends are asynchronous and never block the caller. */
    interface Link {
        void sendText(String text);

        void sendBinary(ByteBuffer frame);

        /** INPUT's layout under the subprotocol the server picked. */
        InputFormat inputFormat();

        /** Starts closing with {@code code}; the handler still gets {@link Handler#onClosed}. */
        void close(int code, String reason);
    }

    /** Events of one link, in order, on transport threads. */
    interface Handler {
        void onOpen(Link link);

        void onOpenFailed(String reason);

        /** Instead of {@link #onOpenFailed}: the server's certificate is not trusted. */
        void onCertificateRefused(CertificateRefusal refusal);

        void onText(String text);

        void onBinary(ByteBuffer frame);

        void onClosed(int code, String reason);
    }
}
