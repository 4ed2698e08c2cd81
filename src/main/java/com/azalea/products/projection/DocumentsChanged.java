package com.azalea.products.projection;

import java.util.List;

/**
 * Published in this process by {@link RedisMirror} once it has written these products' documents, before
 * it announces them to every instance ({@link ChangeAnnouncements}): this instance's near cache drops
 * them at once, so a read here after a projection here never sees the old documents.
 */
public record DocumentsChanged(List<Long> productIds) {
}
