import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * {@code java -cp HdrHistogram.jar Bench.java [--rates R,…] [--seconds S] [--rounds N] [--warmup S]
 * [--connections C] [--header "Name: value"] [--timeline FILE] NAME=URL …}: GETs each URL at a constant rate per
 * second, as wrk2 does, and prints one line {@code rate=… round=… target=NAME requests=… errors=… p50=… p99=…
 * p999=… max=… achieved=…} (milliseconds, requests per second) for each rate, round and target, in that order.
 * With a timeline, each measured part also appends to FILE, second by second, how many requests were answered in
 * that second and the longest wait of those meant to be sent in it: whether a tail is one pause or a backlog.
 *
 * <p>One process measures every row, so that no row measures the generator's own start: its JIT, its first
 * connections. For each rate, every target is first driven for the warm-up's seconds unmeasured; then each round
 * drives the targets in turn, each for two unmeasured seconds and then the measured ones, so that the rows being
 * compared are seconds apart.
 *
 * <p>Each request has an intended send time, start + i / rate, and its latency is counted from that time, not from
 * when it was actually sent: a server that stalls for a second is charged the second for every request that
 * should have gone out meanwhile (no coordinated omission). Each of C keep-alive connections has a thread that
 * takes the next request, waits for its time and sends it; when all are busy past a request's time, it goes out
 * as soon as one is free, and its wait counts. Plain blocking HTTP/1.1 on loopback: the JDK's HttpClient cost
 * the one load core so much that at 200/s its own delays made a 14 ms p99 of a 100-byte answer. Errors are
 * transport failures and statuses other than 2xx; their latency counts too.
 */
public class Bench {

    private static final Duration RUN_IN = Duration.ofSeconds(2);

    private static final int TIMEOUT_MILLIS = 10_000;

