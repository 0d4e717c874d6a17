package dev.hibernateae.benchmarks.suite;

import java.util.List;

/** Means and 95% confidence intervals (Student's t) of small samples, and of ratios in log space. */
final class Stats {
    /** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom. */
    private static final double[] T_975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private Stats() {
    }

    /** A value with its 95% confidence interval. */
    record Interval(double value, double low, double high, int n) {
        String format(String pattern) {
            if (n < 2) {
                return String.format(pattern, value);
            }
            return String.format(pattern + " [" + pattern + ", " + pattern + "]", value, low, high);
        }

        /** {@code 12.3 ± 0.4}: the mean and the half-width of its interval. */
        String formatPlusMinus(String pattern) {
            if (n < 2) {
                return String.format(pattern, value);
            }
            return String.format(pattern + " ± " + pattern, value, (high - low) / 2);
        }
    }

    static Interval mean(List<Double> values) {
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new Interval(mean, mean, mean, n);
        }
        double half = halfWidth(values, mean);
        return new Interval(mean, mean - half, mean + half, n);
    }

    /** The geometric mean of ratios, with its interval computed on their logarithms. */
    static Interval geometricMean(List<Double> ratios) {
        List<Double> logs = ratios.stream().map(Math::log).toList();
        Interval log = mean(logs);
        return new Interval(Math.exp(log.value()), Math.exp(log.low()), Math.exp(log.high()), log.n());
    }

    private static double halfWidth(List<Double> values, double mean) {
        int n = values.size();
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double t = n - 1 <= T_975.length ? T_975[n - 2] : n - 1 <= 60 ? 2.000 : 1.960;
        return t * sd / Math.sqrt(n);
    }
}
