import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Admin write load on the service, with freshness measured from outside: the time from sending a write
 * to the first public read that shows it. Run by loadtest/writes as a source file (JDK 21+, no
 * dependencies); prints one "key<TAB>value" line per figure (times in ms, rates per second, "-" for
 * none). 127.0.0.1 only.
 *
 *   java WriteLoad.java single  --ids FILE [--rate R] [--connections 16] [--duration 20] [--warmup 0]
 *   java WriteLoad.java bulk    --ids FILE [--batch 1000] [--connections 4] [--duration 20] [--warmup 0]
 *   java WriteLoad.java catalog --styles FILE [--batch 1000] [--connections 4] [--price-step 1.00]
 *                               [--sweepers 4] [--fresh-timeout 120] [--singles FILE] [--single-rate 20]
 *
 * single: PATCH /admin/skus/{id}, ids drawn evenly from FILE; closed loop on --connections, or with
 *   --rate an open model: sends at fixed times whatever the answers, latency counted from each send's
 *   scheduled time, so that saturation shows. bulk: PATCH /admin/skus, batches of --batch SKUs, closed
 *   loop. Both measure --duration seconds after --warmup seconds of the same load, and print "measuring"
 *   on stderr when that starts, for a load beside them to cover the same window.
 * catalog: every style of FILE gets original_price + --price-step through PATCH /admin/styles (batches of
 *   whole products), as fast as --connections take them; --sweepers threads read each product once its
 *   batch got its 204 until it shows every new price, giving up --fresh-timeout seconds after the last
 *   batch's answer. With --singles, paced single writes at --single-rate go on meanwhile, their figures
 *   prefixed "singles_".
 * Freshness probes (single, bulk, the singles): whenever one of --probes (8) slots is free when a write
 *   gets its 204, its product's styles are read every --poll-ms (5) until they show the written quantity,
 *   for at most --probe-timeout (30) seconds; a probe whose SKU got a later write meanwhile is void.
 * Common: --base (http://127.0.0.1:18080), --token (bench).
 * Files are tab-separated: sku_id, product_id; catalog: style_id, product_id, original_price, sale_price
 * (empty for none).
 */
public class WriteLoad {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java WriteLoad.java single|bulk|catalog [--option value ...]; see the file's comment");
            System.exit(2);
        }
        try {
            Options options = Options.parse(args);
            Http http = new Http(URI.create(options.string("base", "http://127.0.0.1:18080")), options.string("token", "bench"));
            switch (args[0]) {
                case "single" -> single(options, http);
                case "bulk" -> bulk(options, http);
                case "catalog" -> catalog(options, http);
                default -> throw new IllegalArgumentException("unknown mode " + args[0] + " (single, bulk or catalog)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    static void single(Options options, Http http) throws IOException {
        SkuIds ids = SkuIds.load(options.path("ids"));
        double rate = options.decimal("rate", 0);
        int connections = options.integer("connections", 16);
        Window window = Window.after(options.decimal("warmup", 0), options.decimal("duration", 20));
        Probes probes = Probes.of(options, http, window);
        options.checkAllUsed();

        window.announce();
        WriteStats stats = new WriteStats(window);
        SingleWrites writes = new SingleWrites(http, ids, probes, stats);
        if (rate > 0) {
            put("offered_per_s", rate);
            writes.paced(rate, () -> System.nanoTime() >= window.end());
        } else {
            Tasks.run(connections, () -> writes.closedLoop(window.end()));
        }
        probes.finish();
        stats.print("", window.seconds());
        probes.print("");
    }

    static void bulk(Options options, Http http) throws IOException {
        SkuIds ids = SkuIds.load(options.path("ids"));
        int batch = options.integer("batch", 1000);
        int connections = options.integer("connections", 4);
        Window window = Window.after(options.decimal("warmup", 0), options.decimal("duration", 20));
        Probes probes = Probes.of(options, http, window);
        options.checkAllUsed();

        window.announce();
        WriteStats stats = new WriteStats(window);
        BulkWrites writes = new BulkWrites(http, ids, batch, probes, stats);
        Tasks.run(connections, () -> {
            while (System.nanoTime() < window.end()) {
                writes.send();
            }
        });
        probes.finish();
        stats.print("", window.seconds());
        put("changes_per_s", stats.ok() * (double) batch / window.seconds());
        probes.print("");
    }

    static void catalog(Options options, Http http) throws IOException {
        List<Batch> batches = Batch.of(options.path("styles"), new BigDecimal(options.string("price-step", "1.00")),
                options.integer("batch", 1000));
        int connections = options.integer("connections", 4);
        int sweepers = options.integer("sweepers", 4);
        long freshTimeout = Math.round(options.decimal("fresh-timeout", 120) * 1e9);
        Path singlesFile = options.optionalPath("singles");
        SkuIds singleIds = singlesFile == null ? null : SkuIds.load(singlesFile);
        double singleRate = options.decimal("single-rate", 20);
        Window open = new Window(System.nanoTime(), Long.MAX_VALUE); // the single writes', until the change is over
        Probes singleProbes = Probes.of(options, http, open);
        options.checkAllUsed();

        CatalogChange change = new CatalogChange(http, batches, freshTimeout);
        AtomicBoolean over = new AtomicBoolean();
        WriteStats singleStats = new WriteStats(open);
        Thread singles = singleIds == null ? null : Thread.ofVirtual().start(
                () -> new SingleWrites(http, singleIds, singleProbes, singleStats).paced(singleRate, over::get));
        change.run(connections, sweepers);
        over.set(true);
        double singlesSeconds = (System.nanoTime() - open.start()) / 1e9;
        change.print();
        if (singles != null) {
            join(singles);
            singleProbes.finish();
            put("singles_offered_per_s", singleRate);
            singleStats.print("singles_", singlesSeconds);
            singleProbes.print("singles_");
        }
    }

    static void put(String key, Object value) {
        String text = switch (value) {
            case Double d when d.isNaN() -> "-";
            case Double d -> String.format(Locale.ROOT, "%.2f", d);
            default -> String.valueOf(value);
        };
        System.out.println(key + "\t" + text);
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw Tasks.interrupted(e);
        }
    }
}

/** "--name value" pairs after the mode; an option no mode reads is refused, so a misspelt one is not ignored. */
final class Options {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value, not " + args[i]);
            }
            options.values.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }

    double decimal(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    Path path(String name) {
        Path path = optionalPath(name);
        if (path == null) {
            throw new IllegalArgumentException("--" + name + " FILE is needed");
        }
        return path;
    }

    Path optionalPath(String name) {
        String value = string(name, null);
        return value == null ? null : Path.of(value);
    }

    void checkAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown);
        }
    }
}

