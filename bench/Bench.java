import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code java -cp HdrHistogram.jar Bench.java URL RATE SECONDS [WARMUP_SECONDS] [HEADER: VALUE]}: GETs URL at a
 * constant RATE per second, as wrk2 does, and prints one line {@code requests=… errors=… p50=… p99=… p999=… max=…
 * achieved=…} (milliseconds, requests per second) for the measured SECONDS after the warm-up.
 *
 * <p>Each request has an intended send time, start + i / RATE, and its latency is counted from that time, not from
 * when it was actually sent: a server that stalls for a second is charged the second for every request that
 * should have gone out meanwhile (no coordinated omission). Requests are sent asynchronously, so a slow response
 * never delays the next send. Errors are transport failures and statuses other than 2xx; their latency counts too.
 */
public class Bench {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        if (!(rate >= 1)) {
            System.err.println("The rate must be at least 1 request per second, not " + args[1]);
            System.exit(2);
        }
        long measuredNanos = Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        long warmupNanos = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 0).toNanos();
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        if (args.length > 4) {
            int colon = args[4].indexOf(':');
            request.header(args[4].substring(0, colon).trim(), args[4].substring(colon + 1).trim());
        }
        HttpRequest get = request.build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Recorder latencies = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        ConcurrentHashMap<String, Long> errorKinds = new ConcurrentHashMap<>();
        long intervalNanos = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measuredNanos;
        for (long i = 0;; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            // Warm-up requests are sent like the others but counted nowhere, whenever they complete.
            boolean measured = intended >= measureFrom;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(get, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (!measured) {
                    return;
                }
                latencies.recordValue(Math.max(1, (System.nanoTime() - intended) / 1_000));
                completed.incrementAndGet();
                if (failure != null || response.statusCode() / 100 != 2) {
                    errors.incrementAndGet();
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    errorKinds.merge(cause != null ? cause.getClass().getSimpleName()
                            : "HTTP " + response.statusCode(), 1L, Long::sum);
                }
            });
        }
        // The stragglers: their latency keeps growing from their intended time until they complete.
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long measuredSent = (long) (measuredNanos / (double) intervalNanos);
        while (completed.get() < measuredSent && System.nanoTime() < drainDeadline) {
            Thread.sleep(10);
        }
        long missing = Math.max(0, measuredSent - completed.get());
        Histogram histogram = latencies.getIntervalHistogram();
        double seconds = measuredNanos / 1e9;
        System.out.printf(Locale.ROOT,
                "requests=%d errors=%d p50=%.2f p99=%.2f p999=%.2f max=%.2f achieved=%.1f%s%n",
                histogram.getTotalCount(), errors.get() + missing, ms(histogram, 50), ms(histogram, 99),
                ms(histogram, 99.9), histogram.getMaxValue() / 1000.0, histogram.getTotalCount() / seconds,
                errorKinds.isEmpty() && missing == 0 ? "" : " kinds=" + errorKinds + (missing == 0 ? ""
                        : "+unanswered:" + missing));
        System.exit(0);
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
