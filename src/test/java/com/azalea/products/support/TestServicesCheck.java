package com.azalea.products.support;

/**
 * Run by Maven before the tests (pom.xml): a run on a machine without the services it needs stops
 * here with one message, instead of every test class failing to start its context.
 */
public final class TestServicesCheck {

    private TestServicesCheck() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("tests run on " + TestServices.prepare());
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