/** The measured interval, in System.nanoTime(): writes sent before it (the warm-up) are not counted. */
record Window(long start, long end) {
    static Window after(double warmupSeconds, double seconds) {
        long start = System.nanoTime() + Math.round(warmupSeconds * 1e9);
        return new Window(start, start + Math.round(seconds * 1e9));
    }

    boolean contains(long nanos) {
        return nanos >= start && nanos < end;
    }

    double seconds() {
        return (end - start) / 1e9;
    }

    /** Prints "measuring" on stderr at the start, for a load run beside this one to cover the same window. */
    void announce() {
        Thread.ofVirtual().start(() -> {
            Tasks.sleepUntil(start);
            System.err.println("measuring");
        });
    }
}

/**
 * Runs tasks on virtual threads and waits for them; a task's exception is printed by the thread's
 * handler. Nothing in this tool interrupts its threads: an interruption is a bug, thrown as such.
 */
final class Tasks {
    static void run(int count, Runnable task) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                threads.execute(task);
            }
        }
    }

    static void sleepUntil(long nanos) {
        sleep(nanos - System.nanoTime());
    }

    static void sleep(long nanos) {
        try {
            if (nanos > 0) {
                Thread.sleep(Duration.ofNanos(nanos));
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted", e);
    }
}

/** The service over HTTP/1.1: admin writes with the bearer token, public reads sent without Accept-Encoding (plain JSON). */
final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;

    Http(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    int patch(String path, String json) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").build();
        return send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    String get(String path) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    String styles(long productId) throws IOException {
        return get("/products/" + productId + "/styles");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            throw Tasks.interrupted(e);
        }
    }
}

