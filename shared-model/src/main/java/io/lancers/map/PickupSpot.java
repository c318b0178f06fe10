package io.lancers.map;

import io.lancers.sim.PickupKind;

/** Where a pickup of a given kind sits. */
public record PickupSpot(float x, float y, PickupKind kind) {
}
