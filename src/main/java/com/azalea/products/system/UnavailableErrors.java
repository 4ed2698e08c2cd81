package com.azalea.products.system;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that needs PostgreSQL while it cannot be reached (restart, network, pool exhausted) is
 * a 503 problem detail with {@code Retry-After}, not a 500: the client may retry. A transaction whose
 * end failed counts too: the only resource in a transaction here is the database, so its rollback or
 * commit fails only on a lost connection (a statement on a connection the outage broke, then its
 * rollback on the closed connection, was a 500).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class UnavailableErrors {

    private static final Logger log = LoggerFactory.getLogger(UnavailableErrors.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class, CannotCreateTransactionException.class,
        TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        long last = lastLogged.get();
        // one line per outage and then one every 10 s, not one per request
        if (System.nanoTime() - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, System.nanoTime())) {
            log.warn("the database is unavailable, requests that need it get 503: {}", e.getMessage());
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "the catalog database is unavailable; retry shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }
}
