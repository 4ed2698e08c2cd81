package com.azalea.products.security;

/** The admin API's scopes, as Spring Security names the authorities it makes of a token's {@code scope} claim. */
final class Scopes {

    /** Every admin write. */
    static final String WRITE = "SCOPE_catalog:write";
    /** Reading the audit trail. */
    static final String AUDIT = "SCOPE_catalog:audit";

    private Scopes() {
    }
}
