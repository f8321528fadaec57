package au.ausjobs.billing.invoice;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import au.ausjobs.billing.BillingServiceTest;
import au.ausjobs.billing.StripeFixtures;

/**
 * Billing history as people see it: their own invoices, newest first; someone else's invoice does not exist for them
 * (404); support and admins can open any; no token, no answer (401). The webhook ledger is for staff only and shows no
 * payloads.
 */
class InvoiceApiTests extends BillingServiceTest {

    private String paidInvoice(String userId, String invoiceId, long issued) throws Exception {
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.paid", StripeFixtures.BASIL, issued + 61,
                StripeFixtures.basilInvoice(invoiceId, StripeFixtures.id("cus"), issued, true, 1, null, userId)))
            .andExpect(status().isOk());
        return invoices.findByStripeInvoiceId(invoiceId).orElseThrow().getId();
    }

    @Test
    void theOwnerSeesTheirOwnInvoicesNewestFirstAndNoOneElses() throws Exception {
        String owner = newUserId();
        String older = StripeFixtures.id("in");
        String newer = StripeFixtures.id("in");
        paidInvoice(owner, older, now() - 90 * 86_400);
        String newerId = paidInvoice(owner, newer, now() - 86_400);
        paidInvoice(newUserId(), StripeFixtures.id("in"), now() - 3600);

        mvc.perform(get("/api/v1/billing/invoices").with(user(owner, "employer")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(2)))
            .andExpect(jsonPath("$[0].id").value(newerId))
            .andExpect(jsonPath("$[0].stripeInvoiceId").value(newer))
            .andExpect(jsonPath("$[0].status").value("PAID"))
            .andExpect(jsonPath("$[0].total").value(7590))
            .andExpect(jsonPath("$[0].tax").value(690))
            .andExpect(jsonPath("$[0].lines", hasSize(2)))
            .andExpect(jsonPath("$[0].invoicePdfUrl").value("https://pay.stripe.com/invoice/acct_1PqAusJobs/test_YWNjdF8xUHFB/pdf?s=ap"))
            .andExpect(jsonPath("$[1].stripeInvoiceId").value(older));
        mvc.perform(get("/api/v1/billing/invoices").param("size", "1").param("page", "1").with(user(owner, "employer")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$", hasSize(1)))
            .andExpect(jsonPath("$[0].stripeInvoiceId").value(older));
        mvc.perform(get("/api/v1/billing/invoices").param("size", "1000").with(user(owner, "employer")))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(get("/api/v1/billing/invoices/" + newerId).with(user(owner, "employer")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.number").value("8F1C2A3B-0007"))
            .andExpect(jsonPath("$.amountPaid").value(7590));
    }

    @Test
    void anotherUserGets404StaffSeeTheInvoiceAndNoTokenIs401() throws Exception {
        String owner = newUserId();
        String id = paidInvoice(owner, StripeFixtures.id("in"), now() - 3600);
        String path = "/api/v1/billing/invoices/" + id;

        mvc.perform(get(path).with(user(newUserId(), "job_seeker")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"));
        mvc.perform(get("/api/v1/billing/invoices/no-such-invoice").with(user(owner, "employer")))
            .andExpect(status().isNotFound());
        mvc.perform(get(path).with(token("support-1", "ausjobs-admin", "support")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.userId").value(owner));
        mvc.perform(get(path).with(admin("admin-1")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        // the admin role counts only in tokens of the staff console
        mvc.perform(get(path).with(token("admin-1", "ausjobs-spa", "admin")))
            .andExpect(status().isNotFound());
        mvc.perform(get(path))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/billing/invoices"))
            .andExpect(status().isUnauthorized());
    }

    @Test
    void theWebhookLedgerIsForStaffAndShowsNoPayloads() throws Exception {
        String eventId = StripeFixtures.id("evt");
        deliver(StripeFixtures.event(eventId, "invoice.paid", StripeFixtures.BASIL, now(),
                StripeFixtures.basilInvoice(StripeFixtures.id("in"), StripeFixtures.id("cus"), now() - 60, true, 1, null,
                    null)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNMATCHED"));

        mvc.perform(get("/api/v1/billing/admin/webhook-events").with(admin("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.id == '" + eventId + "')].status").value("UNMATCHED"))
            .andExpect(jsonPath("$[?(@.id == '" + eventId + "')].receivedAt").isNotEmpty())
            .andExpect(jsonPath("$[*].payload").doesNotExist())
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("jane.citizen"))));
        mvc.perform(get("/api/v1/billing/admin/webhook-events").param("status", "NOT_A_STATUS").with(admin("admin-1")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/billing/admin/webhook-events").with(user(newUserId(), "employer_admin")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/billing/admin/webhook-events"))
            .andExpect(status().isUnauthorized());
    }
}
