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
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
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

    /** The methods the convention names; it tags any other UNKNOWN, and so they share one series key here. */
    private static final Set<String> METHODS = Arrays.stream(HttpMethod.values()).map(HttpMethod::name).collect(Collectors.toSet());

    private final MeterRegistry meters;
    /**
     * A handful of series: what the convention's tags are made of (method, route, status, error) finds its
     * timer without the observation context and tag lists a read would otherwise make.
     */
    private final ConcurrentMap<Series, Timer> timers = new ConcurrentHashMap<>();

    private record Series(String method, String route, int status, Class<? extends Throwable> error) {
    }

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
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // as the observation filter does: the request failed, whatever status was set before
            failure = e instanceof ServletException && e.getCause() != null ? e.getCause() : e;
            response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            throw e;
        } finally {
            Throwable failed = failure == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
                    ? error : failure;
            String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern ? pattern : null;
            String method = METHODS.contains(request.getMethod()) ? request.getMethod() : null;
            Series series = new Series(method, route, response.getStatus(), failed == null ? null : failed.getClass());
            Timer timer = timers.get(series);
            if (timer == null) {
                timer = timers.computeIfAbsent(series, key -> register(request, response, key.route(), failed));
            }
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** The series' timer, tagged by Spring's convention from the first request of the series. */
    private Timer register(HttpServletRequest request, HttpServletResponse response, String route, Throwable failure) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(route);
        context.setError(failure);
        // the observation's meter handler adds "error" to the convention's tags
        KeyValues tags = TAGS.getLowCardinalityKeyValues(context).and("error", failure == null ? "none" : failure.getClass().getSimpleName());
        return Timer.builder(METER).tags(tags.stream().map(tag -> Tag.of(tag.getKey(), tag.getValue())).toList()).register(meters);
    }
}
