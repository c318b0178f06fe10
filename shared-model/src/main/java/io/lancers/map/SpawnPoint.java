package io.lancers.map;

/** Where a ship may (re)spawn. */
public record SpawnPoint(float x, float y) {
}
