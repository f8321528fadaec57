package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of every service's OpenAPI document (as the gateway serves them) and proves the access
 * matrix of docs/security/rbac.md: nothing answers without a token unless it is declared public, and role-bound
 * operations refuse a job seeker. An operation missing from the matrix fails the test, so no endpoint ships
 * without a decision about who may call it.
 */
class EndpointAuthorizationTests {

    static final String PUBLIC = "public";
    static final String SIGNED_IN = "signed-in";
    /** Signed-in users, but only on their own resource (the walk uses someone else's id: 403 expected). */
    static final String OWNER = "owner";
    /** Signed-in users, but someone else's resource does not even show: 404 (its existence is private too). */
    static final String OWNER_HIDDEN = "owner-hidden";
    /**
     * Open at the gateway, but the caller proves itself with a signature in the request (a partner's webhook): the walk's
     * unsigned but otherwise well-formed call ({@link #PARTNER_CALLS}) passes the gateway (no 401) and is refused by the
     * service with the status that partner's scheme prescribes.
     */
    static final String SIGNED_BY_PARTNER = "signed-by-partner";

    /** A partner's well-formed callback, sent without its signature, and how the service refuses it. */
    record PartnerCall(String contentType, String body, int refusal) {
    }

    static final Map<String, PartnerCall> PARTNER_CALLS = Map.of(
        // Twilio's status callback: form-encoded; no X-Twilio-Signature -> 403
        "POST /api/v1/notifications/sms/status", new PartnerCall("application/x-www-form-urlencoded",
            "MessageSid=SM" + "0".repeat(32) + "&MessageStatus=delivered", 403),
        // a Stripe event; no Stripe-Signature -> 400, as Stripe's webhook scheme has it (the dev stack has a secret)
        "POST /api/v1/webhooks/stripe", new PartnerCall("application/json; charset=utf-8",
            "{\"id\":\"evt_1WalkUnsigned0000000000\",\"object\":\"event\",\"api_version\":\"2025-08-27.basil\","
                + "\"created\":1767225600,\"data\":{\"object\":{\"id\":\"cus_WalkUnsigned000000\",\"object\":\"customer\","
                + "\"metadata\":{}}},\"livemode\":false,\"pending_webhooks\":1,\"request\":{\"id\":null,"
                + "\"idempotency_key\":null},\"type\":\"customer.updated\"}", 400));

