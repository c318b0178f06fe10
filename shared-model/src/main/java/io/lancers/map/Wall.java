package io.lancers.map;

/** An axis-aligned solid rectangle: blocks ships and projectiles. */
public record Wall(float x, float y, float width, float height) {
}
