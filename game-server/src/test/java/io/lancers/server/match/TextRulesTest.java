package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextRulesTest {

    @Test
    void namesAreStrippedAndLimitedInCodePoints() {
        assertEquals(Optional.of("Ada"), TextRules.playerName("  Ada ", 20));
        assertEquals(Optional.of("a".repeat(20)), TextRules.playerName("a".repeat(20), 20));
        assertEquals(Optional.empty(), TextRules.playerName("a".repeat(21), 20));
        assertEquals(Optional.of("🚀".repeat(20)), TextRules.playerName("🚀".repeat(20), 20));
    }

    @Test
    void blankOrControlNamesAreRefused() {
        assertEquals(Optional.empty(), TextRules.playerName(null, 20));
        assertEquals(Optional.empty(), TextRules.playerName("   ", 20));
        assertEquals(Optional.empty(), TextRules.playerName("Ad\na", 20));
        assertEquals(Optional.empty(), TextRules.playerName("Ad\u202Ea", 20));
        assertEquals(Optional.empty(), TextRules.playerName("Ad\u0000a", 20));
    }

    @Test
    void chatLosesControlCharactersAndSurroundingSpace() {
        assertEquals("hello world", TextRules.chatText("  hello\u0007 world\r\n"));
        assertEquals("", TextRules.chatText("\t\n "));
        assertEquals("", TextRules.chatText(null));
    }
}
