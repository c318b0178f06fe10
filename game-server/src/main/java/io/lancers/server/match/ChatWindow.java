package io.lancers.server.match;

import java.util.ArrayDeque;

/** Sliding-window rate limit for one sender's chat, on the tick clock. Tick thread only. */
final class ChatWindow {
    private final int limit;
    private final int windowTicks;
    private final ArrayDeque<Integer> acceptedAt = new ArrayDeque<>();

    ChatWindow(int limit, int windowTicks) {
        this.limit = limit;
        this.windowTicks = windowTicks;
    }

    /** Records a message at {@code tick} and returns true, unless {@code limit} were accepted in the window. */
    boolean tryAcquire(int tick) {
        while (!acceptedAt.isEmpty() && tick - acceptedAt.peekFirst() >= windowTicks) {
            acceptedAt.removeFirst();
        }
        if (acceptedAt.size() >= limit) {
            return false;
        }
        acceptedAt.addLast(tick);
        return true;
    }
}