/** Durations in nanoseconds, reported in ms (nearest rank). */
final class Samples {
    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized long count() {
        return size;
    }

    /** The q-quantile in ms, NaN when there is none. */
    synchronized double quantileMs(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return sorted[(int) Math.max(0, Math.ceil(q * size) - 1)] / 1e6;
    }

    void print(String prefix) {
        WriteLoad.put(prefix + "p50_ms", quantileMs(0.5));
        WriteLoad.put(prefix + "p99_ms", quantileMs(0.99));
        WriteLoad.put(prefix + "max_ms", quantileMs(1));
    }
}

/** Answers to the writes sent within the window: latency of each, 204s, other statuses, failures. */
final class WriteStats {
    private final Window window;
    private final Samples latency = new Samples();
    private final LongAdder ok = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder errors = new LongAdder();

    WriteStats(Window window) {
        this.window = window;
    }

    /** An answer to the write meant to go at {@code scheduled} (its send time, or its slot in a paced load). */
    void answered(long scheduled, int status) {
        if (window.contains(scheduled)) {
            latency.add(System.nanoTime() - scheduled);
            (status == 204 ? ok : rejected).increment();
        }
    }

    void failed(long scheduled) {
        if (window.contains(scheduled)) {
            errors.increment();
        }
    }

    long ok() {
        return ok.sum();
    }

    void print(String prefix, double seconds) {
        WriteLoad.put(prefix + "requests", ok.sum());
        WriteLoad.put(prefix + "requests_per_s", ok.sum() / seconds);
        latency.print(prefix + "latency_");
        WriteLoad.put(prefix + "non_204", rejected.sum());
        WriteLoad.put(prefix + "errors", errors.sum());
    }
}

/**
 * The SKUs a load writes to, with the quantity last sent to each. Quantities count up from a random
 * base: unique within a run, and unlikely to be what a SKU holds from an earlier run.
 */
final class SkuIds {
    private static final AtomicInteger quantities = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 1_000_000_000));
    final long[] sku;
    final long[] product;
    private final AtomicIntegerArray lastSent;

    private SkuIds(long[] sku, long[] product) {
        this.sku = sku;
        this.product = product;
        this.lastSent = new AtomicIntegerArray(sku.length);
    }

    static SkuIds load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        long[] sku = new long[lines.size()];
        long[] product = new long[lines.size()];
        for (int i = 0; i < sku.length; i++) {
            String[] fields = lines.get(i).split("\t");
            sku[i] = Long.parseLong(fields[0]);
            product[i] = Long.parseLong(fields[1]);
        }
        if (sku.length == 0) {
            throw new IllegalArgumentException(file + " holds no SKU");
        }
        return new SkuIds(sku, product);
    }

    int size() {
        return sku.length;
    }

    int random() {
        return ThreadLocalRandom.current().nextInt(sku.length);
    }

    /** A fresh quantity for entry i, noted as the last sent to it. */
    int nextQuantity(int i) {
        int quantity = quantities.incrementAndGet();
        lastSent.set(i, quantity);
        return quantity;
    }

    int lastSent(int i) {
        return lastSent.get(i);
    }
}

/**
 * Freshness from outside: after a write's 204, reads its product's styles every few ms until they show
 * the written quantity. At most a given number in flight, so the probes' reads stay a small load.
 */
final class Probes {
    private final Http http;
    private final Window window;
    private final Semaphore slots;
    private final long pollNanos;
    private final long timeoutNanos;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Samples freshness = new Samples();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder superseded = new LongAdder();
    private final LongAdder readErrors = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private long finished;

