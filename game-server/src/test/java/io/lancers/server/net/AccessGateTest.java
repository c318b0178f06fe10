package io.lancers.server.net;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password and host-token checks, on a stepped clock. */
class AccessGateTest {
    private static final String HOST_TOKEN = "0123456789abcdef-host";
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AccessGate gate = new AccessGate(new Access("swordfish", HOST_TOKEN), now::get);

    @Test
    void anOpenServerAdmitsEveryoneAndHasNoHost() {
        AccessGate open = new AccessGate(Access.OPEN, now::get);
        assertFalse(open.passwordRequired());
        assertInstanceOf(AccessGate.Verdict.Admitted.class, open.admit("10.0.0.1", null));
        assertInstanceOf(AccessGate.Verdict.Admitted.class, open.admit("10.0.0.1", "anything"));
        assertFalse(open.isHost(HOST_TOKEN));
    }

    @Test
    void theRightPasswordIsAdmittedAMissingOneAskedForAWrongOneRefused() {
        assertTrue(gate.passwordRequired());
        assertInstanceOf(AccessGate.Verdict.Admitted.class, gate.admit("10.0.0.1", "swordfish"));
        assertInstanceOf(AccessGate.Verdict.PasswordRequired.class, gate.admit("10.0.0.1", null));
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit("10.0.0.1", "swordfisH"));
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit("10.0.0.1", ""));
    }

    @Test
    void afterTheFreeMistakesEachWrongPasswordLocksTheAddressTwiceAsLong() {
        String guesser = "203.0.113.9";
        for (int i = 0; i < AccessGate.FREE_FAILURES; i++) {
            assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "guess" + i));
        }
        // Still no lock: the free mistakes are typos. The next wrong one locks for 1 s.
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "guess-a"));
        AccessGate.Verdict locked = gate.admit(guesser, "swordfish");
        assertEquals(new AccessGate.Verdict.TooManyAttempts(AccessGate.FIRST_LOCK_MS), locked,
                "during the lock not even the right password is checked");
        assertInstanceOf(AccessGate.Verdict.Admitted.class, gate.admit("198.51.100.7", "swordfish"),
                "other addresses are not slowed");

        now.addAndGet(AccessGate.FIRST_LOCK_MS);
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "guess-b"));
        assertEquals(new AccessGate.Verdict.TooManyAttempts(2 * AccessGate.FIRST_LOCK_MS), gate.admit(guesser, "x"));
        now.addAndGet(2 * AccessGate.FIRST_LOCK_MS - 1);
        assertInstanceOf(AccessGate.Verdict.TooManyAttempts.class, gate.admit(guesser, "swordfish"));
        now.addAndGet(1);
        assertInstanceOf(AccessGate.Verdict.Admitted.class, gate.admit(guesser, "swordfish"));
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "typo"),
                "the right password cleared the record: free mistakes again");
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "typo"));
    }

    @Test
    void theLockStopsGrowingAtItsCapAndIsForgottenAfterAQuietSpell() {
        String guesser = "203.0.113.9";
        long lastLock = 0;
        for (int i = 0; i < 30; i++) {
            assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "guess" + i));
            // Asking without a password is no guess: it only tells whether the address is locked.
            if (gate.admit(guesser, null) instanceof AccessGate.Verdict.TooManyAttempts wait) {
                lastLock = wait.retryAfterMs();
                now.addAndGet(wait.retryAfterMs());
            }
        }
        assertEquals(AccessGate.MAX_LOCK_MS, lastLock);
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "again"));
        now.addAndGet(AccessGate.FORGET_AFTER_MS);
        for (int i = 0; i < AccessGate.FREE_FAILURES; i++) {
            assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "after" + i));
        }
        assertInstanceOf(AccessGate.Verdict.WrongPassword.class, gate.admit(guesser, "after"),
                "forgotten: the free mistakes again, no lock in the way");
    }

    @Test
    void onlyTheHostsOwnTokenMakesAHost() {
        assertTrue(gate.isHost(HOST_TOKEN));
        assertFalse(gate.isHost(null));
        assertFalse(gate.isHost(HOST_TOKEN + "x"));
        assertFalse(gate.isHost(HOST_TOKEN.substring(1)));
    }

    @Test
    void accessNeverPrintsItsSecrets() {
        String printed = new Access("swordfish", HOST_TOKEN).toString();
        assertFalse(printed.contains("swordfish") || printed.contains(HOST_TOKEN), printed);
    }
}
