package au.ausjobs.auth.company;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An Australian Business Number: 11 digits (spaces allowed) passing the ATO's checksum (subtract 1 from the first
 * digit, weight the digits 10, 1, 3, 5, ..., 19, and the sum divides by 89).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Constraint(validatedBy = Abn.Validator.class)
public @interface Abn {

    String message() default "must be a valid 11-digit ABN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The ABN without spaces, as stored. */
    final class Format {

        private Format() {
        }

        public static String normalise(String value) {
            return value == null ? null : value.replace(" ", "");
        }
    }

    class Validator implements ConstraintValidator<Abn, String> {

        private static final int[] WEIGHTS = { 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19 };

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // optional
            }
            String digits = Format.normalise(value);
            if (!digits.matches("\\d{11}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 11; i++) {
                int digit = digits.charAt(i) - '0' - (i == 0 ? 1 : 0);
                sum += digit * WEIGHTS[i];
            }
            return sum % 89 == 0;
        }
    }
}
