package io.lancers.bench;

import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a sample of non-negative longs (bytes, nanoseconds): count, mean, min, max, and the
 * median and 99th percentile as HdrHistogram reports them (3 significant digits: a percentile is
 * the highest value its bucket holds, at most 0.1 % above the sample's own value).
 *
 * @param count number of values
 * @param mean  arithmetic mean
 * @param min   smallest value
 * @param p50   median
 * @param p99   99th percentile
 * @param max   largest value
 */
public record Stats(int count, double mean, long min, long p50, long p99, long max) {
    /** Significant decimal digits every figure keeps. */
    public static final int PRECISION_DIGITS = 3;

    /** An empty histogram of the precision every figure here has; it grows to whatever it records. */
    public static Histogram histogram() {
        return new Histogram(PRECISION_DIGITS);
    }

    /** Mean, min and max exact; the percentiles from a histogram of the values. */
    public static Stats of(long[] values) {
        Histogram histogram = histogram();
        double sum = 0;
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("negative value " + v);
            }
            histogram.recordValue(v);
            sum += v;
        }
        Stats binned = of(histogram);
        return new Stats(binned.count(), sum / values.length, Arrays.stream(values).min().orElseThrow(), binned.p50(),
                binned.p99(), Arrays.stream(values).max().orElseThrow());
    }

    /** Every figure from the histogram (mean, min and max to its precision too). */
    public static Stats of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("no values");
        }
        return new Stats(Math.toIntExact(histogram.getTotalCount()), histogram.getMean(), histogram.getMinValue(),
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    /** Each figure the median of the same figure over several runs: steadier than any one run. */
    public static Stats medianOf(List<Stats> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        return new Stats(runs.get(0).count(), median(runs.stream().mapToDouble(Stats::mean).toArray()),
                (long) median(runs.stream().mapToDouble(Stats::min).toArray()),
                (long) median(runs.stream().mapToDouble(Stats::p50).toArray()),
                (long) median(runs.stream().mapToDouble(Stats::p99).toArray()),
                (long) median(runs.stream().mapToDouble(Stats::max).toArray()));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
