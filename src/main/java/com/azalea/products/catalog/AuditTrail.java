package com.azalea.products.catalog;

import com.azalea.products.projection.DocumentStatements;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who changed what: each admin write adds one entry, in its own transaction, naming the caller (the
 * token's subject), the operation (method and path template), the rows it touched, the products whose
 * documents changed and the fields it set ({@link AuditedBodies} keeps the request's body for it). A
 * write of one statement adds its entry in that statement ({@link #INSERTING}).
 */
@Component
class AuditTrail {

    /** Where the request's body, as the handler received it, waits for its entry. */
    static final String FIELDS = AuditTrail.class.getName() + ".fields";

    /** A step of a {@code WITH} statement, after a step {@code outboxed} that returns the product's id. */
    static final String INSERTING = """
            audited AS (
                INSERT INTO admin_audit (actor, operation, kind, ids, product_ids, fields)
                SELECT :actor, :operation, :kind, ARRAY[CAST(:id AS bigint)], ARRAY[product_id], CAST(:fields AS json) FROM outboxed
            )""";

    /** An entry as {@code GET /admin/audit} lists it. */
    @Schema(name = "AuditEntry")
    record Entry(long id, OffsetDateTime at, String actor, String operation, String kind, List<Long> ids,
                 @JsonProperty("product_ids") List<Long> productIds,
                 // as stored: the JSON the write was given, numbers exactly as written
                 @JsonRawValue @Schema(types = {"object", "array", "null"}) String fields) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Binds the current request's entry to a statement with {@link #INSERTING}. */
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String kind, long id) {
        return entry(statement, kind, null).param("id", id);
    }

    /**
     * Adds the current request's entry, in the transaction of its write.
     * @param fields what the write set when not its body (a bulk write's items, as read), else null
     */
    void record(String kind, Collection<Long> ids, Collection<Long> productIds, Object fields) {
        entry(jdbc.sql("""
                INSERT INTO admin_audit (actor, operation, kind, ids, product_ids, fields)
                VALUES (:actor, :operation, :kind, CAST(:ids AS bigint[]), CAST(:products AS bigint[]), CAST(:fields AS json))
                """), kind, fields)
                .param("ids", DocumentStatements.arrayLiteral(ids)).param("products", DocumentStatements.arrayLiteral(productIds))
                .update();
    }

    /** The current request's caller, operation and fields (its body unless given), and the kind of rows it wrote. */
    private JdbcClient.StatementSpec entry(JdbcClient.StatementSpec statement, String kind, Object fields) {
        HttpServletRequest request = request();
        Object set = fields != null ? fields : request.getAttribute(FIELDS);
        return statement.param("actor", actor()).param("operation", operation(request)).param("kind", kind)
                .param("fields", set == null ? null : json.writeValueAsString(set));
    }

    /**
     * Newest first, of one product, of one actor, or both (null: any). Each condition is in the statement
     * only when asked for, so that its plan uses the condition's index.
     */
    List<Entry> page(Long productId, String actor, long offset, long count) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (productId != null) {
            conditions.add("product_ids @> ARRAY[CAST(:product AS bigint)]");
        }
        if (actor != null) {
            conditions.add("actor = :actor");
        }
        JdbcClient.StatementSpec query = jdbc.sql("""
                SELECT id, at, actor, operation, kind, ids, product_ids, fields::text FROM admin_audit
                WHERE %s ORDER BY id DESC LIMIT :count OFFSET :offset
                """.formatted(String.join(" AND ", conditions))).param("count", count).param("offset", offset);
        if (productId != null) {
            query = query.param("product", productId);
        }
        if (actor != null) {
            query = query.param("actor", actor);
        }
        return query.query((rs, n) -> new Entry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
                rs.getString(5), longs(rs.getArray(6)), longs(rs.getArray(7)), rs.getString(8)))
                .list();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return List.of((Long[]) array.getArray());
    }

    private static String actor() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            throw new IllegalStateException("an admin write without an authenticated caller");
        }
        return caller.getName();
    }

    private static String operation(HttpServletRequest request) {
        return request.getMethod() + " " + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
