package io.lancers.sim;

/** Something that happened during one tick: drives the kill feed, effects and sounds. */
public sealed interface GameEvent {

    /** A projectile hit a ship. */
    record Hit(int targetId, int shooterId, int damage) implements GameEvent {
    }

    /** A ship died. */
    record Kill(int killerId, int victimId) implements GameEvent {
    }

    /** A ship took a pickup. */
    record PickupTaken(int shipId, int pickupId, PickupKind kind) implements GameEvent {
    }

    /** A ship (re)spawned. */
    record Spawn(int shipId) implements GameEvent {
    }
}
