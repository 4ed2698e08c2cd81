package com.azalea.products.query;

import com.azalea.products.system.QueueTimedExecutor;
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
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control of the public reads ({@code azalea.read.admission}). The reads answered at once are
 * bounded by Tomcat's request threads; the others queue for a thread in arrival order. A read that
 * waited there longer than {@code max-wait} is refused with a 429 problem detail and {@code Retry-After},
 * written from fixed bytes without touching Redis or PostgreSQL: its client would be late anyway, and
 * the reads behind it then wait less. Not a 503: Tomcat closes the connection after every 503, and the
 * client's new connection made a refusal dearer than serving the read from the near cache, where a 429
 * on the kept connection costs less than the read (docs/benchmarks.md#storm-thousands-of-connections).
 * The admin API and the actuator do not pass through it.
 */
class ReadAdmission extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadAdmission.class);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] REFUSAL = """
            {"type":"about:blank","title":"Too Many Requests","status":429,"detail":"too many requests at once; retry shortly"}"""
            .getBytes(StandardCharsets.UTF_8);

    private final long maxWaitNanos;
    private final Counter shed;
    private final Timer queued;
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final LongAdder shedSinceStart = new LongAdder();
    private volatile long lastShedNanos;

    ReadAdmission(Duration maxWait, QueueTimedExecutor requestThreads, MeterRegistry meters) {
        this.maxWaitNanos = maxWait.toNanos();
        this.shed = Counter.builder("azalea.admission.shed").description("reads refused with a 429 because they waited too long for a request thread").register(meters);
        this.queued = Timer.builder("azalea.admission.queue").description("how long reads waited for a request thread").register(meters);
        Gauge.builder("azalea.admission.in_flight", requestThreads, QueueTimedExecutor::getActiveCount)
                .description("requests being answered (busy request threads)").register(meters);
        Gauge.builder("azalea.admission.waiting", requestThreads, QueueTimedExecutor::getQueueSize)
                .description("requests waiting for a request thread").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waited = QueueTimedExecutor.takeWaitedNanos();
        queued.record(waited, TimeUnit.NANOSECONDS);
        if (waited > maxWaitNanos) {
            refuse(response);
            return;
        }
        if (shedding.get() && System.nanoTime() - lastShedNanos > QUIET_NANOS && shedding.compareAndSet(true, false)) {
            log.info("reads are admitted again: {} were refused during the overload", shedSinceStart.sumThenReset());
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        shed.increment();
        shedSinceStart.increment();
        lastShedNanos = System.nanoTime();
        if (!shedding.get() && shedding.compareAndSet(false, true)) {
            log.warn("overloaded: reads wait more than {} ms for a request thread; refusing them with 429 until they do not",
                    TimeUnit.NANOSECONDS.toMillis(maxWaitNanos));
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(REFUSAL.length);
        response.getOutputStream().write(REFUSAL);
    }
}
