package com.azalea.products.support;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's OpenAPI description as a judge of real exchanges: an answer must have a status its
 * operation declares, the headers declared required, and a body that the declared schema (JSON Schema
 * 2020-12, OpenAPI 3.1's dialect) takes. For the check, every object schema that lists its members is
 * closed ({@code additionalProperties: false}), so a member the service sends but the description
 * lacks fails too; the published description stays open, as clients should tolerate new members.
 */
public final class ApiContract {

    private static final String IRI = "urn:azalea:openapi";

    private record Path(String template, Pattern pattern, int parameters) {
    }

    private final JsonNode description;
    private final SchemaRegistry schemas;
    private final List<Path> paths = new ArrayList<>();
    private final Set<String> checked = new HashSet<>();

    public ApiContract(JsonNode description) {
        this.description = description;
        JsonNode closed = description.deepCopy();
        close(closed);
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(IRI, closed.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        for (String template : description.path("paths").propertyNames()) {
            String[] literals = template.split("\\{[^}]+}", -1);
            paths.add(new Path(template, Pattern.compile(Arrays.stream(literals).map(Pattern::quote).collect(Collectors.joining("[^/]+"))),
                    literals.length - 1));
        }
        // a literal path wins over a template that also matches
        paths.sort(Comparator.comparingInt(Path::parameters));
    }

    public JsonNode description() {
        return description;
    }

    /** The same description changed by {@code change}: for showing that a wrong description fails the check. */
    public ApiContract with(UnaryOperator<ObjectNode> change) {
        return new ApiContract(change.apply((ObjectNode) description.deepCopy()));
    }

    /** What is wrong with the answer by the description of its request's operation; empty when nothing is. */
    public List<String> violations(HttpResponse<String> response) {
        String method = response.request().method().toLowerCase(Locale.ROOT);
        String path = response.request().uri().getRawPath();
        Optional<String> template = template(path);
        if (template.isEmpty() || description.path("paths").path(template.get()).path(method).isMissingNode()) {
            return List.of("no operation describes " + method + " " + path);
        }
        checked.add(method + " " + template.get());
        String pointer = "/paths/" + escape(template.get()) + "/" + method + "/responses/" + response.statusCode();
        JsonNode declared = description.at(pointer);
        if (declared.isMissingNode()) {
            return List.of(method + " " + template.get() + " does not declare status " + response.statusCode());
        }
        if (declared.has("$ref")) {
            pointer = declared.get("$ref").asString().substring(1);
            declared = description.at(pointer);
        }
        List<String> violations = new ArrayList<>();
        for (String header : declared.path("headers").propertyNames()) {
            if (declared.path("headers").path(header).path("required").asBoolean() && response.headers().firstValue(header).isEmpty()) {
                violations.add("no " + header + " header");
            }
        }
        if (declared.path("content").isMissingNode()) {
            if (!response.body().isEmpty()) {
                violations.add("a body where none is declared: " + response.body());
            }
            return violations;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").replaceFirst(";.*", "").trim();
        if (declared.path("content").path(contentType).isMissingNode()) {
            violations.add("Content-Type " + contentType + " is not declared");
            return violations;
        }
        violations.addAll(check(pointer + "/content/" + escape(contentType) + "/schema", response.body()));
        return violations;
    }

    /** The operations of the description that no answer checked so far was for: an endpoint added without a check shows here. */
    public List<String> uncheckedOperations() {
        List<String> unchecked = new ArrayList<>();
        description.path("paths").properties().forEach(path -> path.getValue().propertyNames().stream().map(method -> method + " " + path.getKey())
                .filter(operation -> !checked.contains(operation)).forEach(unchecked::add));
        return unchecked;
    }

    /** What is wrong with a request body by the schema of its operation's request body. */
    public List<String> requestViolations(String method, String path, String body) {
        String template = template(path).orElseThrow(() -> new AssertionError("no path of the description matches " + path));
        return check("/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody/content/application~1json/schema", body);
    }

    /** What is wrong with the description's own examples, each by the schema beside it. */
    public List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        examples(description, "", violations);
        return violations;
    }

    private void examples(JsonNode node, String pointer, List<String> violations) {
        if (node.has("schema") && node.has("example")) {
            check(pointer + "/schema", node.get("example").toString()).forEach(violation -> violations.add("the example at " + pointer + ": " + violation));
        }
        if (node.isObject()) {
            node.propertyNames().forEach(name -> examples(node.get(name), pointer + "/" + escape(name), violations));
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            examples(node.get(i), pointer + "/" + i, violations);
        }
    }

    private List<String> check(String pointer, String json) {
        if (description.at(pointer).isMissingNode()) {
            return List.of("the description has no schema at " + pointer);
        }
        // a URI fragment cannot hold the braces of a path template as they are
        String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
        return schemas.getSchema(SchemaLocation.of(IRI + "#" + fragment)).validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private Optional<String> template(String path) {
        return paths.stream().filter(candidate -> candidate.pattern().matcher(path).matches()).map(Path::template).findFirst();
    }

    /** A name as a JSON pointer spells it. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("properties").isObject() && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(ApiContract::close);
    }
}
