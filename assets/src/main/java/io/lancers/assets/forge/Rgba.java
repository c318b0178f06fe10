package io.lancers.assets.forge;

/** A straight (not premultiplied) colour, components in 0..1. */
record Rgba(double r, double g, double b, double a) {

    static Rgba rgb(double r, double g, double b) {
        return new Rgba(r, g, b, 1);
    }

    static Rgba grey(double v) {
        return new Rgba(v, v, v, 1);
    }

    Rgba withAlpha(double alpha) {
        return new Rgba(r, g, b, alpha);
    }

    /** Straight-line blend towards {@code other}; {@code t} = 0 gives this colour. */
    Rgba mix(Rgba other, double t) {
        return new Rgba(r + (other.r - r) * t, g + (other.g - g) * t,
                b + (other.b - b) * t, a + (other.a - a) * t);
    }

    Rgba times(double k) {
        return new Rgba(r * k, g * k, b * k, a);
    }
}
