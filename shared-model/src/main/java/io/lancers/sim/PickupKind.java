package io.lancers.sim;

/** What a pickup gives. Wire value is the ordinal; map files use the lower-case name. */
public enum PickupKind {
    /** Restores health. */
    HEALTH,
    /** Doubles projectile damage for a while. */
    POWER,
    /** Lance charges: what the LANCE button fires ({@link Rules#LANCE_PICKUP_CHARGES}). */
    LANCE
}
