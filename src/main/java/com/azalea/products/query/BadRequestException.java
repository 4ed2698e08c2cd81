package com.azalea.products.query;

/** A request value the API cannot take; answered with a 400 problem naming the parameter. */
class BadRequestException extends RuntimeException {

    private final String parameter;

    BadRequestException(String parameter, String value, String problem) {
        super(parameter + " '" + abbreviate(value) + "' " + problem);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
