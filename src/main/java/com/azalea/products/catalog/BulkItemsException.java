package com.azalea.products.catalog;

import java.util.List;

/** Items of a bulk write that cannot be applied: a 422 naming each, and nothing written. */
class BulkItemsException extends RuntimeException {

    /** @param id the item's id, or null when it has none that could be read */
    record Problem(int index, Long id, String message) {
    }

    private final List<Problem> problems;

    BulkItemsException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " item" : " items") + " cannot be applied; nothing was written");
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
