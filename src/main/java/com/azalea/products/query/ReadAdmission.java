package com.azalea.products.query;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control of the public reads ({@code azalea.read.admission}, off by default): at most
 * {@code max-in-flight} at once (a Resilience4j bulkhead); a read that finds them all busy waits at most
 * {@code max-wait} for a turn, then gets a 503 problem detail with {@code Retry-After}, written from fixed
 * bytes without touching Redis or PostgreSQL. Meant for spikes of new visitors arriving faster than they
 * are served, where an unbounded queue makes every request late; under clients that resend at once it
 * served fewer reads than none (docs/operations.md). The admin API and the actuator do not pass through it.
 */
class ReadAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadAdmission.class);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] REFUSAL = """
            {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"too many requests at once; retry shortly"}"""
            .getBytes(StandardCharsets.UTF_8);

    private final Bulkhead bulkhead;
    private final Counter shed;
    private final Timer queued;
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final LongAdder shedSinceStart = new LongAdder();
    private volatile long lastShedNanos;

    ReadAdmission(Bulkhead bulkhead, MeterRegistry meters) {
        this.bulkhead = bulkhead;
        int maxInFlight = bulkhead.getBulkheadConfig().getMaxConcurrentCalls();
        this.shed = Counter.builder("azalea.admission.shed").description("reads refused with a 503 because too many were in flight").register(meters);
        this.queued = Timer.builder("azalea.admission.queue").description("how long reads waited for their turn").register(meters);
        Gauge.builder("azalea.admission.in_flight", bulkhead, b -> maxInFlight - b.getMetrics().getAvailableConcurrentCalls())
                .description("reads being answered").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long arrived = System.nanoTime();
        if (!bulkhead.tryAcquirePermission()) {
            refuse(response);
            return;
        }
        queued.record(System.nanoTime() - arrived, TimeUnit.NANOSECONDS);
        if (shedding.get() && arrived - lastShedNanos > QUIET_NANOS && shedding.compareAndSet(true, false)) {
            log.info("reads are admitted again: {} were refused during the overload", shedSinceStart.sumThenReset());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            bulkhead.onComplete();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        shed.increment();
        shedSinceStart.increment();
        lastShedNanos = System.nanoTime();
        if (!shedding.get() && shedding.compareAndSet(false, true)) {
            log.warn("overloaded: {} reads in flight, refusing the excess with 503 until they fit again",
                    bulkhead.getBulkheadConfig().getMaxConcurrentCalls());
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(REFUSAL.length);
        response.getOutputStream().write(REFUSAL);
    }
}
