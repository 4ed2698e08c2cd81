package com.azalea.products.catalog;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field as the catalog stores it: at most {@code max} characters and no NUL character, which a
 * PostgreSQL text column cannot hold (the ingest refuses it too; here it would fail the insert).
 */
@Size
@Pattern(regexp = "[^\\x00]*", message = "must not contain a NUL character")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

    @OverridesAttribute(constraint = Size.class, name = "max")
    int max();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
