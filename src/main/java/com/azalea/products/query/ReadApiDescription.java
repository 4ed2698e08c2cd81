package com.azalea.products.query;

import static com.azalea.products.system.ApiDescription.extend;
import static com.azalea.products.system.ApiDescription.header;
import static com.azalea.products.system.ApiDescription.json;
import static com.azalea.products.system.ApiDescription.operation;
import static com.azalea.products.system.ApiDescription.parameter;
import static com.azalea.products.system.ApiDescription.problem;
import static com.azalea.products.system.ApiDescription.schemaOf;
import static com.azalea.products.system.ApiDescription.string;
import static com.azalea.products.system.ApiDescription.shared;

import com.azalea.products.system.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The read API in the OpenAPI description. {@link ProductController} writes ready bytes, so springdoc
 * finds its paths but not what they answer: this says it, with the shapes of {@link ReadApiSchemas},
 * and leaves the controller as it is. The load test's baseline serves the same paths and is described
 * by the same words (it sends no ETag).
 */
@Component
class ReadApiDescription implements OpenApiCustomizer {

    private static final String INVALID_PARAMETER = "InvalidParameterProblem";
    private static final Header VARY = header("includes Accept-Encoding: the representation depends on it", string());
    private static final String DOCUMENT = "/products/{productId}";
    private static final String OVERLOADED = "Overloaded";

    private final ReadProperties properties;

    ReadApiDescription(ReadProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI api) {
        // each route's trailing-slash alias (ProductController) is the same operation: described once
        api.getPaths().keySet().removeIf(path -> path.startsWith("/products/") && path.endsWith("/"));
        api.getComponents().addResponses(OVERLOADED, problem("""
                Refused by admission control (ReadAdmission): the read waited longer than azalea.read.admission.max-wait \
                for a request thread. The connection stays open; retry after the seconds of Retry-After.""", ApiDescription.PROBLEM, """
                {"type": "about:blank", "title": "Too Many Requests", "status": 429, "detail": "too many requests at once; retry shortly"}""")
                .addHeaderObject("Retry-After", header("seconds to wait before retrying", new JsonSchema().types(Set.of("integer")))));
        Schema<?> summary = schemaOf(api, ReadApiSchemas.ProductSummary.class);
        // as documents.sql builds it: the summary || {features}
        Schema<?> product = extend(api, "ProductSummary", "Product", "A product and its features, in feature id order.",
                Map.of("features", new JsonSchema().types(Set.of("array")).items(schemaOf(api, ReadApiSchemas.Feature.class))), List.of("features"));
        extend(api, ApiDescription.PROBLEM, INVALID_PARAMETER, "A request value that is not what the parameter takes.",
                Map.of("parameter", string().description("the parameter at fault; absent when the query string as a whole cannot be read")),
                List.of());

        Operation list = operation(api, "/products", HttpMethod.GET).summary("A page of products, in id order").tags(List.of(ApiDescription.READ_TAG));
        parameter(list, "page").description("the page, from 1").schema(positiveInteger()._default(1));
        parameter(list, "count").description("products per page; at most " + properties.maxCount() + " (azalea.read.max-count)")
                .schema(positiveInteger().maximum(BigDecimal.valueOf(properties.maxCount()))._default(5));
        list.responses(new ApiResponses()
                .addApiResponse("200", json("The page; empty past the last product. Never compressed.", new JsonSchema().types(Set.of("array")).items(summary), LIST)
                        .addHeaderObject("Vary", VARY))
                .addApiResponse("400", invalidParameter("count",
                        "count '%d' is above the maximum of %d".formatted(properties.maxCount() + 1, properties.maxCount()), "/products"))
                .addApiResponse("403", shared(ApiDescription.CROSS_ORIGIN_REFUSED)).addApiResponse("429", shared(OVERLOADED))
                .addApiResponse("503", shared(ApiDescription.UNAVAILABLE)));

        document(api, "", "A product and its features", product, PRODUCT);
        Schema<?> styles = schemaOf(api, ReadApiSchemas.Styles.class);
        // SKU ids, as strings: the hosted API's {"null": {...}} for a style without SKUs is not an answer of this service
        Schema<?> style = api.getComponents().getSchemas().get("Style");
        style.getProperties().get("skus").propertyNames(string().pattern("^[1-9][0-9]*$"));
        document(api, "/styles", "The styles of a product, with their photos and SKUs", styles, STYLES);
        document(api, "/related", "The ids of the products related to a product",
                new JsonSchema().types(Set.of("array")).items(positiveInteger()), "[2, 3, 8, 7]");
    }

