package com.azalea.products;

import com.azalea.products.support.IntegrationTest;
import com.azalea.products.support.RawHttp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Malformed requests to every part of the API, drawn from a seeded {@link Random} so that a run can be
 * repeated exactly. Admin requests name rows that exist and carry bodies that are valid but for the
 * one thing broken, so a request that got through where it must not would change the catalog.
 */
final class BadRequests {

    /** What a probe may get besides "no 5xx, no leak, errors as problem details". */
    enum Expect { ANSWER, UNAUTHORIZED, CLIENT_ERROR }

    /**
     * One request. {@code refusableByTomcat}: its path or header is one Tomcat may refuse itself, before
     * the application sees the request, with its own plain error page instead of a problem detail.
     */
    record Probe(String category, String request, Expect expect, boolean refusableByTomcat, Callable<RawHttp.Answer> send) {
    }

    private record Route(String method, String template, Body body) {
        /** The table of the row that {id} names: the first segment after /admin/ is its name. */
        String table() {
            return template.split("/")[2];
        }
    }

    private enum Body {
        PRODUCT("name", "slogan", "description", "category", "default_price"), FEATURE("feature", "value"),
        STYLE("name", "original_price", "sale_price", "default?"), PHOTO("url", "thumbnail_url"), SKU("size", "quantity"),
        QUANTITY("quantity"), RELATED("related_product_id"), NONE;

        final List<String> fields;

        Body(String... fields) {
            this.fields = List.of(fields);
        }
    }

    /** A body field: a valid JSON value, whether it may be left out or null, and values it must refuse. */
    private record Field(String valid, boolean required, List<String> invalid) {
    }

    private static final List<Route> ADMIN_ROUTES = List.of(
            new Route("POST", "/admin/products", Body.PRODUCT), new Route("PUT", "/admin/products/{id}", Body.PRODUCT),
            new Route("DELETE", "/admin/products/{id}", Body.NONE), new Route("POST", "/admin/products/{id}/features", Body.FEATURE),
            new Route("PUT", "/admin/features/{id}", Body.FEATURE), new Route("DELETE", "/admin/features/{id}", Body.NONE),
            new Route("POST", "/admin/products/{id}/styles", Body.STYLE), new Route("PUT", "/admin/styles/{id}", Body.STYLE),
            new Route("DELETE", "/admin/styles/{id}", Body.NONE), new Route("POST", "/admin/styles/{id}/photos", Body.PHOTO),
            new Route("PUT", "/admin/photos/{id}", Body.PHOTO), new Route("DELETE", "/admin/photos/{id}", Body.NONE),
            new Route("POST", "/admin/styles/{id}/skus", Body.SKU), new Route("PUT", "/admin/skus/{id}", Body.SKU),
            new Route("PATCH", "/admin/skus/{id}", Body.QUANTITY), new Route("DELETE", "/admin/skus/{id}", Body.NONE),
            new Route("POST", "/admin/products/{id}/related", Body.RELATED), new Route("DELETE", "/admin/related/{id}", Body.NONE));
    private static final List<Route> READ_ROUTES = List.of(new Route("GET", "/products", Body.NONE),
            new Route("GET", "/products/{id}", Body.NONE), new Route("GET", "/products/{id}/styles", Body.NONE),
            new Route("GET", "/products/{id}/related", Body.NONE));
    /** The OpenAPI description and Swagger UI (springdoc). */
    private static final List<Route> DOCS_ROUTES = List.of(new Route("GET", "/v3/api-docs", Body.NONE),
            new Route("GET", "/v3/api-docs.yaml", Body.NONE), new Route("GET", "/v3/api-docs/swagger-config", Body.NONE),
            new Route("GET", "/swagger-ui.html", Body.NONE), new Route("GET", "/swagger-ui/index.html", Body.NONE));
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO");

