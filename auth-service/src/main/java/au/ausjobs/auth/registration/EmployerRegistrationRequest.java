package au.ausjobs.auth.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import au.ausjobs.auth.company.Abn;

/** Sign-up as an employer with a new company; the person becomes the company's first employer admin. */
@Schema(example = """
    {"email":"hiring@wattle-cafe.com.au","password":"Flat-White-2026","firstName":"Priya","lastName":"Nair",
     "companyName":"Wattle Cafe Pty Ltd","abn":"51 824 753 556","acceptTerms":true}""")
public record EmployerRegistrationRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @StrongPassword String password,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String firstName,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String lastName,
        @NotBlank @Size(max = 160) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String companyName,
        @Abn String abn,
        @NotNull @AssertTrue(message = "you must accept the terms of service") Boolean acceptTerms,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a locale like en-AU") String locale) {
}
