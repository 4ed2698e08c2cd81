package com.azalea.products.query;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Times the public reads into {@code http.server.requests}, the timer Spring's observation filter records
 * for every other request, with the same tags (Spring's own convention names them), but without an
 * {@link Observation} per read: its maps of tags and scopes were half of the garbage of a near-cache hit
 * (a JFR allocation profile, docs/benchmarks.md). As an {@link ObservationPredicate} it tells the
 * observation filter to leave these requests alone, so each is counted once.
 */
class ReadRequestTimer extends OncePerRequestFilter implements ObservationPredicate {

    static final String METER = "http.server.requests";
    private static final ServerRequestObservationConvention TAGS = new DefaultServerRequestObservationConvention();

    private final MeterRegistry meters;
    /** A handful of series (route, method, status): resolved once each, not per read. */
    private final ConcurrentMap<KeyValues, Timer> timers = new ConcurrentHashMap<>();

    ReadRequestTimer(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The read API: its paths, on a request's first dispatch (an error dispatch is part of that request). */
    private static boolean covers(HttpServletRequest request) {
        String path = request.getServletPath();
        return request.getDispatcherType() == DispatcherType.REQUEST && (path.equals("/products") || path.startsWith("/products/"));
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        return !(name.equals(METER) && context instanceof ServerRequestObservationContext request && covers(request.getCarrier()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !covers(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // as the observation filter does: the request failed, whatever status was set before
            context.setError(e instanceof ServletException && e.getCause() != null ? e.getCause() : e);
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        } finally {
            if (context.getError() == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
                context.setError(error);
            }
            if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String route) {
                context.setPathPattern(route);
            }
            timer(context).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(ServerRequestObservationContext context) {
        // the observation's meter handler adds "error" to the convention's tags
        KeyValues tags = TAGS.getLowCardinalityKeyValues(context)
                .and("error", context.getError() == null ? "none" : context.getError().getClass().getSimpleName());
        return timers.computeIfAbsent(tags, key -> Timer.builder(METER)
                .tags(key.stream().map(tag -> Tag.of(tag.getKey(), tag.getValue())).toList())
                .register(meters));
    }
}
