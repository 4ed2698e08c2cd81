package com.azalea.products.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, newest first, paged as {@code GET /products} is; of one product, one actor, or both. */
@RestController
class AuditController {

    private static final int MAX_COUNT = 100;

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    List<AuditTrail.Entry> audit(@RequestParam(name = "product_id", required = false) @Positive Long productId,
            @RequestParam(required = false) @Size(min = 1, max = 1024) String actor,
            @RequestParam(defaultValue = "1") @Positive long page,
            @RequestParam(defaultValue = "5") @Positive @Max(MAX_COUNT) int count) {
        long offset = page > Long.MAX_VALUE / count ? Long.MAX_VALUE : (page - 1) * count;
        return trail.page(productId, actor, offset, count);
    }
}
