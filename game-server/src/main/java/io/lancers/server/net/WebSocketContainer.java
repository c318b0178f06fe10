package io.lancers.server.net;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.util.Map;
import java.util.Set;

/**
 * Tyrus's server container without its own HTTP server: {@link LancersHttpServer} plugs the engine
 * into a Grizzly listener it built itself (Tyrus's {@code WebSocketAddOn}), so the bind address,
 * the thread pools and the plain HTTP routes on the same port are ours to choose.
 */
final class WebSocketContainer extends TyrusServerContainer {
    private static final String ROOT_PATH = "";
    /** One read plus the unfinished frames before it: frames within our limits never overflow it (32 KiB). */
    private static final int INCOMING_BUFFER_BYTES = NetServer.READ_CHUNK_BYTES + 2 * NetServer.MAX_TEXT_FRAME_BYTES;
    private final TyrusWebSocketEngine engine;

    WebSocketContainer() {
        super((Set<Class<?>>) null);
        // Bounds what one connection can make Tyrus buffer: a larger frame is closed with 1009
        // before it is ever assembled (the limits of the protocol are checked in Connection).
        engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(INCOMING_BUFFER_BYTES).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, ROOT_PATH);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, ROOT_PATH);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }

    /** Container properties (thread pools, buffer sizes) Tyrus would read: none, ours are set on the listener. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    static String rootPath() {
        return ROOT_PATH;
    }
}
