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
 * A password we accept: 12 to 128 characters, at least one letter and one digit or symbol, and more than four
 * different characters. Keycloak's realm policy (keycloak/realm-ausjobs.json: length 12-128, not the username, not
 * the email) is checked again by Keycloak when the user is created; a refusal there is answered as weak-password.
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
