import java.util.Arrays;
import java.util.SplittableRandom;

/** Samples 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
final class Zipf {
    final double[] cumulative;

    Zipf(int n, double exponent) {
        cumulative = new double[n];
        var sum = 0.0;
        for (var i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
    }

    int sample(SplittableRandom random) {
        var target = random.nextDouble() * cumulative[cumulative.length - 1];
        var index = Arrays.binarySearch(cumulative, target);
        return index >= 0 ? index : Math.min(-index - 1, cumulative.length - 1);
    }
}