    /**
     * Ids and paging values that are not positive integers, or name nothing; encoded into the path or query.
     * The emoji after an "a" fall across the 40 characters at which an error detail cuts the value.
     */
    private static final List<String> BAD_VALUES = List.of("abc", "-1", "0", "00", "1.5", "1e3", "+1", " 1", "1 ", "0x10", "#1", "1,2",
            "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "１２３", "١٢٣", "", ".",
            "'; DROP TABLE products;--", "1 OR 1=1", "1' OR '1'='1", "1; SELECT pg_sleep(5)", "$(reboot)", "{{7*7}}", "${jndi:ldap://x/a}",
            "<script>alert(1)</script>", "null", "undefined", "true", "NaN", "Infinity", "😀", "✓", "é", "\u202e1", "日本語", "\uFEFF1",
            "a😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "\t", "\n", "\u0000", "/", "\\", "?", "#", "&page=1", "9".repeat(1000),
            "a".repeat(5000), "😀".repeat(500));
    /** Escapes that are valid URI syntax but that Tomcat or the application must refuse once decoded; sent as they are. */
    private static final List<String> RAW_ESCAPES = List.of("%00", "%2F", "%5C", "%ff", "%C0%AF", "%E2%82", "%2e%2e", "%0d%0a", "%25", "%c3%28");
    private static final List<String> PAGE_NAMES = List.of("page", "count", "page", "count", "Page", "COUNT", "count%5B%5D", "page.x", "", "p%00");
    private static final List<String> PAGE_VALUES = List.of("", "1", "100", "101", "1000", "1000000", "2147483648", "9223372036854775807",
            "-9223372036854775808", "0", "-5", "1.0", "5e2", "abc");
    private static final List<String> UNKNOWN_PATHS = List.of("/", "/product", "/products/1/styles/1", "/products/1/x", "/products/1/",
            "/products//1", "/Products/1", "/products.json", "/products/1/related/2", "/error", "/error/x", "/actuator/nope", "/static/x",
            "/index.html", "/favicon.ico", "/.git/config", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/products;jsessionid=1",
            "/api/products", "/admin", "/admin/", "/admin/nope", "/admin/products/1/nope", "/adminx/products", "/%2e%2e/%2e%2e/etc/passwd",
            "/products/%2e%2e/%2e%2e/etc/passwd", "/cgi-bin/test.cgi", "/actuator/../products", "/v3/api-docs/nope", "/v3/api-docs.json",
            "/v3/api-docs/%2e%2e/%2e%2e/etc/passwd", "/swagger-ui/nope.js", "/swagger-ui/%2e%2e/application.yml", "/swagger-ui/../v3/api-docs",
            "/webjars/swagger-ui/index.html");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html", "application/xml", "text/plain", "///",
            "application/json;q=abc", "image/*, */*;q=0", "");
    private static final List<String> ODD_HEADERS = List.of("If-None-Match", "\"garbage", "If-None-Match", "*", "Range", "bytes=abc",
            "Content-Type", "garbage/", "Cookie", ";;;=;", "X-HTTP-Method-Override", "DELETE", "Origin", "null", "Accept-Encoding", "gzip;q=x",
            "Accept-Language", "xx;q=x", "If-Modified-Since", "yesterday", "X-Forwarded-For", "'; DROP TABLE products;--");
    private static final List<String> BAD_AUTHORIZATIONS = List.of("", "Bearer", "Bearer ", "Bearer wrong",
            "Bearer " + IntegrationTest.ADMIN_TOKEN + "x", "Bearer " + IntegrationTest.ADMIN_TOKEN.substring(1), "Basic dGVzdDp0ZXN0",
            IntegrationTest.ADMIN_TOKEN, "Token " + IntegrationTest.ADMIN_TOKEN, "Bearer " + "x".repeat(8000), "Bearer ' OR '1'='1",
            "Bearer null", "Bearer " + IntegrationTest.ADMIN_TOKEN.toUpperCase());
    private static final List<String> NOT_JSON = List.of("", " ", "{", "}", "[", "{\"name\"", "{not json}", "nul", "null", "true", "42",
            "\"text\"", "[]", "[{}]", "{}", "{'name': 'x'}", "{\"a\": 1,}", "\uFEFF{", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": \"\\ud800\"");
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml", "text/json", "application/octet-stream",
            "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x", "application/json; charset=foo",
            "application/json;;=", "json", "text/html; charset=utf-8");
    /** Admin paths spelled so that a careless match could route them past the token check. */
    private static final List<String> ADMIN_PATH_SPELLINGS = List.of("/ADMIN", "/admin/", "/admin/.", "/admin;x=1", "/%61dmin", "//admin",
            "/./admin", "/admin/../admin", "/products/../admin", "/Admin", "/admin%2F", "/admin%20");

    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private final Map<String, List<Long>> ids;
    private final Map<String, Field> fields = new LinkedHashMap<>();

    /** @param ids some ids of existing rows, by table */
    BadRequests(long seed, int port, Map<String, List<Long>> ids) {
        this.random = new Random(seed);
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.ids = ids;
        fields.put("name", text("\"Intruder\"", 2048, true));
        fields.put("slogan", text("\"Uninvited\"", 2048, true));
        fields.put("description", text("\"Never to be stored.\"", 8192, true));
        fields.put("category", text("\"Hats\"", 2048, true));
        fields.put("feature", text("\"Fabric\"", 2048, true));
        fields.put("value", text("\"Tin\"", 2048, false));
        fields.put("url", text("\"https://img.example/x\"", 2048, true));
        fields.put("thumbnail_url", text("\"https://img.example/xt\"", 2048, true));
        fields.put("size", text("\"XL\"", 2048, true));
        List<String> prices = List.of("\"abc\"", "true", "{}", "[]", "-1", "-0.01", "123456789", "0.001", "1e400", "NaN", "\"NaN\"");
        fields.put("default_price", new Field("10", true, with(prices, "null", "\"\"")));
        fields.put("original_price", new Field("10", true, with(prices, "null", "\"\"")));
        fields.put("sale_price", new Field("null", false, prices));
        fields.put("default?", new Field("false", true, List.of("\"yes\"", "\"\"", "{}", "[]", "null")));
        fields.put("quantity", new Field("1", true, List.of("\"abc\"", "1.5", "-1", "2147483648", "true", "{}", "[]", "1e2", "null")));
        fields.put("related_product_id", new Field(Long.toString(ids.get("products").getFirst()), true,
                List.of("\"abc\"", "0", "-5", "1.5", "987654321", "true", "{}", "null", "99999999999999999999")));
    }

    private static Field text(String valid, int maxLength, boolean required) {
        List<String> invalid = List.of("{}", "[]", "[\"x\"]", "\"a\\u0000b\"", "\"" + "x".repeat(maxLength + 1) + "\"");
        return new Field(valid, required, required ? with(invalid, "\"\"", "\"   \"", "null") : invalid);
    }

    /** Each admin route that takes a body, with the token and the valid body the invalid ones are made from. */
    List<Probe> validWrites() {
        return ADMIN_ROUTES.stream().filter(route -> route.body() != Body.NONE).map(route -> http("valid writes", Expect.ANSWER, route.method(),
                pathOf(route), validContent(route), false, "Content-Type", "application/json", "Authorization", token())).toList();
    }

    // --- the categories

    /** Bad, odd and unknown ids on the three document routes, some with odd Accept or other headers. */
    List<Probe> readIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String id = switch (random.nextInt(10)) {
                case 0 -> Long.toString(pick(ids.get("products")));
                case 1, 2 -> pick(RAW_ESCAPES);
                case 3, 4, 5 -> encode(junk());
                default -> encode(pick(BAD_VALUES));
            };
            String path = pick(READ_ROUTES.subList(1, 4)).template().replace("{id}", id);
            return http("read ids", Expect.ANSWER, "GET", path, null, false, readHeaders());
        }).toList();
    }

    /** page and count: bad, huge, repeated, empty, misspelt, undecodable; and more parameters than Tomcat takes. */
    List<Probe> paging(int count) {
        List<Probe> probes = new ArrayList<>(IntStream.range(0, count).mapToObj(i -> {
            String query = IntStream.range(0, 1 + random.nextInt(3)).mapToObj(p -> pick(PAGE_NAMES) + "=" + switch (random.nextInt(4)) {
                case 0 -> pick(PAGE_VALUES);
                case 1 -> pick(RAW_ESCAPES);
                default -> encode(pick(BAD_VALUES));
            }).collect(Collectors.joining("&"));
            return http("paging", Expect.ANSWER, "GET", "/products?" + query, null, false, readHeaders());
        }).toList());
        String tooMany = IntStream.range(0, 1500).mapToObj(p -> "page=" + p).collect(Collectors.joining("&"));
        probes.add(http("paging", Expect.ANSWER, "GET", "/products?" + tooMany, null, false));
        return probes;
    }

    /** Paths nothing serves, with any method; none carries a token. */
    List<Probe> unknownPaths(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String path = random.nextBoolean() ? pick(UNKNOWN_PATHS) : "/" + encode(junk()) + (random.nextBoolean() ? "/" + encode(junk()) : "");
            return http("unknown paths", Expect.ANSWER, pick(List.of("GET", "POST", "PUT", "PATCH", "DELETE")), path,
                    random.nextBoolean() ? "{}".getBytes(StandardCharsets.UTF_8) : null, false, readHeaders());
        }).toList();
    }

    /** Every route with every method it does not take; admin routes with and without the token, and with a valid body. */
    List<Probe> wrongMethods() {
        List<Probe> probes = new ArrayList<>();
        Map<String, List<Route>> byPath = new LinkedHashMap<>();
        READ_ROUTES.forEach(route -> byPath.computeIfAbsent(route.template(), path -> new ArrayList<>()).add(route));
        DOCS_ROUTES.forEach(route -> byPath.computeIfAbsent(route.template(), path -> new ArrayList<>()).add(route));
        ADMIN_ROUTES.forEach(route -> byPath.computeIfAbsent(route.template(), path -> new ArrayList<>()).add(route));
        byPath.forEach((template, routes) -> {
            Route route = routes.getFirst();
            boolean admin = template.startsWith("/admin");
            String path = admin ? pathOf(route) : template.replace("{id}", Long.toString(ids.get("products").getFirst()));
            Body body = routes.stream().map(Route::body).filter(b -> b != Body.NONE).findFirst().orElse(Body.PRODUCT);
            for (String method : METHODS) {
                if (routes.stream().anyMatch(r -> r.method().equals(method))) {
                    continue;
                }
                byte[] content = List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(method) ? null : bytes(json(validBody(body)));
                // Tomcat refuses TRACE itself, before any filter: a 405, not a 401; Spring Security's firewall refuses
                // a method HTTP does not define (PROPFIND, FOO) with a 400, before it asks for the token
                boolean refusedFirst = method.equals("TRACE") || method.equals("PROPFIND") || method.equals("FOO");
                Expect withoutToken = admin && !refusedFirst ? Expect.UNAUTHORIZED : Expect.ANSWER;
                probes.add(http("wrong methods", withoutToken, method, path, content, false, "Content-Type", "application/json"));
                if (admin) {
                    probes.add(http("wrong methods", Expect.ANSWER, method, path, content, false, "Content-Type", "application/json",
                            "Authorization", token()));
                }
            }
        });
        return probes;
    }

    /** Every admin route with a valid body but no, a wrong or a malformed token. */
    List<Probe> missingOrWrongTokens(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            Route route = pick(ADMIN_ROUTES);
            byte[] body = validContent(route);
            boolean chunked = body != null && random.nextInt(8) == 0;
            String[] headers = random.nextInt(8) == 0 ? new String[] {"Content-Type", "application/json"}
                    : new String[] {"Content-Type", "application/json", "Authorization", pick(BAD_AUTHORIZATIONS)};
            return http("missing or wrong tokens", Expect.UNAUTHORIZED, route.method(), pathOf(route), body, chunked, headers);
        }).toList();
    }

    /** Admin paths spelt in other ways, with valid bodies and no token. */
    List<Probe> adminPathSpellings(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            Route route = pick(ADMIN_ROUTES);
            String path = pathOf(route).replaceFirst("^/admin", pick(ADMIN_PATH_SPELLINGS));
            return http("admin path spellings", Expect.ANSWER, route.method(), path, validContent(route), false, "Content-Type", "application/json");
        }).toList();
    }

    /**
     * The valid token with a body that is wrong in one way: a bad value, a missing field, not JSON, deep
     * nesting, too many keys, too large, the wrong content type, no stated length; some with a bad id too.
     */
    List<Probe> invalidBodies(int count) {
        List<Route> withBodies = ADMIN_ROUTES.stream().filter(route -> route.body() != Body.NONE).toList();
        return IntStream.range(0, count).mapToObj(i -> {
            Route route = pick(withBodies);
            Map<String, String> body = validBody(route.body());
            String required = pick(route.body().fields.stream().filter(field -> fields.get(field).required()).toList());
            String contentType = "application/json";
            boolean chunked = false;
            int breakage = random.nextInt(9);
            switch (breakage) {
                case 0, 1 -> {
                    String field = pick(route.body().fields);
                    body.put(field, pick(fields.get(field).invalid()));
                }
                case 2 -> body.remove(required);
                case 3 -> {
                    body.remove(required); // invalid even where the nesting is within the parser's limit
                    int depth = pick(List.of(600, 5_000, 20_000));
                    body.put("deep", "[".repeat(depth) + "]".repeat(depth));
                }
                case 4 -> {
                    body.remove(required);
                    IntStream.range(0, 3_000).forEach(key -> body.put("k" + key, Integer.toString(key)));
                }
                case 5 -> body.put("padding", "\"" + "x".repeat(pick(List.of(64 * 1024, 200_000, 1_000_000))) + "\"");
                case 6 -> contentType = pick(WRONG_CONTENT_TYPES);
                case 7 -> chunked = true;
                default -> { } // not JSON at all, below
            }
            byte[] content = breakage < 8 ? bytes(json(body)) : random.nextBoolean() ? bytes(pick(NOT_JSON)) : randomBytes(1 + random.nextInt(200));
            String path = random.nextInt(5) == 0 && route.template().contains("{id}")
                    ? route.template().replace("{id}", encode(pick(BAD_VALUES)))
                    : pathOf(route);
            return http("invalid bodies", Expect.CLIENT_ERROR, route.method(), path, content, chunked, "Content-Type", contentType,
                    "Authorization", token());
        }).toList();
    }

    /** Requests broken below HTTP's semantics: request lines, header syntax, framing; Tomcat answers most of them itself. */
    List<Probe> protocolErrors(int randomLines) {
        String close = "Host: x\r\nConnection: close\r\n\r\n";
        List<String> requests = new ArrayList<>(List.of("GET /products/1 HTTP/1.1 extra\r\n" + close,
                "GET  /products/1 HTTP/1.1\r\n" + close, "GET /products/{1} HTTP/1.1\r\n" + close, "GET /products/1|2 HTTP/1.1\r\n" + close,
                "GET /products/%zz HTTP/1.1\r\n" + close, "GET /products/% HTTP/1.1\r\n" + close, "GET /products?page=%zz HTTP/1.1\r\n" + close,
                "GET /products?count=%g1 HTTP/1.1\r\n" + close, "GET /products/.. HTTP/1.1\r\n" + close, "GET /../../etc/passwd HTTP/1.1\r\n" + close,
                "GET /products/\u2713 HTTP/1.1\r\n" + close, "GET /products/1\u0000 HTTP/1.1\r\n" + close,
                "GET http://example.com/products/1 HTTP/1.1\r\n" + close, "GET * HTTP/1.1\r\n" + close, "OPTIONS * HTTP/1.1\r\n" + close,
                "get /products/1 HTTP/1.1\r\n" + close, "G\u0001T /products/1 HTTP/1.1\r\n" + close, "GET /products/1 HTTP/1.1\r\nConnection: close\r\n\r\n",
                "GET /products/1 HTTP/1.1\r\nHost: x\r\nHost: y\r\nConnection: close\r\n\r\n", "GET /products/1 HTTP/1.1\r\nHost: [[[\r\n" + close,
                "GET /products/1 HTTP/1.1\r\nHost: a b\r\n" + close, "GET /products/1 HTTP/1.1\r\nNo colon here\r\n" + close,
                "GET /products/1 HTTP/1.1\r\nBad Name: x\r\n" + close, "GET /products/1 HTTP/1.1\r\nX-Ctl: a\u0001b\r\n" + close,
                "GET /products/1 HTTP/1.1\r\nX-Folded: a\r\n folded\r\n" + close, "GET /products/1 HTTP/1.1\nHost: x\nConnection: close\n\n",
                "GET /products/1 HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n" + close,
                "GET /products/1 HTTP/1.1\r\n" + "X-Many: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".repeat(300) + close,
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + close,
                "POST /admin/products HTTP/1.1\r\nContent-Length: abc\r\n" + close, "POST /admin/products HTTP/1.1\r\nContent-Length: -1\r\n" + close,
                "POST /admin/products HTTP/1.1\r\nAuthorization: " + token() + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n"
                        + close + "{}",
                "POST /admin/products HTTP/1.1\r\nAuthorization: " + token() + "\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n" + close + "0\r\n\r\n",
                "POST /admin/products HTTP/1.1\r\nAuthorization: " + token() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + close + "zz\r\n{}\r\n0\r\n\r\n",
                "POST /admin/products HTTP/1.1\r\nAuthorization: Bearer \u2713\r\nContent-Type: application/json\r\nContent-Length: 2\r\n" + close + "{}",
                "DELETE /admin/products/1 HTTP/1.1\r\nAuthorization: Bearer\u0000" + IntegrationTest.ADMIN_TOKEN + "\r\n" + close,
                "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003")); // the start of a TLS handshake
        // Left out: request lines without a version, which Tomcat reads as HTTP/0.9 and answers without a status line; and
        // "HTTP/2.0" or "HTTP/9.9" request lines and unknown transfer codings, to which HTTP prescribes a 505 and a 501.
        IntStream.range(0, randomLines).forEach(i -> requests.add(junk() + " /" + junk() + " HTTP/1.1\r\n" + close));
        return requests.stream().map(request -> new Probe("protocol errors", abbreviate(request), Expect.ANSWER, true,
                () -> RawHttp.exchange(port, request.getBytes(StandardCharsets.UTF_8)))).toList();
    }

    // --- requests

    /** @param headers names and values, alternating; a chunked body is sent without a Content-Length */
    private Probe http(String category, Expect expect, String method, String path, byte[] body, boolean chunked, String... headers) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).method(method, publisher);
        StringBuilder request = new StringBuilder(method + " " + abbreviate(path));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            request.append(" | ").append(headers[i]).append(": ").append(abbreviate(headers[i + 1]));
        }
        if (body != null) {
            request.append(chunked ? " | chunked " : " | ").append(abbreviate(new String(body, StandardCharsets.UTF_8)));
        }
        HttpRequest built = builder.build();
        String rawPath = built.uri().getRawPath();
        return new Probe(category, request.toString(), expect, rawPath.contains("%") || rawPath.contains(".."), () -> {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new RawHttp.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        });
    }

    /** No extra header, an Accept header, or an Accept header and one odd header. */
    private String[] readHeaders() {
        int oddHeader = 2 * random.nextInt(ODD_HEADERS.size() / 2);
        return switch (random.nextInt(3)) {
            case 0 -> new String[0];
            case 1 -> new String[] {"Accept", pick(ACCEPTS)};
            default -> new String[] {"Accept", pick(ACCEPTS), ODD_HEADERS.get(oddHeader), ODD_HEADERS.get(oddHeader + 1)};
        };
    }

    private String pathOf(Route route) {
        return route.template().replace("{id}", Long.toString(pick(ids.get(route.table()))));
    }

    private byte[] validContent(Route route) {
        return route.body() == Body.NONE ? null : bytes(json(validBody(route.body())));
    }

    private Map<String, String> validBody(Body body) {
        Map<String, String> values = new LinkedHashMap<>();
        body.fields.forEach(field -> values.put(field, fields.get(field).valid()));
        return values;
    }

    private static String token() {
        return "Bearer " + IntegrationTest.ADMIN_TOKEN;
    }

    // --- values

    /** A short string of digits, signs, punctuation, quotes, controls and non-ASCII characters. */
    private String junk() {
        String alphabet = "0123456789-+.eExX_,;:'\"<>!@$^*()[]{}|~`/?#&=%\\ \t\u0000\u0007é✓日\u202e\uFEFF";
        StringBuilder junk = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            junk.append(random.nextInt(10) == 0 ? "😀" : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return junk.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Percent-encodes every byte of the UTF-8 form but the unreserved characters. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", (int) c));
            }
        }
        return encoded.toString();
    }

    private static String json(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\": " + field.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> with(List<String> values, String... more) {
        List<String> all = new ArrayList<>(values);
        all.addAll(List.of(more));
        return all;
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...(" + text.length() + " chars)";
    }
}
