package io.lancers.server.match;

import java.util.Optional;

/** What a player name and a chat line may contain. */
final class TextRules {

    private TextRules() {
    }

    /**
     * The name as it will be shown (surrounding white space stripped), or empty when it is blank,
     * longer than {@code maxLength} code points, or holds control or formatting characters.
     */
    static Optional<String> playerName(String raw, int maxLength) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > maxLength
                || name.codePoints().anyMatch(TextRules::isControl)) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Chat text with control and formatting characters removed and surrounding white space stripped. */
    static String chatText(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !isControl(cp)).forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** C0/C1 controls, and invisible characters that can reorder or hide text (bidi overrides, separators). */
    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