    private Probes(Http http, Window window, int inFlight, double pollMs, double timeoutSeconds) {
        this.http = http;
        this.window = window;
        this.slots = new Semaphore(inFlight);
        this.pollNanos = Math.round(pollMs * 1e6);
        this.timeoutNanos = Math.round(timeoutSeconds * 1e9);
    }

    static Probes of(Options options, Http http, Window window) {
        return new Probes(http, window, options.integer("probes", 8), options.decimal("poll-ms", 5),
                options.decimal("probe-timeout", 30));
    }

    /** Probes the write of {@code quantity} to entry i of ids, sent at {@code sent}, if a slot is free. */
    void offer(SkuIds ids, int i, int quantity, long sent) {
        if (window.contains(sent) && slots.tryAcquire()) {
            threads.execute(() -> {
                try {
                    poll(ids, i, quantity, sent);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void poll(SkuIds ids, int i, int quantity, long sent) {
        while (true) {
            Long shown = null;
            reads.increment();
            try {
                shown = StylesDocument.parse(http.styles(ids.product[i])).quantity(ids.sku[i]);
            } catch (IOException e) {
                readErrors.increment();
            }
            if (shown != null && shown == quantity) {
                freshness.add(System.nanoTime() - sent);
                return;
            }
            if (ids.lastSent(i) != quantity) { // a later write to this SKU may hide this one
                superseded.increment();
                return;
            }
            if (System.nanoTime() - sent > timeoutNanos) {
                timeouts.increment();
                return;
            }
            Tasks.sleep(pollNanos);
        }
    }

    /** Waits for the probes in flight. */
    void finish() {
        threads.close();
        finished = System.nanoTime();
    }

    /** The figures; the probes' reads per second too (from the window's start to the last probe's end), a load of their own. */
    void print(String prefix) {
        WriteLoad.put(prefix + "fresh_count", freshness.count());
        freshness.print(prefix + "fresh_");
        WriteLoad.put(prefix + "fresh_timeouts", timeouts.sum());
        WriteLoad.put(prefix + "fresh_superseded", superseded.sum());
        WriteLoad.put(prefix + "fresh_read_errors", readErrors.sum());
        WriteLoad.put(prefix + "fresh_reads_per_s", reads.sum() / ((finished - window.start()) / 1e9));
    }
}

/** PATCH /admin/skus/{id}, one SKU a request. */
record SingleWrites(Http http, SkuIds ids, Probes probes, WriteStats stats) {

    /** One write, its latency counted from {@code scheduled}. */
    void send(long scheduled) {
        int i = ids.random();
        int quantity = ids.nextQuantity(i);
        long sent = System.nanoTime();
        try {
            int status = http.patch("/admin/skus/" + ids.sku[i], "{\"quantity\": " + quantity + "}");
            stats.answered(scheduled, status);
            if (status == 204) {
                probes.offer(ids, i, quantity, sent);
            }
        } catch (IOException e) {
            stats.failed(scheduled);
        }
    }

    /** One connection's closed loop: the next write when the last is answered. */
    void closedLoop(long end) {
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            send(now);
        }
    }

    /** The open model: a write every 1/rate s whatever the answers, each on its own virtual thread. */
    void paced(double rate, BooleanSupplier stop) {
        long interval = Math.round(1e9 / rate);
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long at = System.nanoTime(); ; at += interval) {
                Tasks.sleepUntil(at);
                if (stop.getAsBoolean()) {
                    break;
                }
                long scheduled = at;
                sends.execute(() -> send(scheduled));
            }
        }
    }
}

/**
 * PATCH /admin/skus, each batch the next consecutive entries of one shuffled order of the ids: batches
 * in flight together share no SKU (while the file has more than connections x batch), so they cannot
 * deadlock on each other's rows.
 */
final class BulkWrites {
    private final Http http;
    private final SkuIds ids;
    private final int batch;
    private final Probes probes;
    private final WriteStats stats;
    private final int[] order;
    private final AtomicLong cursor = new AtomicLong();

    BulkWrites(Http http, SkuIds ids, int batch, Probes probes, WriteStats stats) {
        this.http = http;
        this.ids = ids;
        this.batch = batch;
        this.probes = probes;
        this.stats = stats;
        this.order = new int[ids.size()];
        for (int i = 0; i < order.length; i++) {
            int j = ThreadLocalRandom.current().nextInt(i + 1); // Fisher-Yates, inside-out
            order[i] = order[j];
            order[j] = i;
        }
    }

    /** One batch; its first SKU is probed. */
    void send() {
        long from = cursor.getAndAdd(batch);
        StringBuilder json = new StringBuilder(batch * 32).append('[');
        int first = order[(int) (from % order.length)];
        int firstQuantity = 0;
        for (int k = 0; k < batch; k++) {
            int i = order[(int) ((from + k) % order.length)];
            int quantity = ids.nextQuantity(i);
            if (k == 0) {
                firstQuantity = quantity;
            }
            json.append(k == 0 ? "" : ",").append("{\"id\": ").append(ids.sku[i]).append(", \"quantity\": ").append(quantity).append('}');
        }
        json.append(']');
        long sent = System.nanoTime();
        try {
            int status = http.patch("/admin/skus", json.toString());
            stats.answered(sent, status);
            if (status == 204) {
                probes.offer(ids, first, firstQuantity, sent);
            }
        } catch (IOException e) {
            stats.failed(sent);
        }
    }
}

/** A product of the catalog change: the new original price of each of its styles. */
record Product(long id, Map<Long, String> prices) {
    /** Whether a styles document shows every new price. */
    boolean shownBy(StylesDocument document) {
        return prices.entrySet().stream().allMatch(p -> p.getValue().equals(document.originalPrice(p.getKey())));
    }
}

/** One PATCH /admin/styles: whole products, so that each product's change is answered by one 204. */
record Batch(List<Product> products, String json) {

    /** The batches of the change: every style of the file, original_price + step, sale_price kept. */
    static List<Batch> of(Path file, BigDecimal step, int size) throws IOException {
        Map<Long, List<String[]>> styles = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] fields = line.split("\t", -1);
            styles.computeIfAbsent(Long.parseLong(fields[1]), id -> new ArrayList<>()).add(fields);
        }
        List<Batch> batches = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        StringBuilder json = new StringBuilder();
        int items = 0;
        for (var entry : styles.entrySet()) {
            if (items > 0 && items + entry.getValue().size() > size) {
                batches.add(new Batch(List.copyOf(products), json.append(']').toString()));
                products.clear();
                json.setLength(0);
                items = 0;
            }
            Map<Long, String> prices = new HashMap<>();
            for (String[] style : entry.getValue()) {
                String price = new BigDecimal(style[2]).add(step).setScale(2).toPlainString();
                prices.put(Long.parseLong(style[0]), price);
                String sale = style[3].isEmpty() ? "null" : "\"" + new BigDecimal(style[3]).setScale(2).toPlainString() + "\"";
                json.append(items++ == 0 ? "[" : ",").append("{\"id\": ").append(style[0])
                        .append(", \"original_price\": \"").append(price).append("\", \"sale_price\": ").append(sale).append('}');
            }
            products.add(new Product(entry.getKey(), prices));
        }
        if (items > 0) {
            batches.add(new Batch(List.copyOf(products), json.append(']').toString()));
        }
        return batches;
    }
}