    /** A document GET: one cached document, with an ETag, and a 304 for a client that has it. */
    private static void document(OpenAPI api, String suffix, String summary, Schema<?> schema, String example) {
        Operation operation = operation(api, DOCUMENT + suffix, HttpMethod.GET).summary(summary).tags(List.of(ApiDescription.READ_TAG));
        parameter(operation, "productId").description("the product id (product_id in the contract), a positive integer").schema(positiveInteger());
        operation.addParametersItem(new HeaderParameter().name("If-None-Match").schema(string())
                .description("the ETag of a copy the client holds, of either representation: if it is still current, the answer is a 304 "
                        + "without a body"));
        operation.responses(new ApiResponses()
                .addApiResponse("200", json("""
                        The document. Sent gzip-compressed (Content-Encoding: gzip) to a client that accepts it, \
                        and as it is to the others. A document that gzip would not shrink is always sent as it is.""", schema, example)
                        .addHeaderObject("ETag", header("""
                                a strong ETag of this representation: "<version>-<md5>" for the JSON, "<version>-<md5>-gzip" \
                                for its gzip bytes""", string()))
                        .addHeaderObject("Content-Encoding", header("gzip when the body is the compressed document", string()._enum(List.<Object>of("gzip")))
                                .required(false))
                        .addHeaderObject("Vary", VARY))
                .addApiResponse("304", new ApiResponse().description("Not Modified: If-None-Match names a current ETag. No body.")
                        .addHeaderObject("ETag", header("the current ETag of the representation the request selects", string()))
                        .addHeaderObject("Vary", VARY))
                .addApiResponse("400", invalidParameter("product_id", "product_id 'abc' must be a positive integer", "/products/abc" + suffix))
                .addApiResponse("403", shared(ApiDescription.CROSS_ORIGIN_REFUSED))
                .addApiResponse("404", problem("No product has this id (or it was deleted).", ApiDescription.PROBLEM, """
                        {"title": "Product not found", "status": 404,
                         "detail": "product 987654321 does not exist", "instance": "/products/987654321%s"}""".formatted(suffix)))
                .addApiResponse("429", shared(OVERLOADED))
                .addApiResponse("503", shared(ApiDescription.UNAVAILABLE)));
    }

    private static ApiResponse invalidParameter(String parameter, String detail, String instance) {
        return problem("A parameter is not a positive integer, or count is above its maximum.", INVALID_PARAMETER, """
                {"type": "urn:azalea:problem:invalid-parameter", "title": "Invalid request parameter", "status": 400,
                 "detail": "%s", "instance": "%s", "parameter": "%s"}""".formatted(detail, instance, parameter));
    }

    private static Schema<Object> positiveInteger() {
        return new JsonSchema().types(Set.of("integer")).format("int64").minimum(BigDecimal.ONE);
    }

    private static final String LIST = """
            [{"id": 1, "campus": "hr-rfp", "name": "Camo Onesie", "slogan": "Blend in to your crowd",
              "description": "The So Fatigues will wake you up and fit you in.", "category": "Jackets", "default_price": "140.00",
              "created_at": "2021-08-13T14:39:39.968Z", "updated_at": "2021-08-13T14:39:39.968Z"},
             {"id": 2, "campus": "hr-rfp", "name": "Bright Future Sunglasses", "slogan": "You've got to see it to believe it.",
              "description": "Where you're going you might not need roads, but you definitely need some shades.",
              "category": "Accessories", "default_price": "69.00",
              "created_at": "2021-08-13T14:39:39.968Z", "updated_at": "2021-08-13T14:39:39.968Z"}]""";

    private static final String PRODUCT = """
            {"id": 1, "campus": "hr-rfp", "name": "Camo Onesie", "slogan": "Blend in to your crowd",
             "description": "The So Fatigues will wake you up and fit you in.", "category": "Jackets", "default_price": "140.00",
             "created_at": "2021-08-13T14:39:39.968Z", "updated_at": "2021-08-13T14:39:39.968Z",
             "features": [{"feature": "Fabric", "value": "Canvas"}, {"feature": "Buttons", "value": "Brass"}, {"feature": "Lifetime Guarantee", "value": null}]}""";

    /** The second style shows the contract's odd cases: on sale, no photos (the placeholder), no SKUs. */
    private static final String STYLES = """
            {"product_id": "1", "results": [
              {"style_id": 1, "name": "Forest Green & Black", "original_price": "140.00", "sale_price": null, "default?": true,
               "photos": [{"thumbnail_url": "https://images.unsplash.com/photo-1501088430049-71c79fa3283e?w=300&q=80",
                           "url": "https://images.unsplash.com/photo-1501088430049-71c79fa3283e?w=668&q=80"}],
               "skus": {"1": {"quantity": 8, "size": "XS"}, "2": {"quantity": 16, "size": "S"}}},
              {"style_id": 2, "name": "Desert Brown & Tan", "original_price": "140.00", "sale_price": "100.00", "default?": false,
               "photos": [{"thumbnail_url": null, "url": null}],
               "skus": {}}]}""";
}
