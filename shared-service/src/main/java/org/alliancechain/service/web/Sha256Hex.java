package org.alliancechain.service.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SHA-256 digest in hex: 64 characters 0-9, a-f, A-F (null is left to {@code @NotNull}). Checked by
 * a loop rather than {@code @Pattern}'s regular expression, which was the largest part of validating
 * a bulk request of a thousand items.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Sha256Hex.Check.class)
public @interface Sha256Hex {

    String message() default "must be 64 hexadecimal characters (a SHA-256 digest)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check itself. */
    final class Check implements ConstraintValidator<Sha256Hex, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isSha256Hex(value);
        }

        /** Whether {@code value} is 64 hexadecimal characters. */
        public static boolean isSha256Hex(String value) {
            if (value.length() != 64) {
                return false;
            }
            for (int i = 0; i < 64; i++) {
                char c = value.charAt(i);
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
