package au.ausjobs.auth.registration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password we accept: 12 to 128 characters with a letter and a digit or symbol, not all one character.
 * Keycloak's realm password policy says the same (keycloak/realm-ausjobs.json), so both refuse the same passwords.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Constraint(validatedBy = StrongPassword.Validator.class)
public @interface StrongPassword {

    String message() default "must be 12 to 128 characters and mix letters with digits or symbols";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StrongPassword, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @NotBlank reports missing values
            }
            if (value.length() < 12 || value.length() > 128) {
                return false;
            }
            boolean letter = value.chars().anyMatch(Character::isLetter);
            boolean other = value.chars().anyMatch(c -> !Character.isLetter(c));
            boolean varied = value.chars().distinct().count() > 4;
            return letter && other && varied;
        }
    }
}
