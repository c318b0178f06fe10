package io.lancers.load;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * A JDK {@link WebSocket.Listener} that hands on whole messages: the JDK may deliver one in parts.
 * After each part it asks for the next, so a subclass only says what a message means.
 */
public abstract class WholeMessageListener implements WebSocket.Listener {
    private final StringBuilder textParts = new StringBuilder();
    private final ByteArrayOutputStream binaryParts = new ByteArrayOutputStream();

    /** A whole text message, on the client's thread. */
    protected abstract void onWholeText(WebSocket webSocket, String text);

    /**
     * A whole binary message, on the client's thread; ignored unless overridden.
     *
     * @param arrivedNanos {@link System#nanoTime()} when its last part arrived
     */
    protected void onWholeBinary(WebSocket webSocket, ByteBuffer message, long arrivedNanos) {
    }

    @Override
    public final CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        textParts.append(data);
        if (last) {
            String text = textParts.toString();
            textParts.setLength(0);
            onWholeText(webSocket, text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public final CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        long arrived = System.nanoTime();
        ByteBuffer message = data;
        if (!last || binaryParts.size() > 0) { // in parts: gather them; a whole one goes on without a copy
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binaryParts.writeBytes(part);
            message = null;
            if (last) {
                message = ByteBuffer.wrap(binaryParts.toByteArray());
                binaryParts.reset();
            }
        }
        if (message != null) {
            onWholeBinary(webSocket, message, arrived);
        }
        webSocket.request(1);
        return null;
    }
}
