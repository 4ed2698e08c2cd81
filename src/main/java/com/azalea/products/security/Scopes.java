package com.azalea.products.security;

/** The admin API's scopes, and the authorities Spring Security makes of them from a token's {@code scope} claim. */
final class Scopes {

    /** Every admin write. */
    static final String WRITE = "catalog:write";
    /** Reading the audit trail. */
    static final String AUDIT = "catalog:audit";

    private Scopes() {
    }

    /** The authority a token with {@code scope} has. */
    static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
