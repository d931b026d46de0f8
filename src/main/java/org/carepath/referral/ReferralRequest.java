package org.carepath.referral;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.carepath.child.Gender;
import org.carepath.child.NewChild;
import org.carepath.web.IsoDate;
import org.carepath.web.OneOf;

/** A contact reaching the front door, as posted to {@code POST /api/referrals}. */
record ReferralRequest(
        @NotNull @Valid ChildPart child,
        @Schema(description = "When the contact was received, with an offset; may be in the past (a referral received yesterday "
                + "and recorded today is due from yesterday)", type = "string", format = "date-time", example = "2026-04-02T10:15:00+01:00")
        @NotNull @IsoDate(withTime = true, notInFuture = true) String receivedAt,
        @Schema(implementation = ReferralSource.class)
        @NotNull @OneOf(ReferralSource.class) String source,
        @Schema(description = "The concerns, in the referrer's words")
        @NotBlank @Size(max = 20000) String concerns,
        @NotNull @Valid Referrer referrer) {

    OffsetDateTime receivedAtTime() {
        return OffsetDateTime.parse(receivedAt);
    }

    ReferralSource sourceValue() {
        return ReferralSource.valueOf(source);
    }

    @ChildIdentified
    @Schema(description = "Either the reference of a child already known, or a new child's details")
    record ChildPart(
            @Schema(example = "C-000123") @Pattern(regexp = "C-\\d{6}", message = "must look like C-000123") String reference,
            @Size(max = 100) String givenName,
            @Size(max = 100) String familyName,
            @Schema(type = "string", format = "date", example = "2018-05-01") @IsoDate(notInFuture = true) String dateOfBirth,
            @Schema(implementation = Gender.class) @OneOf(Gender.class) String gender,
            @Size(max = 100) String ethnicity) {

        NewChild newChild() {
            return new NewChild(givenName, familyName, dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                    gender == null ? null : Gender.valueOf(gender), ethnicity);
        }

        boolean hasDetails() {
            return givenName != null || familyName != null || dateOfBirth != null || gender != null || ethnicity != null;
        }
    }

    record Referrer(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String organisation,
            @Size(max = 200) String role,
            @Size(max = 50) String phone,
            @Email @Size(max = 200) String email) {

        String describe() {
            var text = new StringBuilder(name.strip());
            if (role != null && !role.isBlank()) {
                text.append(", ").append(role.strip());
            }
            if (organisation != null && !organisation.isBlank()) {
                text.append(", ").append(organisation.strip());
            }
            if (phone != null && !phone.isBlank()) {
                text.append(", tel. ").append(phone.strip());
            }
            if (email != null && !email.isBlank()) {
                text.append(", ").append(email.strip());
            }
            return text.toString();
        }
    }

    /** A child is named either by reference or by a new child's given and family names, not both. */
    @Documented
    @Constraint(validatedBy = ChildIdentifiedValidator.class)
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @interface ChildIdentified {
        String message() default "give the reference of a known child, or a new child's details";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static class ChildIdentifiedValidator implements ConstraintValidator<ChildIdentified, ChildPart> {
        @Override
        public boolean isValid(ChildPart child, ConstraintValidatorContext context) {
            if (child == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (child.reference() != null) {
                if (child.hasDetails()) {
                    context.buildConstraintViolationWithTemplate(
                            "give either the reference of a known child or a new child's details, not both")
                            .addPropertyNode("reference").addConstraintViolation();
                    return false;
                }
                return true;
            }
            boolean valid = true;
            if (child.givenName() == null || child.givenName().isBlank()) {
                context.buildConstraintViolationWithTemplate("is required for a child not yet known (or give their reference)")
                        .addPropertyNode("givenName").addConstraintViolation();
                valid = false;
            }
            if (child.familyName() == null || child.familyName().isBlank()) {
                context.buildConstraintViolationWithTemplate("is required for a child not yet known (or give their reference)")
                        .addPropertyNode("familyName").addConstraintViolation();
                valid = false;
            }
            return valid;
        }
    }
}
