package io.lancers.client.net;

import io.lancers.protocol.ClientMessage;
import io.lancers.protocol.ControlCodec;
import io.lancers.protocol.InputFormat;
import io.lancers.protocol.ProtocolException;
import io.lancers.protocol.ServerMessage;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory transport: the test plays the server. Each {@link #open} is recorded as an
 * {@link Attempt}; the test accepts or refuses it, then talks through the accepted link.
 */
final class FakeTransport implements Transport {
    final List<Attempt> attempts = new ArrayList<>();

    @Override
    public void open(URI uri, Duration timeout, Handler handler) {
        attempts.add(new Attempt(handler));
    }

    Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    static final class Attempt {
        final Handler handler;
        final List<ClientMessage> texts = new ArrayList<>();
        final List<ByteBuffer> binaries = new ArrayList<>();
        int closeCode = -1;

        Attempt(Handler handler) {
            this.handler = handler;
        }

        Attempt accept() {
            handler.onOpen(new Link() {
                @Override
                public void sendText(String text) {
                    try {
                        texts.add(ControlCodec.decodeClient(text));
                    } catch (ProtocolException e) {
                        throw new AssertionError("client sent an invalid control message: " + text, e);
                    }
                }

                @Override
                public void sendBinary(ByteBuffer frame) {
                    binaries.add(frame);
                }

                @Override
                public InputFormat inputFormat() {
                    return InputFormat.V5;
                }

                @Override
                public void close(int code, String reason) {
                    closeCode = code;
                }
            });
            return this;
        }

        void refuse(String reason) {
            handler.onOpenFailed(reason);
        }

        void server(ServerMessage message) {
            handler.onText(ControlCodec.encode(message));
        }

        void serverBinary(byte[] frame) {
            handler.onBinary(ByteBuffer.wrap(frame));
        }

        void serverClose(int code) {
            handler.onClosed(code, "");
        }

        @SuppressWarnings("unchecked")
        <T extends ClientMessage> List<T> sent(Class<T> type) {
            return (List<T>) texts.stream().filter(type::isInstance).toList();
        }
    }
}
