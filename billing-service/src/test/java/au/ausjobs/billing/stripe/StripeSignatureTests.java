package au.ausjobs.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

import au.ausjobs.billing.BillingServiceTest;
import au.ausjobs.billing.StripeFixtures;

/**
 * Only Stripe, signing with our endpoint secret within 5 minutes, gets an event in: anything else is a 400 problem and
 * leaves no trace (no ledger entry, no invoice). Secret rotation (two v1 signatures, one with the old secret) works.
 */
class StripeSignatureTests extends BillingServiceTest {

    /** How a caller signs (body, timestamp) -> Stripe-Signature header, or null for none. */
    static Stream<Arguments> refusedSignatures() {
        return Stream.of(
            Arguments.of("no header", (BiFunction<String, Long, String>) (body, t) -> null),
            Arguments.of("an empty header", (BiFunction<String, Long, String>) (body, t) -> ""),
            Arguments.of("another secret", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body, t, "whsec_someone_else_entirely_000000")),
            Arguments.of("a stale timestamp (6 minutes old)", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body, t - 360, SECRET)),
            Arguments.of("another body", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body.replace("7590", "1"), t, SECRET)),
            Arguments.of("the signature under another timestamp", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body, t - 1, SECRET).replaceFirst("t=\\d+", "t=" + t)),
            Arguments.of("only a v0 scheme", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body, t, SECRET).replace("v1=", "v0=")),
            Arguments.of("a malformed header", (BiFunction<String, Long, String>) (body, t) -> "garbage"),
            Arguments.of("a timestamp that is not a number", (BiFunction<String, Long, String>) (body, t) ->
                StripeFixtures.signatureHeader(body, t, SECRET).replaceFirst("t=\\d+", "t=soon")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSignatures")
    void anEventWithoutAValidSignatureIsA400ProblemAndStoresNothing(String what, BiFunction<String, Long, String> signer)
            throws Exception {
        String eventId = StripeFixtures.id("evt");
        String invoiceId = StripeFixtures.id("in");
        String body = StripeFixtures.event(eventId, "invoice.paid", StripeFixtures.BASIL, now(),
            StripeFixtures.basilInvoice(invoiceId, StripeFixtures.id("cus"), now() - 60, true, 1, null, newUserId()));

        deliver(body, signer.apply(body, now()))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-stripe-signature"))
            .andExpect(jsonPath("$.status").value(400));

        assertThat(ledger.findById(eventId)).as("no ledger entry").isEmpty();
        assertThat(invoices.findByStripeInvoiceId(invoiceId)).as("no invoice").isEmpty();
    }

    @Test
    void duringSecretRotationOneMatchingV1SignatureAmongSeveralIsEnough() throws Exception {
        String eventId = StripeFixtures.id("evt");
        String body = StripeFixtures.event(eventId, "customer.created", StripeFixtures.BASIL, now(),
            StripeFixtures.customer(StripeFixtures.id("cus"), newUserId(), now()));
        long t = now();
        String header = "t=" + t + ",v1=" + StripeFixtures.hmac(t + "." + body, "whsec_the_old_secret_0000000000")
            + ",v1=" + StripeFixtures.hmac(t + "." + body, SECRET) + ",v0=6ffbb59b2300aae63f272406069a9788598b792a";

        deliver(body, header).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));
        assertThat(ledger.findById(eventId)).isPresent();
    }

    @Test
    void aSignedBodyThatIsNotAStripeEventIsA400Problem() throws Exception {
        deliver("{\"hello\":\"world\"}")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/malformed-stripe-event"));
        deliver("not json at all")
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/malformed-stripe-event"));
    }
}