/**
 * The whole-catalog price change: sends every batch, noting when each got its 204, while sweepers read
 * the products of answered batches until each shows its new prices.
 */
final class CatalogChange {
    /** Stale answers in a row after which a sweeper goes back to its oldest pending product. */
    private static final int LOOKAHEAD = 4;
    private static final long PAUSE_NANOS = 5_000_000;
    private final Http http;
    private final List<Batch> batches;
    private final long freshTimeout;
    private final Product[] products;
    private final int[] batchOf;
    /** Per batch: when its 204 came (nanoTime), 0 while unanswered, -1 when refused or failed. */
    private final AtomicLongArray answeredAt;
    /** Per product: when a read first showed its prices, 0 until then. */
    private final AtomicLongArray freshAt;
    private final AtomicInteger unanswered;
    private final AtomicInteger pending;
    private final Samples latency = new Samples();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder sweepErrors = new LongAdder();
    private final LongAdder sweepReads = new LongAdder();
    private volatile long lastAnswer;
    private long firstSend;
    private long sweepEnd;

    CatalogChange(Http http, List<Batch> batches, long freshTimeout) {
        this.http = http;
        this.batches = batches;
        this.freshTimeout = freshTimeout;
        this.products = batches.stream().flatMap(b -> b.products().stream()).toArray(Product[]::new);
        this.batchOf = new int[products.length];
        for (int b = 0, p = 0; b < batches.size(); b++) {
            for (int k = 0; k < batches.get(b).products().size(); k++) {
                batchOf[p++] = b;
            }
        }
        this.answeredAt = new AtomicLongArray(batches.size());
        this.freshAt = new AtomicLongArray(products.length);
        this.unanswered = new AtomicInteger(batches.size());
        this.pending = new AtomicInteger(products.length);
    }

