package io.lancers.sim;

/** Something that happened during one tick: drives the kill feed, effects and sounds. */
public sealed interface GameEvent {

    /**
     * Calls the visitor's method for this kind of event. Java 17 has no pattern switch over a
     * sealed family: a visitor is how a reader handles every kind, and a new kind does not
     * compile until each one does.
     */
    void accept(Visitor visitor);

    /** One method per kind of event. */
    interface Visitor {
        void hit(Hit hit);

        void kill(Kill kill);

        void pickupTaken(PickupTaken taken);

        void spawn(Spawn spawn);
    }

    /** A projectile hit a ship. */
    record Hit(int targetId, int shooterId, int damage) implements GameEvent {
        @Override
        public void accept(Visitor visitor) {
            visitor.hit(this);
        }
    }

    /** A ship died. */
    record Kill(int killerId, int victimId) implements GameEvent {
        @Override
        public void accept(Visitor visitor) {
            visitor.kill(this);
        }
    }

    /** A ship took a pickup. */
    record PickupTaken(int shipId, int pickupId, PickupKind kind) implements GameEvent {
        @Override
        public void accept(Visitor visitor) {
            visitor.pickupTaken(this);
        }
    }

    /** A ship (re)spawned. */
    record Spawn(int shipId) implements GameEvent {
        @Override
        public void accept(Visitor visitor) {
            visitor.spawn(this);
        }
    }
}