    /** method + path (as in the OpenAPI document) -> who may call it: public, signed-in, or the realm roles. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/v1/auth/registrations", Set.of(PUBLIC));
        MATRIX.put("POST /api/v1/auth/registrations/employers", Set.of(PUBLIC));
        MATRIX.put("POST /api/v1/auth/password-resets", Set.of(PUBLIC));
        MATRIX.put("GET /api/v1/auth/sessions", Set.of(SIGNED_IN));
        MATRIX.put("DELETE /api/v1/auth/sessions", Set.of(SIGNED_IN));
        MATRIX.put("DELETE /api/v1/auth/sessions/{sessionId}", Set.of(SIGNED_IN));
        MATRIX.put("GET /api/v1/accounts/me", Set.of(SIGNED_IN));
        MATRIX.put("GET /api/v1/accounts/{id}", Set.of(OWNER, "admin", "support"));
        MATRIX.put("GET /api/v1/accounts/{id}/lockout", Set.of("admin", "support"));
        MATRIX.put("DELETE /api/v1/accounts/{id}/lockout", Set.of("admin"));
        MATRIX.put("DELETE /api/v1/accounts/me", Set.of(SIGNED_IN));
        MATRIX.put("POST /api/v1/auth/email-verifications", Set.of(SIGNED_IN));
        MATRIX.put("POST /api/v1/auth/companies/{companyId}/invitations", Set.of("employer_admin"));
        MATRIX.put("PUT /api/v1/accounts/{id}/roles", Set.of("admin"));
        MATRIX.put("POST /api/v1/accounts/{id}/disable", Set.of("admin"));
        MATRIX.put("POST /api/v1/accounts/{id}/enable", Set.of("admin"));
        MATRIX.put("DELETE /api/v1/accounts/{id}", Set.of("admin"));
        MATRIX.put("POST /api/v1/jobs", Set.of("employer", "employer_admin"));
        MATRIX.put("GET /api/v1/jobs/{id}", Set.of(PUBLIC));
        MATRIX.put("PUT /api/v1/jobs/{id}", Set.of("employer", "employer_admin"));
        MATRIX.put("POST /api/v1/jobs/{id}/publish", Set.of("employer", "employer_admin"));
        MATRIX.put("POST /api/v1/jobs/{id}/close", Set.of("employer", "employer_admin"));
        MATRIX.put("POST /api/v1/jobs/{id}/repost", Set.of("employer", "employer_admin"));
        MATRIX.put("GET /api/v1/companies/{companyId}/jobs", Set.of("employer", "employer_admin", "admin", "support"));
        MATRIX.put("GET /api/v1/jobs/moderation/queue", Set.of("admin", "support"));
        MATRIX.put("POST /api/v1/jobs/{id}/approve", Set.of("admin"));
        MATRIX.put("POST /api/v1/jobs/{id}/reject", Set.of("admin"));
        MATRIX.put("POST /api/v1/jobs/{id}/request-changes", Set.of("admin"));
        MATRIX.put("PUT /api/v1/jobs/{id}/featured", Set.of("admin"));
        MATRIX.put("DELETE /api/v1/jobs/{id}/featured", Set.of("admin"));
        MATRIX.put("GET /api/v1/jobs/saved", Set.of("job_seeker"));
        MATRIX.put("PUT /api/v1/jobs/{id}/saved", Set.of("job_seeker"));
        MATRIX.put("DELETE /api/v1/jobs/{id}/saved", Set.of("job_seeker"));
        MATRIX.put("POST /api/v1/search/saved", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/search/saved", Set.of("job_seeker"));
        MATRIX.put("PUT /api/v1/search/saved/{id}", Set.of("job_seeker"));
        MATRIX.put("DELETE /api/v1/search/saved/{id}", Set.of("job_seeker"));
        MATRIX.put("POST /api/v1/applications", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/applications/mine", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/applications/{id}", Set.of(OWNER_HIDDEN, "employer", "employer_admin", "admin", "support"));
        MATRIX.put("POST /api/v1/applications/{id}/withdraw", Set.of("job_seeker"));
        MATRIX.put("POST /api/v1/applications/{id}/status", Set.of("employer", "employer_admin"));
        MATRIX.put("POST /api/v1/applications/{id}/notes", Set.of("employer", "employer_admin"));
        MATRIX.put("PUT /api/v1/applications/{id}/interview", Set.of("employer", "employer_admin"));
        MATRIX.put("DELETE /api/v1/applications/{id}/interview", Set.of("employer", "employer_admin"));
        MATRIX.put("GET /api/v1/jobs/{jobId}/applications", Set.of("employer", "employer_admin", "admin", "support"));
        MATRIX.put("GET /api/v1/search/jobs", Set.of(PUBLIC));
        MATRIX.put("GET /api/v1/search/suggestions", Set.of(PUBLIC));
        MATRIX.put("POST /api/v1/search/index/rebuild", Set.of("admin"));
        MATRIX.put("GET /api/v1/search/analytics", Set.of("admin", "support"));
        MATRIX.put("POST /api/v1/resumes", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/{id}", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("PATCH /api/v1/resumes/{id}", Set.of("job_seeker"));
        MATRIX.put("DELETE /api/v1/resumes/{id}", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("POST /api/v1/resumes/{id}/versions", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/file",
            Set.of(OWNER_HIDDEN, "employer", "employer_admin", "admin", "support"));
        MATRIX.put("POST /api/v1/resumes/{id}/versions/{number}/restore", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/{id}/access-log", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/reading", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/skills", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/ats-score", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/suggestions", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("POST /api/v1/resumes/{id}/versions/{number}/ai-analysis", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/{id}/versions/{number}/template-recommendations",
            Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/compare", Set.of("job_seeker", "admin", "support"));
        MATRIX.put("POST /api/v1/resumes/{id}/versions/{number}/download-link",
            Set.of(OWNER_HIDDEN, "employer", "employer_admin", "admin", "support"));
        MATRIX.put("GET /api/v1/resumes/files/{token}", Set.of(PUBLIC));
        MATRIX.put("POST /api/v1/resumes/{id}/shares", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/{id}/shares", Set.of("job_seeker"));
        MATRIX.put("DELETE /api/v1/resumes/{id}/shares/{shareId}", Set.of("job_seeker"));
        MATRIX.put("GET /api/v1/resumes/shared/{token}", Set.of("employer", "employer_admin"));
        MATRIX.put("GET /api/v1/notifications/preferences", Set.of(SIGNED_IN));
        MATRIX.put("PUT /api/v1/notifications/preferences", Set.of(SIGNED_IN));
        MATRIX.put("POST /api/v1/notifications/preferences/mobile/verification", Set.of(SIGNED_IN));
        MATRIX.put("GET /api/v1/unsubscribe", Set.of(PUBLIC));
        MATRIX.put("POST /api/v1/unsubscribe", Set.of(PUBLIC));
        MATRIX.put("GET /api/v1/notifications/templates", Set.of("admin"));
        MATRIX.put("GET /api/v1/notifications/templates/{kind}/preview", Set.of("admin"));
        MATRIX.put("GET /api/v1/notifications/messages", Set.of("admin", "support"));
        MATRIX.put("GET /api/v1/notifications/suppressions", Set.of("admin", "support"));
        MATRIX.put("POST /api/v1/notifications/messages/{id}/requeue", Set.of("admin"));
        MATRIX.put("POST /api/v1/notifications/suppressions", Set.of("admin"));
        MATRIX.put("DELETE /api/v1/notifications/suppressions/{id}", Set.of("admin"));
        MATRIX.put("GET /api/v1/notifications/t/c/{token}", Set.of(PUBLIC));
        MATRIX.put("GET /api/v1/notifications/t/o/{token}.gif", Set.of(PUBLIC));
        MATRIX.put("GET /api/v1/notifications/analytics", Set.of("admin", "support"));
        MATRIX.put("POST /api/v1/notifications/sms/status", Set.of(SIGNED_BY_PARTNER));
        MATRIX.put("POST /api/v1/webhooks/stripe", Set.of(SIGNED_BY_PARTNER));
        MATRIX.put("GET /api/v1/billing/invoices", Set.of(SIGNED_IN));
        MATRIX.put("GET /api/v1/billing/invoices/{id}", Set.of(OWNER_HIDDEN, "admin", "support"));
        MATRIX.put("GET /api/v1/billing/admin/webhook-events", Set.of("admin", "support"));
    }

    /** What the walk puts for every path parameter: shaped like our ids (UUIDs), belonging to nobody. */
    static final String WALK_ID = "00000000-0000-4000-8000-00000000a11c";

