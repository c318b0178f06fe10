package io.lancers.server.match;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeTokensTest {

    @Test
    void tokensAre128RandomBitsInBase64UrlWithoutPadding() {
        ResumeTokens tokens = new ResumeTokens();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = tokens.next();
            assertEquals(16, Base64.getUrlDecoder().decode(token).length);
            assertTrue(ResumeTokens.wellFormed(token), token);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void onlyTokenShapedStringsAreWellFormed() {
        assertFalse(ResumeTokens.wellFormed(null));
        assertFalse(ResumeTokens.wellFormed(""));
        assertFalse(ResumeTokens.wellFormed("a".repeat(21)));
        assertFalse(ResumeTokens.wellFormed("a".repeat(21) + "="));
        assertFalse(ResumeTokens.wellFormed("a".repeat(21) + "é"));
        assertTrue(ResumeTokens.wellFormed("-_" + "a".repeat(20)));
    }

    @Test
    void comparisonIsExactAndLogsShowSixCharactersAtMost() {
        assertTrue(ResumeTokens.same("abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuv"));
        assertFalse(ResumeTokens.same("abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuw"));
        assertFalse(ResumeTokens.same("abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstu"));
        assertEquals("abcdef…", ResumeTokens.redact("abcdefghijklmnopqrstuv"));
    }
}
