package io.lancers.server.net;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.lancers.protocol.Discovery;
import io.lancers.protocol.ServerMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscoveryResponderTest {

    @Test
    void aReplyWithTooManyMatchesIsCutToFitOneDatagram() throws IOException {
        List<ServerMessage.MatchInfo> matches = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> new ServerMessage.MatchInfo("m" + i, "foundry", "Foundry", "playing", 3, 16, 1, 0, 60))
                .toList();
        Discovery.Reply reply = new Discovery.Reply(Discovery.Reply.TYPE, "Ann's Lancers & friends", "1",
                "ws://127.0.0.1:8025/game", "lancers.v2", matches, true);
        try (DiscoveryResponder responder = DiscoveryResponder.start("127.0.0.1", 0, () -> reply)) {
            byte[] bytes = responder.encode(reply);
            assertTrue(bytes.length <= Discovery.MAX_REPLY_BYTES, bytes.length + " bytes");
            String json = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(json.contains("Ann's Lancers & friends"), json);
            Discovery.Reply decoded = new Gson().fromJson(json, Discovery.Reply.class);
            assertTrue(decoded.matches().size() < matches.size());
            assertEquals(matches.subList(0, decoded.matches().size()), decoded.matches());
            assertTrue(decoded.passwordRequired(), "the cut keeps the rest of the reply");
            Discovery.Reply oneMore = reply.withMatches(matches.subList(0, decoded.matches().size() + 1));
            int oneMoreBytes = new GsonBuilder().disableHtmlEscaping().create().toJson(oneMore)
                    .getBytes(StandardCharsets.UTF_8).length;
            assertTrue(oneMoreBytes > Discovery.MAX_REPLY_BYTES, "the cut keeps as many matches as fit");
        }
    }
}
