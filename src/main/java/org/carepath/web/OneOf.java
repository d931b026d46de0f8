package org.carepath.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field that must name one of an enum's constants. Request bodies take such fields as text so
 * that one bad value is reported beside every other bad field, not alone.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "must be one of {values}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OneOf, String> {
        private String[] names;

        @Override
        public void initialize(OneOf annotation) {
            names = Arrays.stream(annotation.value().getEnumConstants()).map(Enum::name).toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.asList(names).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("'" + value.replace("{", "").replace("$", "") + "' is not one of "
                    + Arrays.stream(names).collect(Collectors.joining(", "))).addConstraintViolation();
            return false;
        }
    }
}
