package io.lancers.protocol;

/**
 * Reads the one message every client sends every second, {@code heartbeatAck}, when it comes exactly as
 * every Lancers encoder writes it: {@code {"type":"heartbeatAck","t":98765}}. Anything else, another member
 * order, a space, a number of another form, is not read here but by {@link ControlCodec}'s decoder, which gives
 * the same record or the error. A server at a thousand spectators reads a thousand of these a second; through
 * the general decoder each cost a JSON reader with its 1024-character buffer, a {@code BigDecimal} and a
 * reflective constructor call, and the JIT compiled all of that in a fresh server's first minute
 * (BENCHMARKS.md §3, issue 14 step 6).
 */
final class HeartbeatAckText {
    private static final String PREFIX = "{\"type\":\"heartbeatAck\",\"t\":";
    /** Up to 18 digits cannot overflow a long; longer numbers go to the general decoder. */
    private static final int MOST_DIGITS = 18;

    private HeartbeatAckText() {
    }

    /** The ack in {@code json} if it is in the canonical form, else null (the general decoder's to read). */
    static ClientMessage.HeartbeatAck read(String json) {
        int end = json.length() - 1;
        if (!json.startsWith(PREFIX) || json.charAt(end) != '}') {
            return null;
        }
        int at = PREFIX.length();
        boolean negative = at < end && json.charAt(at) == '-';
        if (negative) {
            at++;
        }
        int digits = end - at;
        if (digits < 1 || digits > MOST_DIGITS || (json.charAt(at) == '0' && digits > 1)) {
            return null; // no number, too long, or a leading zero (not JSON: the decoder says so)
        }
        long t = 0;
        for (; at < end; at++) {
            char c = json.charAt(at);
            if (c < '0' || c > '9') {
                return null;
            }
            t = t * 10 + (c - '0');
        }
        return new ClientMessage.HeartbeatAck(negative ? -t : t);
    }
}
