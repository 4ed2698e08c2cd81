package com.azalea.products.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.azalea.products.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bulk writes refused: a bad array is a 400, bad items a 422 naming each by index and id, and in either
 * case nothing is written, neither the rows nor an outbox row.
 */
@IntegrationTest
class BulkWritesTest {

    @Autowired
    JdbcClient jdbc;
    @Value("${local.server.port}")
    int port;

    AdminClient client;
    long style;
    long[] skus = new long[3];

    @BeforeEach
    void aStyleWithThreeSkus() {
        client = new AdminClient(port);
        long product = client.create("/admin/products", """
                {"name": "Bulk", "slogan": "Many at once", "description": "A coat.", "category": "Jackets", "default_price": 120}""");
        style = client.create("/admin/products/" + product + "/styles", "{\"name\": \"Ash\", \"original_price\": 80, \"default?\": true}");
        for (int k = 0; k < skus.length; k++) {
            skus[k] = client.create("/admin/styles/" + style + "/skus", "{\"size\": \"S\", \"quantity\": 5}");
        }
    }

    @Test
    void everyBadItemIsNamedByIndexAndIdAndNothingIsWritten() {
        String before = state();
        JsonNode problem = refused(422, "/admin/skus", "[" + String.join(", ",
                "{\"id\": " + skus[0] + ", \"quantity\": 9}",
                "{\"id\": 987654321, \"quantity\": 9}",
                "{\"id\": " + skus[1] + ", \"quantity\": -1}",
                "{\"id\": " + skus[0] + ", \"quantity\": 3}",
                "{\"id\": " + skus[2] + "}",
                "{\"id\": " + skus[2] + ", \"quantity\": \"many\"}",
                "7",
                "{\"quantity\": 1}") + "]");
        assertThat(problem.get("title").asString()).isEqualTo("Invalid items");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("index").asInt() + " " + error.get("id") + " " + error.get("message").asString()))
                .containsExactly(
                        "2 " + skus[1] + " quantity: must be greater than or equal to 0",
                        "3 " + skus[0] + " id repeats the item at index 0",
                        "4 " + skus[2] + " quantity: must not be null",
                        "5 " + skus[2] + " quantity: not a value of its type",
                        "6 null not a JSON object",
                        "7 null id: must not be null");
        assertThat(state()).isEqualTo(before);

        // the items are well formed: now the unknown ids are found, all of them, by the statement
        problem = refused(422, "/admin/skus", "[{\"id\": " + skus[0] + ", \"quantity\": 9}, {\"id\": 987654321, \"quantity\": 9}, "
                + "{\"id\": 987654322, \"quantity\": 9}]");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("index").asInt() + " " + error.get("id").asLong() + " " + error.get("message").asString()))
                .containsExactly("1 987654321 no SKU has this id", "2 987654322 no SKU has this id");
        assertThat(state()).as("the item that was found was rolled back with the rest").isEqualTo(before);
    }

    @Test
    void stylePricesNeedASalePriceOrNullAndValidPrices() {
        String before = state();
        JsonNode problem = refused(422, "/admin/styles", "[{\"id\": " + style + ", \"original_price\": \"10.00\"}, "
                + "{\"id\": " + style + "1, \"original_price\": \"10.005\", \"sale_price\": null}, "
                + "{\"id\": 987654321, \"original_price\": \"abc\", \"sale_price\": null}]");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("index").asInt() + " " + error.get("message").asString()))
                .containsExactly("0 sale_price: must be given (null for none)",
                        "1 original_price: numeric value out of bounds (<8 digits>.<2 digits> expected)",
                        "2 original_price: not a value of its type");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anEmptyOrOverLongArrayOrABodyThatIsNoArrayIsA400() {
        String before = state();
        String item = "{\"id\": " + skus[0] + ", \"quantity\": 1}";
        String tooMany = IntStream.range(0, BulkItems.MAX_ITEMS + 1).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));
        for (String body : List.of("[]", tooMany, item, "[" + item, "null")) {
            JsonNode problem = refused(400, "/admin/skus", body);
            assertThat(problem.get("detail").asString()).as(body.substring(0, Math.min(body.length(), 40))).isNotBlank();
        }
        assertThat(refused(400, "/admin/styles", "[]").get("detail").asString()).isEqualTo("a bulk write takes 1 to 1000 items, not 0");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aThousandItemsAreTakenInOneWrite() {
        List<Long> ids = jdbc.sql("INSERT INTO skus (style_id, size, quantity) SELECT ?, 'M', 0 FROM generate_series(1, ?) RETURNING id")
                .param(style).param(BulkItems.MAX_ITEMS - skus.length).query(Long.class).list();
        List<Long> all = java.util.stream.Stream.concat(java.util.Arrays.stream(skus).boxed(), ids.stream()).toList();
        String items = IntStream.range(0, all.size()).mapToObj(i -> "{\"id\": " + all.get(i) + ", \"quantity\": " + (i + 1) + "}")
                .collect(Collectors.joining(",", "[", "]"));
        long before = lastOutboxId();
        assertThat(client.admin("PATCH", "/admin/skus", items).statusCode()).isEqualTo(204);
        assertThat(lastOutboxId() - before).as("one product changed: one outbox row").isEqualTo(1);
        assertThat(jdbc.sql("SELECT sum(quantity) FROM skus WHERE style_id = ?").param(style).query(Long.class).single())
                .isEqualTo(BulkItems.MAX_ITEMS * (BulkItems.MAX_ITEMS + 1L) / 2);
    }

    private JsonNode refused(int status, String path, String body) {
        HttpResponse<String> response = client.admin("PATCH", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return client.json(response.body());
    }

    /** The rows a bulk write could change, and the outbox's last id. */
    private String state() {
        return jdbc.sql("SELECT string_agg(id || ':' || quantity, ',' ORDER BY id) FROM skus WHERE style_id = ?").param(style).query(String.class).single()
                + jdbc.sql("SELECT original_price || '/' || coalesce(sale_price::text, '-') FROM styles WHERE id = ?").param(style).query(String.class).single()
                + " outbox " + lastOutboxId();
    }

    private long lastOutboxId() {
        return jdbc.sql("SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox', 'id')), 0)").query(Long.class).single();
    }
}
