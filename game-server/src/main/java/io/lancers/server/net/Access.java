package io.lancers.server.net;

/**
 * Who may come in, and who is the host: the server's password (null: open to all) and the host's
 * token (null: nobody may send host-only messages). Both are secrets: {@link #toString()} never
 * shows them, and no log line, {@code /status} or discovery reply does either.
 *
 * @param password  asked of every hello when set (docs/SECURITY.md, "Password")
 * @param hostToken the connection whose hello carries it may kick, pick the next map and end a match
 */
public record Access(String password, String hostToken) {
    /** No password, no host. */
    public static final Access OPEN = new Access(null, null);

    public Access {
        if (password != null && password.isEmpty()) {
            throw new IllegalArgumentException("an empty password: leave it unset instead");
        }
        if (hostToken != null && hostToken.length() < 16) {
            throw new IllegalArgumentException("a host token needs at least 16 characters");
        }
    }

    public boolean passwordRequired() {
        return password != null;
    }

    public Access withPassword(String newPassword) {
        return new Access(newPassword, hostToken);
    }

    public Access withHostToken(String newHostToken) {
        return new Access(password, newHostToken);
    }

    @Override
    public String toString() {
        return "Access[password=" + (password == null ? "none" : "set") + ", hostToken="
                + (hostToken == null ? "none" : "set") + "]";
    }
}
