package io.lancers.assets.forge;

/**
 * A small RGBA raster that shapes are painted onto. Drawing happens in "design units" that map to
 * pixels by {@code scale}, so one drawing renders crisply at several sizes (the app icon). Colour
 * is kept premultiplied in doubles and quantised once, when the PNG is written.
 */
final class Canvas {

    /** Colour of a shape at a point; {@code distance} is the signed distance to its edge. */
    @FunctionalInterface
    interface Paint {
        Rgba at(double x, double y, double distance);
    }

    /** Colour of a pixel of a texture, from its pixel coordinates. */
    @FunctionalInterface
    interface Texture {
        Rgba at(int px, int py);
    }

    private final int width;
    private final int height;
    private final double scale;
    private final double[] r;
    private final double[] g;
    private final double[] b;
    private final double[] a;

    Canvas(int width, int height) {
        this(width, height, 1);
    }

    Canvas(int width, int height, double scale) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        int n = width * height;
        r = new double[n];
        g = new double[n];
        b = new double[n];
        a = new double[n];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    void fill(Shape shape, Rgba color) {
        fill(shape, (x, y, d) -> color);
    }

    /** Paints the inside of {@code shape}, anti-aliased over one pixel. */
    void fill(Shape shape, Paint paint) {
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double x = (px + 0.5) / scale;
                double y = (py + 0.5) / scale;
                double d = shape.distance(x, y);
                double coverage = Shape.clamp(0.5 - d * scale, 0, 1);
                if (coverage > 0) {
                    over(py * width + px, paint.at(x, y, d), coverage);
                }
            }
        }
    }

    /**
     * A neon glow around {@code shape}: full {@code color} inside, falling off exponentially with
     * the distance outside ({@code radius} is the distance at which it drops to 1/e), and eased
     * to nothing at five radii so it ends inside the sprite rather than at its border.
     */
    void glow(Shape shape, Rgba color, double radius) {
        fill(shape.grow(radius * 5), (x, y, d) -> {
            double outside = Math.max(0, shape.distance(x, y));
            double fade = 1 - Shape.smoothstep(radius * 2, radius * 5, outside);
            return color.withAlpha(color.a() * StrictMath.exp(-outside / radius) * fade);
        });
    }

    /** Keeps only what lies inside {@code shape}, anti-aliased: trims glows that run too far. */
    void mask(Shape shape) {
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                double coverage = Shape.clamp(0.5 - shape.distance((px + 0.5) / scale, (py + 0.5) / scale) * scale, 0, 1);
                int i = py * width + px;
                r[i] *= coverage;
                g[i] *= coverage;
                b[i] *= coverage;
                a[i] *= coverage;
            }
        }
    }

    /** Replaces every pixel with the texture's colour. */
    void paint(Texture texture) {
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                int i = py * width + px;
                Rgba c = texture.at(px, py);
                double alpha = Shape.clamp(c.a(), 0, 1);
                r[i] = c.r() * alpha;
                g[i] = c.g() * alpha;
                b[i] = c.b() * alpha;
                a[i] = alpha;
            }
        }
    }

    private void over(int i, Rgba c, double coverage) {
        double alpha = Shape.clamp(c.a(), 0, 1) * coverage;
        double keep = 1 - alpha;
        r[i] = c.r() * alpha + r[i] * keep;
        g[i] = c.g() * alpha + g[i] * keep;
        b[i] = c.b() * alpha + b[i] * keep;
        a[i] = alpha + a[i] * keep;
    }

    /** The pixels as straight (not premultiplied) 8-bit RGBA, row by row. */
    byte[] rgba8() {
        byte[] out = new byte[width * height * 4];
        for (int i = 0; i < a.length; i++) {
            int alpha = quantise(a[i]);
            if (alpha == 0) {
                continue; // fully transparent pixels stay 0,0,0,0
            }
            out[4 * i] = (byte) quantise(r[i] / a[i]);
            out[4 * i + 1] = (byte) quantise(g[i] / a[i]);
            out[4 * i + 2] = (byte) quantise(b[i] / a[i]);
            out[4 * i + 3] = (byte) alpha;
        }
        return out;
    }

    private static int quantise(double v) {
        return (int) StrictMath.round(Shape.clamp(v, 0, 1) * 255);
    }
}
