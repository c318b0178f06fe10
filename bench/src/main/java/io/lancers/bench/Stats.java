package io.lancers.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Summary of a sample of longs (bytes, nanoseconds): mean and nearest-rank percentiles.
 *
 * @param count number of values
 * @param mean  arithmetic mean
 * @param min   smallest value
 * @param p50   median (nearest rank)
 * @param p99   99th percentile (nearest rank)
 * @param max   largest value
 */
public record Stats(int count, double mean, long min, long p50, long p99, long max) {

    public static Stats of(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return new Stats(sorted.length, sum / sorted.length, sorted[0], percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
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

    /** Nearest-rank percentile of an ascending array. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
