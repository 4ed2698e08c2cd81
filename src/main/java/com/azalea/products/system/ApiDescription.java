package com.azalea.products.system;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The frame of the OpenAPI description that springdoc serves at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): the title, the admin bearer scheme, the problem details and the 503 that
 * both APIs answer, and the helpers with which each side describes its own operations. The controllers
 * write ready bytes, so springdoc sees their paths and parameters but not what they answer: the read
 * side ({@code ReadApiDescription}) and the admin side ({@code AdminApiDescription}) say it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    public static final String JSON = "application/json";
    /** The security scheme of the admin API: a bearer token, a JWT of the store's issuer or {@code azalea.admin.token}. */
    public static final String ADMIN_TOKEN = "admin-token";
    public static final String READ_TAG = "products";
    public static final String ADMIN_TAG = "admin";
    /** The schema of every problem detail; each side adds the members of its own 400s to a copy. */
    public static final String PROBLEM = "Problem";
    /** The 503 every endpoint may answer, as a response component. */
    public static final String UNAVAILABLE = "Unavailable";
    /** The 403 of a browser's cross-origin request from an origin the API does not allow (CrossOrigin). */
    public static final String CROSS_ORIGIN_REFUSED = "CrossOriginRefused";

    @Bean
    OpenAPI openApi() {
        Schema<?> uriReference = string().format("uri-reference");
        Schema<?> problem = object("An error as an RFC 9457 problem detail.", List.of("title", "status"))
                .addProperty("type", uriReference.description("what kind of problem it is; absent or about:blank when the status says all"))
                .addProperty("title", string().description("the kind of problem, for people"))
                .addProperty("status", new JsonSchema().types(Set.of("integer")).minimum(BigDecimal.valueOf(400))
                        .maximum(BigDecimal.valueOf(599)).description("the HTTP status"))
                .addProperty("detail", string().description("what went wrong with this request"))
                .addProperty("instance", string().format("uri-reference").description("the path of the request"));
        return new OpenAPI()
                .info(new Info().title("Azalea Products").version("1").description("""
                        The Atelier products API: public reads of the catalog, answered from precomputed documents, \
                        and the admin API that writes the catalog (a bearer token; a write shows in the reads within moments). \
                        Errors are RFC 9457 problem details."""))
                // relative: Swagger UI calls the host and scheme it loaded the description from, behind NGINX and TLS too
                .addServersItem(new Server().url("/"))
                .addTagsItem(new Tag().name(READ_TAG).description("public reads, the Atelier products contract"))
                .addTagsItem(new Tag().name(ADMIN_TAG).description("writes of the catalog; every request needs the admin token"))
                .components(new Components()
                        .addSecuritySchemes(ADMIN_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("""
                                        A JWT of the issuer configured with spring.security.oauth2.resourceserver.jwt (scope catalog:write \
                                        for writes, catalog:audit for GET /admin/audit), or the static token azalea.admin.token, which has \
                                        both; with neither configured every admin request is a 401"""))
                        .addSchemas(PROBLEM, problem)
                        .addResponses(UNAVAILABLE, problem("""
                                The service cannot answer now: the database is out of reach, or the read model is still being \
                                built at first start. Nothing was written; retry after the seconds of Retry-After.""", PROBLEM, """
                                {"title": "Service Unavailable", "status": 503,
                                 "detail": "the catalog database is unavailable; retry shortly", "instance": "/products/1"}""")
                                .addHeaderObject("Retry-After", header("seconds to wait before retrying", new JsonSchema().types(Set.of("integer")))))
                        .addResponses(CROSS_ORIGIN_REFUSED, problem("""
                                A browser page's request from an origin (or with a method) that the API's CORS settings do not \
                                allow: azalea.read.cors for the reads (any origin by default), azalea.admin.cors for the admin API \
                                (none by default).""", PROBLEM, """
                                {"type": "about:blank", "title": "Forbidden", "status": 403,
                                 "detail": "this origin, method or header is not allowed to call the API from a browser"}""")));
    }

    /**
     * Adds the schema of a record, and of the records it refers to, to the components under the names
     * their {@code @Schema} annotations give, and returns a reference to it. Such records describe
     * answers, which always carry every member (null where allowed): all are marked required.
     */
    public static Schema<?> schemaOf(OpenAPI api, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        resolved.referencedSchemas.forEach((name, schema) -> component(api, name, schema.required(new ArrayList<>(schema.getProperties().keySet()))));
        return resolved.schema;
    }

    /**
     * A copy of a component schema with more members, registered under its own name: a flat schema, as
     * the JSON is (a product is its summary and its features; a 400 is a problem that names the culprit).
     */
    public static Schema<?> extend(OpenAPI api, String base, String name, String description, Map<String, Schema<?>> members,
            List<String> requiredMembers) {
        Schema<?> original = api.getComponents().getSchemas().get(base);
        Map<String, Schema> properties = new LinkedHashMap<>(original.getProperties());
        properties.putAll(members);
        List<String> required = new ArrayList<>(original.getRequired());
        required.addAll(requiredMembers);
        Schema<?> copy = object(description, required);
        copy.setProperties(properties);
        return component(api, name, copy);
    }

    public static Schema<?> reference(String schemaName) {
        return new JsonSchema().$ref("#/components/schemas/" + schemaName);
    }

    /** The parameter springdoc found on an operation, to say what the controller's String takes. */
    public static Parameter parameter(Operation operation, String name) {
        return operation.getParameters().stream().filter(parameter -> parameter.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException(operation.getOperationId() + " has no parameter " + name));
    }

    /** The operation springdoc found for this path and method; a path renamed in a controller fails here, not silently. */
    public static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        Operation operation = item == null ? null : item.readOperationsMap().get(method);
        if (operation == null) {
            throw new IllegalStateException("the description names " + method + " " + path + ", which no controller serves");
        }
        return operation;
    }

    public static ApiResponse json(String description, Schema<?> schema, String example) {
        return new ApiResponse().description(description).content(content(JSON, schema, example));
    }

    public static ApiResponse problem(String description, String schemaName, String example) {
        return new ApiResponse().description(description).content(content(JSON, reference(schemaName), example));
    }

    /** A reference to one of the response components above. */
    public static ApiResponse shared(String response) {
        return new ApiResponse().$ref("#/components/responses/" + response);
    }

    public static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema).required(true);
    }

    /**
     * Adds a schema to the components and returns a reference to it; a name taken twice would silently
     * replace the first, so that fails instead.
     */
    public static Schema<?> component(OpenAPI api, String name, Schema<?> schema) {
        Schema<?> existing = api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(name);
        if (existing != null && !existing.equals(schema)) {
            throw new IllegalStateException("two schemas are named " + name);
        }
        api.getComponents().addSchemas(name, schema);
        return reference(name);
    }

    public static Schema<Object> string() {
        return new JsonSchema().types(Set.of("string"));
    }

    public static Schema<Object> object(String description, List<String> required) {
        return new JsonSchema().types(Set.of("object")).description(description).required(required);
    }

    /** An example kept as JSON text beside the description, as springdoc writes objects (not a string of JSON). */
    private static Content content(String mediaType, Schema<?> schema, String example) {
        return new Content().addMediaType(mediaType, new MediaType().schema(schema).example(JsonMapper.shared().readValue(example, Object.class)));
    }
}