    void run(int connections, int sweepers) {
        firstSend = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < sweepers; s++) {
                int part = s;
                threads.execute(() -> sweep(part, sweepers));
            }
            for (int c = 0; c < connections; c++) {
                threads.execute(() -> {
                    for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                        send(b);
                    }
                });
            }
        }
        sweepEnd = System.nanoTime();
    }

    private void send(int b) {
        long sent = System.nanoTime();
        int status = 0;
        try {
            status = http.patch("/admin/styles", batches.get(b).json());
            latency.add(System.nanoTime() - sent);
        } catch (IOException e) {
            errors.increment();
        }
        if (status == 204) {
            answeredAt.set(b, System.nanoTime());
        } else {
            if (status != 0) {
                rejected.increment();
            }
            answeredAt.set(b, -1);
            pending.addAndGet(-batches.get(b).products().size()); // never to be fresh
        }
        lastAnswer = System.nanoTime();
        unanswered.decrementAndGet();
    }

    /**
     * One sweeper, on products part, part + parts, ... in batch order. The projection follows the
     * commits, so the products turning fresh are mostly the oldest pending ones: after a few stale
     * answers in a row the sweeper goes back to its oldest pending product, which keeps its reads at
     * that frontier instead of spread over products that cannot be fresh yet.
     */
    private void sweep(int part, int parts) {
        int oldest = part;
        while (pending.get() > 0 && !(unanswered.get() == 0 && System.nanoTime() - lastAnswer > freshTimeout)) {
            while (oldest < products.length && done(oldest)) {
                oldest += parts;
            }
            boolean found = false;
            int stale = 0;
            for (int p = oldest; p < products.length && stale < LOOKAHEAD; p += parts) {
                if (done(p)) {
                    continue;
                }
                if (answeredAt.get(batchOf[p]) == 0) {
                    break; // its batch and, mostly, those after it are not answered yet
                }
                if (fresh(p)) {
                    found = true;
                } else {
                    stale++;
                }
            }
            if (!found) {
                Tasks.sleep(PAUSE_NANOS);
            }
        }
    }

    private boolean done(int p) {
        return freshAt.get(p) != 0 || answeredAt.get(batchOf[p]) < 0;
    }

    /** Reads product p; notes it fresh when it shows its new prices. */
    private boolean fresh(int p) {
        sweepReads.increment();
        try {
            if (products[p].shownBy(StylesDocument.parse(http.styles(products[p].id())))) {
                freshAt.set(p, System.nanoTime());
                pending.decrementAndGet();
                return true;
            }
        } catch (IOException e) {
            sweepErrors.increment();
        }
        return false;
    }

    void print() {
        Samples freshness = new Samples();
        long stale = 0;
        long lastFresh = 0;
        for (int p = 0; p < products.length; p++) {
            long answered = answeredAt.get(batchOf[p]);
            if (answered > 0 && freshAt.get(p) == 0) {
                stale++;
            } else if (answered > 0) {
                freshness.add(freshAt.get(p) - answered);
                lastFresh = Math.max(lastFresh, freshAt.get(p));
            }
        }
        long lastAnswered = 0;
        for (int b = 0; b < batches.size(); b++) {
            lastAnswered = Math.max(lastAnswered, answeredAt.get(b));
        }
        boolean complete = stale == 0 && rejected.sum() == 0 && errors.sum() == 0;
        WriteLoad.put("products", products.length);
        WriteLoad.put("styles", Arrays.stream(products).mapToInt(p -> p.prices().size()).sum());
        WriteLoad.put("batches", batches.size());
        WriteLoad.put("send_s", lastAnswered > 0 ? (lastAnswered - firstSend) / 1e9 : Double.NaN);
        WriteLoad.put("all_fresh_s", complete ? (lastFresh - firstSend) / 1e9 : Double.NaN);
        WriteLoad.put("stale_products", stale);
        freshness.print("fresh_");
        latency.print("latency_");
        WriteLoad.put("non_204", rejected.sum());
        WriteLoad.put("errors", errors.sum());
        WriteLoad.put("sweep_reads_per_s", sweepReads.sum() / ((sweepEnd - firstSend) / 1e9));
        WriteLoad.put("sweep_read_errors", sweepErrors.sum());
    }
}

