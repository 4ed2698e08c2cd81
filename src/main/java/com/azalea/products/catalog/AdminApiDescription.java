package com.azalea.products.catalog;

import static com.azalea.products.system.ApiDescription.PROBLEM;
import static com.azalea.products.system.ApiDescription.component;
import static com.azalea.products.system.ApiDescription.extend;
import static com.azalea.products.system.ApiDescription.header;
import static com.azalea.products.system.ApiDescription.json;
import static com.azalea.products.system.ApiDescription.object;
import static com.azalea.products.system.ApiDescription.problem;
import static com.azalea.products.system.ApiDescription.string;
import static com.azalea.products.system.ApiDescription.shared;

import com.azalea.products.system.ApiDescription;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.stereotype.Component;

/**
 * The admin API in the OpenAPI description. springdoc reads the request bodies from {@link Inputs} and the
 * audit trail's entries; this adds what the controllers and the security chain answer besides: the bearer
 * token that every path under {@code /admin/} needs, the body of a 201, and the problem details of refused requests.
 */
@Component
class AdminApiDescription implements OpenApiCustomizer, PropertyCustomizer {

    private static final String INVALID_REQUEST = "InvalidRequestProblem";
    private static final String INVALID_ITEMS = "InvalidItemsProblem";

    @Override
    public void customise(OpenAPI api) {
        Schema<?> created = component(api, "Created", object("The row a POST created.", List.of("id"))
                .addProperty("id", new JsonSchema().types(Set.of("integer")).format("int64").minimum(BigDecimal.ONE).description("its id")));
        Schema<?> error = object(null, List.of("field", "message")).addProperty("field", string().description("the member as the body spells it"))
                .addProperty("message", string());
        extend(api, PROBLEM, INVALID_REQUEST, "A request the admin API cannot take: a bad body, or a path id that is not a positive integer.",
                Map.of("errors", new JsonSchema().types(Set.of("array")).items(error).description("every invalid member of the body")), List.of());
        ApiResponse invalid = problem("The body is not the JSON this request takes, a member is invalid, the id is not positive, or a bulk write has no items or too many.",
                INVALID_REQUEST, """
                        {"title": "Invalid request body", "status": 400, "detail": "invalid fields: default_price",
                         "instance": "/admin/products", "errors": [{"field": "default_price", "message": "must not be null"}]}""");
        Schema<?> itemError = object(null, List.of("index", "id", "message"))
                .addProperty("index", new JsonSchema().types(Set.of("integer")).minimum(BigDecimal.ZERO).description("the item's place in the array, from 0"))
                .addProperty("id", new JsonSchema().types(Set.of("integer", "null")).format("int64").description("the item's id, null when it has none"))
                .addProperty("message", string());
        extend(api, PROBLEM, INVALID_ITEMS, "Items of a bulk write that cannot be applied; nothing was written.",
                Map.of("errors", new JsonSchema().types(Set.of("array")).items(itemError).description("every item that cannot be applied")),
                List.of("errors"));
        ApiResponse invalidItems = problem("An item is invalid, repeats an id, or names a row that does not exist; nothing was written.",
                INVALID_ITEMS, """
                        {"title": "Invalid items", "status": 422, "detail": "2 items cannot be applied; nothing was written",
                         "instance": "/admin/skus", "errors": [{"index": 3, "id": 11323918, "message": "no SKU has this id"},
                         {"index": 7, "id": 42, "message": "quantity: must be greater than or equal to 0"}]}""");
        ApiResponse unauthorized = problem("""
                No valid bearer token: none, or one that is expired, not signed by the issuer's keys, for another \
                issuer or audience, or malformed (with no issuer and no static token configured the admin API is off).""", PROBLEM, """
                {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "the bearer token was not accepted"}""")
                .addHeaderObject("WWW-Authenticate", header("Bearer, with error=\"invalid_token\" when a token was refused", string()));
        ApiResponse forbidden = problem("""
                A valid token without the scope this request needs (catalog:write, or catalog:audit for the audit trail), \
                or a browser page's request from an origin the admin API's CORS settings do not allow.""", PROBLEM, """
                {"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "the token lacks the scope this request needs: catalog:write"}""");
        ApiResponse notFound = problem("No row has the id in the path.", PROBLEM, """
                {"title": "Not Found", "status": 404, "detail": "style 42 does not exist", "instance": "/admin/styles/42"}""");
        ApiResponse lengthRequired = problem("The body came without a Content-Length.", PROBLEM, """
                {"type": "about:blank", "title": "Length Required", "status": 411, "detail": "admin requests must state their Content-Length"}""");
        ApiResponse tooLarge = problem("The body is larger than azalea.admin.max-body-size.", PROBLEM, """
                {"type": "about:blank", "title": "Content Too Large", "status": 413, "detail": "the body is larger than 65536 bytes"}""");

        api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/admin/")) {
                return;
            }
            item.readOperationsMap().values().forEach(operation -> {
                operation.tags(List.of(ApiDescription.ADMIN_TAG)).security(List.of(new SecurityRequirement().addList(ApiDescription.ADMIN_TOKEN)));
                ApiResponses responses = operation.getResponses();
                if (responses.containsKey("201")) {
                    responses.addApiResponse("201", json("Created.", created, "{\"id\": 42}"));
                }
                responses.addApiResponse("400", invalid).addApiResponse("401", unauthorized)
                        .addApiResponse("403", forbidden);
                if (path.contains("{id}")) {
                    responses.addApiResponse("404", notFound);
                }
                if (isBulk(operation)) {
                    responses.addApiResponse("422", invalidItems);
                }
                if (operation.getRequestBody() != null) {
                    responses.addApiResponse("411", lengthRequired).addApiResponse("413", tooLarge);
                }
                responses.addApiResponse("503", shared(ApiDescription.UNAVAILABLE));
            });
        });
    }

    /** A bulk write: its body is an array of items. */
    private static boolean isBulk(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent().values().stream()
                .anyMatch(media -> media.getSchema() != null && media.getSchema().getItems() != null);
    }

    /** The length limit of {@link Text}: springdoc reads the pattern of that composed constraint, but not the size it overrides. */
    @Override
    public Schema customize(Schema property, AnnotatedType type) {
        for (Annotation annotation : type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations()) {
            if (annotation instanceof Text text) {
                property.maxLength(text.max());
            }
        }
        return property;
    }
}
