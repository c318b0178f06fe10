package io.lancers.server.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Checks hello's password and host token. Both are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is: the
 * answer's timing tells nothing about how much of a guess was right.
 *
 * <p>Guessing is slowed per remote address: the first {@value #FREE_FAILURES} wrong passwords cost
 * nothing (typos), each one after that locks the address out for twice as long as the one before,
 * from 1 s up to {@value #MAX_LOCK_MS} ms; during a lock a hello is refused without a check. A
 * right password clears the address's record; so does {@value #FORGET_AFTER_MS} ms without a wrong
 * one. At most {@value #MAX_ADDRESSES} addresses are remembered (the longest unused go first), so a
 * flood of addresses costs bounded memory. Time is a parameter: tests step it.
 */
final class AccessGate {
    static final int FREE_FAILURES = 3;
    static final long FIRST_LOCK_MS = 1_000;
    static final long MAX_LOCK_MS = 60_000;
    static final long FORGET_AFTER_MS = 10 * 60_000;
    static final int MAX_ADDRESSES = 4096;

    /** What a hello's password gets. */
    sealed interface Verdict {
        record Admitted() implements Verdict {
        }

        record PasswordRequired() implements Verdict {
        }

        record WrongPassword() implements Verdict {
        }

        /** Not even checked: this address guessed wrong too often lately. */
        record TooManyAttempts(long retryAfterMs) implements Verdict {
        }
    }

    private static final class Failures {
        int count;
        long lockedUntilMs;
        long lastFailureMs;
    }

    private final byte[] passwordDigest;
    private final byte[] hostTokenDigest;
    private final LongSupplier clockMs;
    /** Access order: the eldest entry is the one unused the longest. Guarded by this. */
    private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    AccessGate(Access access, LongSupplier clockMs) {
        this.passwordDigest = access.password() == null ? null : digest(access.password());
        this.hostTokenDigest = access.hostToken() == null ? null : digest(access.hostToken());
        this.clockMs = clockMs;
    }

    boolean passwordRequired() {
        return passwordDigest != null;
    }

    /** Whether {@code password} (null: none given) lets a hello from {@code address} in. */
    Verdict admit(String address, String password) {
        if (passwordDigest == null) {
            return new Verdict.Admitted();
        }
        long now = clockMs.getAsLong();
        synchronized (this) {
            Failures record = failures.get(address);
            if (record != null && now - record.lastFailureMs >= FORGET_AFTER_MS) {
                failures.remove(address);
                record = null;
            }
            if (record != null && now < record.lockedUntilMs) {
                return new Verdict.TooManyAttempts(record.lockedUntilMs - now);
            }
            if (password == null) {
                return new Verdict.PasswordRequired(); // asking is no guess
            }
            if (MessageDigest.isEqual(passwordDigest, digest(password))) {
                failures.remove(address);
                return new Verdict.Admitted();
            }
            Failures counted = record != null ? record : new Failures();
            failures.put(address, counted);
            counted.count++;
            counted.lastFailureMs = now;
            int beyondFree = counted.count - FREE_FAILURES;
            if (beyondFree > 0) {
                long lock = FIRST_LOCK_MS << Math.min(beyondFree - 1, 16);
                counted.lockedUntilMs = now + Math.min(MAX_LOCK_MS, lock);
            }
            return new Verdict.WrongPassword();
        }
    }

    /** Whether a hello's {@code hostToken} (null: none) is the host's. */
    boolean isHost(String hostToken) {
        return hostTokenDigest != null && hostToken != null
                && MessageDigest.isEqual(hostTokenDigest, digest(hostToken));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