    public static void main(String[] args) throws Exception {
        List<Double> rates = List.of(100.0);
        long seconds = 10;
        int rounds = 1;
        long warmup = 0;
        int connections = 16;
        String header = null;
        Path timeline = null;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rates" -> rates = rates(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Long.parseLong(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--header" -> header = args[++i];
                case "--timeline" -> timeline = Path.of(args[++i]);
                default -> targets.add(args[i]);
            }
        }
        if (targets.isEmpty()) {
            usage("No NAME=URL to measure");
        }
        List<Target> drivers = new ArrayList<>();
        for (String target : targets) {
            int equals = target.indexOf('=');
            if (equals < 1) {
                usage("Expected NAME=URL, not " + target);
            }
            drivers.add(new Target(target.substring(0, equals), URI.create(target.substring(equals + 1)), header,
                    connections));
        }
        for (double rate : rates) {
            for (Target target : drivers) {
                target.drive(rate, Duration.ofSeconds(warmup), Duration.ZERO, null);
            }
            for (int round = 1; round <= rounds; round++) {
                for (Target target : drivers) {
                    Timeline perSecond = timeline == null ? null : new Timeline(seconds);
                    String result = target.drive(rate, RUN_IN, Duration.ofSeconds(seconds), perSecond);
                    String row = String.format(Locale.ROOT, "rate=%s round=%d target=%s",
                            rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate), round,
                            target.name);
                    System.out.println(row + " " + result);
                    if (perSecond != null) {
                        perSecond.append(timeline, row);
                    }
                }
            }
        }
        System.exit(0);
    }

    private static List<Double> rates(String list) {
        List<Double> rates = new ArrayList<>();
        for (String rate : list.split(",")) {
            double value = Double.parseDouble(rate);
            if (!(value >= 1)) {
                usage("A rate must be at least 1 request per second, not " + rate);
            }
            rates.add(value);
        }
        return rates;
    }

    private static void usage(String problem) {
        System.err.println(problem + ". Usage: Bench.java [--rates R,…] [--seconds S] [--rounds N] [--warmup S]"
                + " [--connections C] [--header \"Name: value\"] [--timeline FILE] NAME=URL …");
        System.exit(2);
    }

    /** One URL with its connections, kept from one round to the next. */
    private static final class Target {

        private final String name;

        private final Connection[] connections;

        Target(String name, URI url, String header, int connections) {
            this.name = name;
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            int port = url.getPort() < 0 ? 80 : url.getPort();
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port + "\r\n"
                    + (header == null ? "" : header + "\r\n") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            this.connections = new Connection[connections];
            for (int c = 0; c < connections; c++) {
                this.connections[c] = new Connection(new InetSocketAddress(url.getHost(), port), request);
            }
        }

        /**
         * Sends at the rate for the unmeasured and then the measured time; the result line of the measured part.
         * {@code timeline}, if not null, gets each measured request too.
         */
        String drive(double rate, Duration unmeasured, Duration measured, Timeline timeline)
                throws InterruptedException {
            Recorder latencies = new Recorder(3);
            AtomicLong errors = new AtomicLong();
            Map<String, Long> errorKinds = new ConcurrentHashMap<>();
            AtomicLong next = new AtomicLong();
            long intervalNanos = (long) (1_000_000_000L / rate);
            long start = System.nanoTime();
            long measureFrom = start + unmeasured.toNanos();
            long end = measureFrom + measured.toNanos();
            if (timeline != null) {
                timeline.measuredFrom = System.currentTimeMillis() + (measureFrom - System.nanoTime()) / 1_000_000;
            }
            List<Thread> senders = new ArrayList<>();
            for (Connection connection : connections) {
                Thread sender = new Thread(() -> {
                    for (long intended; (intended = start + next.getAndIncrement() * intervalNanos) < end;) {
                        long wait;
                        while ((wait = intended - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        String failure = connection.exchange();
                        // Unmeasured requests are sent like the others but counted nowhere.
                        if (intended >= measureFrom) {
                            long answered = System.nanoTime();
                            long waitMicros = Math.max(1, (answered - intended) / 1_000);
                            latencies.recordValue(waitMicros);
                            if (timeline != null) {
                                timeline.record(intended - measureFrom, answered - measureFrom, waitMicros);
                            }
                            if (failure != null) {
                                errors.incrementAndGet();
                                errorKinds.merge(failure, 1L, Long::sum);
                            }
                        }
                    }
                });
                sender.start();
                senders.add(sender);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            Histogram histogram = latencies.getIntervalHistogram();
            return String.format(Locale.ROOT,
                    "requests=%d errors=%d p50=%.2f p99=%.2f p999=%.2f max=%.2f achieved=%.1f%s",
                    histogram.getTotalCount(), errors.get(), ms(histogram, 50), ms(histogram, 99),
                    ms(histogram, 99.9), histogram.getMaxValue() / 1000.0,
                    histogram.getTotalCount() / (measured.toNanos() / 1e9),
                    errorKinds.isEmpty() ? "" : " kinds=" + errorKinds);
        }
    }

    /** The measured part of one drive, second by second. */
    private static final class Timeline {

        /** By the second they were answered in; answers come up to the socket's timeout after the last second. */
        private final AtomicLongArray answered;

        /** By the second they were meant to be sent in. */
        private final AtomicLongArray longestWaitMicros;

        /** The wall-clock time of second 0, to set the seconds beside what else was recorded meanwhile. */
        long measuredFrom;

        Timeline(long seconds) {
            answered = new AtomicLongArray((int) seconds + TIMEOUT_MILLIS / 1000 + 1);
            longestWaitMicros = new AtomicLongArray((int) seconds);
        }

        void record(long intendedNanos, long answeredNanos, long waitMicros) {
            int sent = (int) (intendedNanos / 1_000_000_000L);
            if (sent < longestWaitMicros.length()) {
                longestWaitMicros.accumulateAndGet(sent, waitMicros, Math::max);
            }
            answered.incrementAndGet((int) Math.min(answeredNanos / 1_000_000_000L, answered.length() - 1));
        }

        void append(Path file, String row) throws IOException {
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                out.printf(Locale.ROOT, "# %s, second 0 from %.3f s since the epoch: second, requests answered in"
                        + " it, longest wait (ms) of those meant to be sent in it%n", row, measuredFrom / 1000.0);
                for (int second = 0; second < longestWaitMicros.length(); second++) {
                    out.printf(Locale.ROOT, "%d %d %.2f%n", second, answered.get(second),
                            longestWaitMicros.get(second) / 1000.0);
                }
                // A backlog at the end is answered after the last measured second.
                for (int second = longestWaitMicros.length(); second < answered.length(); second++) {
                    if (answered.get(second) > 0) {
                        out.printf(Locale.ROOT, "%d %d -%n", second, answered.get(second));
                    }
                }
            }
        }
    }

    /** A keep-alive HTTP/1.1 connection that sends one request and reads its answer at a time. */
    private static final class Connection {

        private final InetSocketAddress address;

        private final byte[] request;

        private final byte[] line = new byte[8192];

        private Socket socket;

        private InputStream in;

        private OutputStream out;

        /** Whether the request being sent has had the first line of an answer. */
        private boolean answered;

        Connection(InetSocketAddress address, byte[] request) {
            this.address = address;
            this.request = request;
        }

        /** Null when answered with a 2xx, else what went wrong. */
        String exchange() {
            boolean reused = socket != null;
            try {
                int status;
                try {
                    status = send();
                } catch (IOException e) {
                    // A server may close a kept-alive connection while it idles between rounds; as any client
                    // does, a request that found it closed before any answer goes again once, on a new one.
                    if (!reused || answered || e instanceof SocketTimeoutException) {
                        throw e;
                    }
                    close();
                    status = send();
                }
                return status / 100 == 2 ? null : "HTTP " + status;
            } catch (IOException | RuntimeException e) {
                close();
                return e.getClass().getSimpleName();
            }
        }

        private int send() throws IOException {
            answered = false;
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(TIMEOUT_MILLIS);
                socket.connect(address, TIMEOUT_MILLIS);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            int length = readLine();
            answered = true;
            if (length < 12 || !new String(line, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/")) {
                throw new IOException("Not an HTTP answer");
            }
            int status = Integer.parseInt(new String(line, 9, 3, StandardCharsets.ISO_8859_1));
            long contentLength = -1;
            boolean chunked = false;
            boolean closes = false;
            while ((length = readLine()) > 0) {
                String field = new String(line, 0, length, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                if (field.startsWith("content-length:")) {
                    contentLength = Long.parseLong(field.substring(15).trim());
                } else if (field.startsWith("transfer-encoding:")) {
                    chunked = field.contains("chunked");
                } else if (field.startsWith("connection:")) {
                    closes = field.contains("close");
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(chunkSize(readLine()), 16)) > 0) {
                    skip(size + 2);
                }
                // The last chunk is followed by optional trailer fields and an empty line.
                while (readLine() > 0) {
                    continue;
                }
            } else if (contentLength > 0) {
                skip(contentLength);
            }
            if (closes) {
                close();
            }
            return status;
        }

        private String chunkSize(int length) {
            String size = new String(line, 0, length, StandardCharsets.ISO_8859_1);
            int extension = size.indexOf(';');
            return (extension < 0 ? size : size.substring(0, extension)).trim();
        }

        /** Reads one line into {@link #line} without its CRLF; its length. */
        private int readLine() throws IOException {
            int length = 0;
            for (int b; (b = in.read()) != '\n';) {
                if (b < 0) {
                    throw new EOFException("Connection closed");
                }
                if (length == line.length) {
                    throw new IOException("Line longer than " + line.length + " bytes");
                }
                line[length++] = (byte) b;
            }
            return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0;) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("Connection closed within a body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do about a socket that will not close
                }
                socket = null;
            }
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
