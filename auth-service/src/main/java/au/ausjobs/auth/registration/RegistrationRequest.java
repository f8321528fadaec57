package au.ausjobs.auth.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Sign-up as a job seeker. Unknown fields are refused (400), so roles cannot be smuggled in. */
@Schema(example = """
    {"email":"sam.citizen@example.com.au","password":"correct-horse-42","firstName":"Sam","lastName":"Citizen",
     "acceptTerms":true}""")
public record RegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @StrongPassword String password,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String firstName,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String lastName,
        @NotNull @AssertTrue(message = "you must accept the terms of service") Boolean acceptTerms,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a locale like en-AU") String locale) {
}
