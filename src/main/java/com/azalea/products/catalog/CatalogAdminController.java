package com.azalea.products.catalog;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The admin API (write side). Creates answer 201 with the new id; updates and deletes 204. Every write
 * reaches the public documents through the outbox and a reprojection, within moments.
 */
@RestController
@RequestMapping("/admin")
class CatalogAdminController {

    private final CatalogWrites writes;
    private final BulkWrites bulkWrites;
    private final BulkItems bulkItems;

    CatalogAdminController(CatalogWrites writes, BulkWrites bulkWrites, BulkItems bulkItems) {
        this.writes = writes;
        this.bulkWrites = bulkWrites;
        this.bulkItems = bulkItems;
    }

    private static Map<String, Long> created(long id) {
        return Map.of("id", id);
    }

    @PostMapping("/products")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createProduct(@Valid @RequestBody Inputs.Product product) {
        return created(writes.createProduct(product));
    }

    @PutMapping("/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updateProduct(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Product product) {
        writes.updateProduct(id, product);
    }

    @DeleteMapping("/products/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteProduct(@PathVariable @Positive long id) {
        writes.deleteProduct(id);
    }

    @PostMapping("/products/{id}/features")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createFeature(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Feature feature) {
        return created(writes.createFeature(id, feature));
    }

    @PutMapping("/features/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updateFeature(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Feature feature) {
        writes.updateFeature(id, feature);
    }

    @DeleteMapping("/features/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFeature(@PathVariable @Positive long id) {
        writes.deleteFeature(id);
    }

    @PostMapping("/products/{id}/styles")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createStyle(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Style style) {
        return created(writes.createStyle(id, style));
    }

    @PutMapping("/styles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updateStyle(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Style style) {
        writes.updateStyle(id, style);
    }

    @DeleteMapping("/styles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteStyle(@PathVariable @Positive long id) {
        writes.deleteStyle(id);
    }

    @PostMapping("/styles/{id}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createPhoto(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Photo photo) {
        return created(writes.createPhoto(id, photo));
    }

    @PutMapping("/photos/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updatePhoto(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Photo photo) {
        writes.updatePhoto(id, photo);
    }

    @DeleteMapping("/photos/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deletePhoto(@PathVariable @Positive long id) {
        writes.deletePhoto(id);
    }

    @PostMapping("/styles/{id}/skus")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createSku(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Sku sku) {
        return created(writes.createSku(id, sku));
    }

    @PutMapping("/skus/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updateSku(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Sku sku) {
        writes.updateSku(id, sku);
    }

    /** Quantity alone: the most frequent write. */
    @PatchMapping("/skus/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void updateQuantity(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Quantity quantity) {
        writes.updateQuantity(id, quantity.quantity());
    }

    /** Stock of many SKUs at once (a warehouse feed): all or nothing. */
    @PatchMapping("/skus")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(array = @ArraySchema(
            schema = @Schema(implementation = Inputs.SkuQuantity.class), minItems = 1, maxItems = BulkItems.MAX_ITEMS)))
    void updateQuantities(@RequestBody List<JsonNode> items) {
        bulkWrites.updateQuantities(bulkItems.read(items, Inputs.SkuQuantity.class, Inputs.SkuQuantity::id));
    }

    /** Prices of many styles at once (a sale starts): all or nothing. */
    @PatchMapping("/styles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(array = @ArraySchema(
            schema = @Schema(implementation = Inputs.StylePrice.class), minItems = 1, maxItems = BulkItems.MAX_ITEMS)))
    void updatePrices(@RequestBody List<JsonNode> items) {
        bulkWrites.updatePrices(bulkItems.read(items, Inputs.StylePrice.class, Inputs.StylePrice::id, "sale_price"));
    }

    @DeleteMapping("/skus/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSku(@PathVariable @Positive long id) {
        writes.deleteSku(id);
    }

    @PostMapping("/products/{id}/related")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> createRelated(@PathVariable @Positive long id, @Valid @RequestBody Inputs.Related related) {
        return created(writes.createRelated(id, related));
    }

    @DeleteMapping("/related/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRelated(@PathVariable @Positive long id) {
        writes.deleteRelated(id);
    }
}
