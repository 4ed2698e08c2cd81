package com.azalea.products.catalog;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the items of a bulk write: each element of the body's array becomes the item type, with the same
 * checks as a single write of it. Every item that cannot be read, breaks a check or repeats an id is
 * reported at once, by its index and id ({@link BulkItemsException}); nothing is written then.
 */
@Component
class BulkItems {

    /** The most items one bulk request may carry. */
    static final int MAX_ITEMS = 1000;

    private final JsonMapper json;
    private final Validator validator;

    BulkItems(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * @param required members each item must have even when null (a null that says "none")
     * @throws BadBulkRequestException if the array is empty or longer than {@link #MAX_ITEMS}
     * @throws BulkItemsException      if any item is bad
     */
    <T> List<T> read(List<JsonNode> body, Class<T> type, ToLongFunction<T> id, String... required) {
        if (body.isEmpty() || body.size() > MAX_ITEMS) {
            throw new BadBulkRequestException("a bulk write takes 1 to " + MAX_ITEMS + " items, not " + body.size());
        }
        List<T> items = new ArrayList<>(body.size());
        List<BulkItemsException.Problem> problems = new ArrayList<>();
        Map<Long, Integer> firstIndex = new HashMap<>();
        for (int index = 0; index < body.size(); index++) {
            JsonNode node = body.get(index);
            Read<T> read = readItem(node, type, required);
            if (read.item() != null) {
                Integer earlier = firstIndex.putIfAbsent(id.applyAsLong(read.item()), index);
                read = earlier == null ? read : new Read<>(null, "id repeats the item at index " + earlier);
            }
            if (read.problem() != null) {
                Long nodeId = node != null && node.path("id").isIntegralNumber() ? node.path("id").asLong() : null;
                problems.add(new BulkItemsException.Problem(index, nodeId, read.problem()));
            }
            items.add(read.item());
        }
        if (!problems.isEmpty()) {
            throw new BulkItemsException(problems);
        }
        return items;
    }

    /** An element read: the item, or what is wrong with it. */
    private record Read<T>(T item, String problem) {
    }

    private <T> Read<T> readItem(JsonNode node, Class<T> type, String... required) {
        if (node == null || !node.isObject()) {
            return new Read<>(null, "not a JSON object");
        }
        List<String> missing = new ArrayList<>();
        for (String member : required) {
            if (!node.has(member)) {
                missing.add(member + ": must be given (null for none)");
            }
        }
        if (!missing.isEmpty()) {
            return new Read<>(null, String.join("; ", missing));
        }
        T item;
        try {
            item = json.treeToValue(node, type);
        } catch (JacksonException e) {
            String member = e.getPath().isEmpty() ? "a member" : String.valueOf(e.getPath().getLast().getPropertyName());
            return new Read<>(null, member + ": not a value of its type");
        }
        List<String> violations = validator.validate(item).stream()
                .sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> AdminApiErrors.fieldName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .toList();
        return violations.isEmpty() ? new Read<>(item, null) : new Read<>(null, String.join("; ", violations));
    }
}
