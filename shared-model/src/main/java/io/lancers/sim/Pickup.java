package io.lancers.sim;

/**
 * A pickup spot from the map, and when it is available.
 *
 * @param id            index of the spot in the map's pickup list
 * @param kind          what it gives
 * @param x             position (from the map)
 * @param y             position
 * @param availableAt   the pickup can be taken when {@code tick >= availableAt}
 */
public record Pickup(int id, PickupKind kind, float x, float y, int availableAt) {
}