    static final List<String> SERVICES = List.of("auth-service", "job-service", "resume-service", "matching-service",
        "billing-service", "notification-service", "admin-service");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void everyOperationIsInTheMatrixAndRefusesCallersWithoutTheRightRole() throws Exception {
        String seeker = Api.login(RegistrationJourneyTests.registeredSeeker(), RegistrationJourneyTests.PASSWORD);
        List<String> operations = new ArrayList<>();
        for (String service : SERVICES) {
            JsonNode doc = Api.get(Stack.GATEWAY + "/v3/api-docs/" + service, null).json();
            JsonNode paths = doc.path("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    operations.add(method.toUpperCase() + " " + path);
                }
            }
        }
        assertThat(operations).as("every documented operation has a decision in the matrix")
            .allSatisfy(op -> assertThat(MATRIX).containsKey(op));
        assertThat(operations).as("the walk covers the matrix").containsAll(MATRIX.keySet());

        for (String operation : operations) {
            Set<String> allowed = MATRIX.get(operation);
            String method = operation.substring(0, operation.indexOf(' '));
            // numbered things (a resume's version) get 1; every id gets WALK_ID
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{number}", "1")
                .replaceAll("\\{[^}]+}", WALK_ID);
            int anonymous = call(method, path, null);
            if (allowed.contains(PUBLIC)) {
                assertThat(anonymous).as(operation + " is public").isNotIn(401, 403);
                continue;
            }
            if (allowed.contains(SIGNED_BY_PARTNER)) {
                // a well-formed callback (the partner's body) without the partner's signature
                PartnerCall partner = PARTNER_CALLS.get(operation);
                assertThat(partner).as(operation + " has a partner call to walk it with").isNotNull();
                HttpRequest unsigned = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", partner.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(partner.body()))
                    .build();
                assertThat(http.send(unsigned, HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as(operation + " passes the gateway and the service refuses the unsigned call").isEqualTo(partner.refusal());
                continue;
            }
            assertThat(anonymous).as(operation + " without a token").isEqualTo(401);
            if (operation.equals("DELETE /api/v1/accounts/me")) {
                continue; // a seeker may delete their own account: walking it would delete the walker
            }
            int asSeeker = call(method, path, seeker);
            if (allowed.contains(OWNER)) {
                assertThat(asSeeker).as(operation + " on someone else's resource").isEqualTo(403);
            }
            else if (allowed.contains(OWNER_HIDDEN)) {
                assertThat(asSeeker).as(operation + " on someone else's resource").isEqualTo(404);
            }
            else if (allowed.contains(SIGNED_IN) || allowed.contains("job_seeker")) {
                assertThat(asSeeker).as(operation + " as a job seeker").isNotIn(401, 403);
            }
            else {
                assertThat(asSeeker).as(operation + " as a job seeker (needs " + allowed + ")").isEqualTo(403);
            }
        }
    }

    private int call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + path)).timeout(Duration.ofSeconds(30));
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
