package org.carepath.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field holding an ISO 8601 date ({@code 2026-04-02}) or, with {@code withTime}, a date-time with
 * an offset ({@code 2026-04-02T10:15:00+01:00}); with {@code notInFuture}, not after now by CarePath's clock (the engine's).
 */
@Documented
@Constraint(validatedBy = IsoDate.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    boolean withTime() default false;

    boolean notInFuture() default false;

    String message() default "is not a valid date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoDate, String> {
        private boolean withTime;
        private boolean notInFuture;

        @Override
        public void initialize(IsoDate annotation) {
            withTime = annotation.withTime();
            notInFuture = annotation.notInFuture();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var clock = context.getClockProvider().getClock();
            var now = clock.instant();
            try {
                boolean inRange = withTime ? DateRange.contains(OffsetDateTime.parse(value)) : DateRange.contains(LocalDate.parse(value));
                if (!inRange) {
                    return violation(context, DateRange.MESSAGE);
                }
                boolean future = withTime
                        ? OffsetDateTime.parse(value).toInstant().isAfter(now)
                        : LocalDate.parse(value).isAfter(LocalDate.ofInstant(now, clock.getZone()));
                if (notInFuture && future) {
                    return violation(context, "must not be in the future");
                }
                return true;
            } catch (DateTimeParseException e) {
                return violation(context, withTime
                        ? "must be a date-time with an offset, e.g. 2026-04-02T10:15:00+01:00"
                        : "must be a date, e.g. 2026-04-02");
            }
        }

        private static boolean violation(ConstraintValidatorContext context, String message) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            return false;
        }
    }
}