/** The figures a probe looks for in a GET /products/{id}/styles answer, whatever the order of its keys. */
record StylesDocument(List<Map<String, Object>> styles) {

    @SuppressWarnings("unchecked")
    static StylesDocument parse(String json) {
        return new StylesDocument((List<Map<String, Object>>) ((Map<String, Object>) Json.parse(json)).get("results"));
    }

    /** The quantity a SKU shows, null when absent. */
    Long quantity(long skuId) {
        String key = Long.toString(skuId);
        for (Map<String, Object> style : styles) {
            if (style.get("skus") instanceof Map<?, ?> skus && skus.get(key) instanceof Map<?, ?> sku
                    && sku.get("quantity") instanceof BigDecimal quantity) {
                return quantity.longValue();
            }
        }
        return null;
    }

    /** The original price a style shows, null when absent. */
    String originalPrice(long styleId) {
        for (Map<String, Object> style : styles) {
            if (style.get("style_id") instanceof BigDecimal id && id.longValue() == styleId) {
                return (String) style.get("original_price");
            }
        }
        return null;
    }
}

/** A minimal JSON reader: objects as maps, arrays as lists, numbers as BigDecimal. */
final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        return new Json(text).value();
    }

    private Object value() {
        space();
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> object = new HashMap<>();
        at++;
        space();
        if (text.charAt(at) == '}') {
            at++;
            return object;
        }
        do {
            space();
            String key = string();
            space();
            expect(':');
            object.put(key, value());
            space();
        } while (text.charAt(at++) == ',');
        return object;
    }

    private List<Object> array() {
        List<Object> array = new ArrayList<>();
        at++;
        space();
        if (text.charAt(at) == ']') {
            at++;
            return array;
        }
        do {
            array.add(value());
            space();
        } while (text.charAt(at++) == ',');
        return array;
    }

    private String string() {
        expect('"');
        StringBuilder string = new StringBuilder();
        for (char c = text.charAt(at++); c != '"'; c = text.charAt(at++)) {
            if (c != '\\') {
                string.append(c);
                continue;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case 'b' -> string.append('\b');
                case 'f' -> string.append('\f');
                case 'n' -> string.append('\n');
                case 'r' -> string.append('\r');
                case 't' -> string.append('\t');
                case 'u' -> {
                    string.append((char) Integer.parseInt(text, at, at + 4, 16));
                    at += 4;
                }
                default -> string.append(escaped);
            }
        }
        return string.toString();
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return new BigDecimal(text.substring(start, at));
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw new IllegalArgumentException("bad JSON at " + at);
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (text.charAt(at++) != c) {
            throw new IllegalArgumentException("bad JSON at " + (at - 1) + ": expected " + c);
        }
    }

    private void space() {
        while (Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }
}
