package au.ausjobs.notification.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The made-up data the admin preview renders each kind with (no real person's data). */
final class SampleData {

    private SampleData() {
    }

    static Map<String, Object> of(String appUrl) {
        Map<String, Object> data = new HashMap<>();
        data.put("firstName", "Sam");
        data.put("appUrl", appUrl);
        data.put("jobTitle", "Barista (weekends)");
        data.put("submittedAt", "Monday 2 March 2026, 10:15 am AEDT");
        data.put("resumeVersion", 3);
        data.put("applicationUrl", appUrl + "/applications/00000000-0000-4000-8000-000000000001");
        data.put("applicantsUrl", appUrl + "/employer/jobs/00000000-0000-4000-8000-000000000002/applications");
        data.put("status", "INTERVIEW");
        data.put("employer", false);
        // job-alert
        List<Map<String, Object>> baristaJobs = List.of(
            job(appUrl, "00000000-0000-4000-8000-000000000011", "Barista (weekends)", "Wattle Cafe", "Fitzroy VIC",
                "$30 - $35 an hour", "Monday 2 March 2026"),
            job(appUrl, "00000000-0000-4000-8000-000000000012", "Head barista", "Banksia Roasters", "Collingwood VIC", null,
                "Sunday 1 March 2026"));
        data.put("searchName", "Baristas near Fitzroy");
        data.put("query", "barista");
        data.put("daily", false);
        data.put("jobs", baristaJobs);
        data.put("firstTitle", "Barista (weekends)");
        data.put("moreCount", 4L);
        data.put("notListed", 3L);
        data.put("totalMatches", 5L);
        data.put("manageUrl", appUrl + "/saved-searches/00000000-0000-4000-8000-000000000021");
        // weekly-digest
        Map<String, Object> baristas = new HashMap<>();
        baristas.put("name", "Baristas near Fitzroy");
        baristas.put("query", "barista");
        baristas.put("jobs", baristaJobs);
        baristas.put("total", 5L);
        baristas.put("notListed", 3L);
        baristas.put("manageUrl", appUrl + "/saved-searches/00000000-0000-4000-8000-000000000021");
        Map<String, Object> remote = new HashMap<>();
        remote.put("name", "Remote bookkeeping");
        remote.put("query", null);
        remote.put("jobs", List.of(job(appUrl, "00000000-0000-4000-8000-000000000013", "Bookkeeper (part time)",
            "Gum Tree Accounting", "Remote", "$45 - $55 an hour", "Thursday 26 February 2026")));
        remote.put("total", 1L);
        remote.put("notListed", 0L);
        remote.put("manageUrl", appUrl + "/saved-searches/00000000-0000-4000-8000-000000000022");
        data.put("searches", List.of(baristas, remote));
        data.put("searchCount", 2);
        data.put("jobCount", 6L);
        data.put("weekOf", "Monday 2 March 2026");
        // new-applicants-daily
        data.put("applicantCount", 3);
        data.put("summary", "Barista (weekends) (2), Line cook (1)");
        data.put("byJob", List.of(
            applicantsOf(appUrl, "00000000-0000-4000-8000-000000000002", "Barista (weekends)",
                "Monday 2 March 2026, 10:15 am AEDT", "Monday 2 March 2026, 1:40 pm AEDT"),
            applicantsOf(appUrl, "00000000-0000-4000-8000-000000000003", "Line cook", "Monday 2 March 2026, 11:05 am AEDT")));
        // interview-invitation, interview-reminder, interview-cancelled
        data.put("companyName", "Wattle Cafe");
        data.put("when", "Tuesday 3 March 2026, 10:00 am AEDT");
        data.put("duration", "45 minutes");
        data.put("format", "IN_PERSON");
        data.put("location", "12 Smith St, Fitzroy VIC 3065");
        data.put("locationLink", null);
        data.put("rescheduled", false);
        data.put("previousWhen", null);
        data.put("reason", "CANCELLED_BY_EMPLOYER");
        // billing-receipt, billing-payment-failed
        data.put("number", "AJ-0001-0042");
        data.put("amountPaid", "$49.50");
        data.put("subtotal", "$45.00");
        data.put("tax", "$4.50");
        data.put("taxed", true);
        data.put("total", "$49.50");
        data.put("lines", List.of(Map.of("description", "Employer Pro (monthly)", "quantity", 1L, "amount", "$45.00")));
        data.put("period", "Monday 2 March 2026 to Thursday 2 April 2026");
        data.put("paidAt", "Monday 2 March 2026, 10:15 am AEDT");
        data.put("invoiceUrl", "https://invoice.stripe.com/i/acct_sample/test_sample");
        data.put("pdfUrl", "https://pay.stripe.com/invoice/acct_sample/test_sample/pdf");
        data.put("billingUrl", appUrl + "/billing");
        data.put("amountDue", "$49.50");
        data.put("attemptCount", 1);
        data.put("nextAttempt", "Thursday 5 March 2026");
        data.put("payUrl", "https://invoice.stripe.com/i/acct_sample/test_sample");
        return data;
    }

    private static Map<String, Object> applicantsOf(String appUrl, String jobId, String title, String... submittedAt) {
        Map<String, Object> job = new HashMap<>();
        job.put("title", title);
        job.put("count", submittedAt.length);
        job.put("applicantsUrl", appUrl + "/employer/jobs/" + jobId + "/applications");
        job.put("applications", java.util.Arrays.stream(submittedAt).map(at -> Map.<String, Object>of("submittedAt", at)).toList());
        return job;
    }

    private static Map<String, Object> job(String appUrl, String id, String title, String company, String place,
            String salary, String posted) {
        Map<String, Object> job = new HashMap<>();
        job.put("title", title);
        job.put("company", company);
        job.put("place", place);
        job.put("salary", salary);
        job.put("posted", posted);
        job.put("url", appUrl + "/jobs/" + id);
        return job;
    }

    /** Alerts and marketing previews show their footer with a link that is not a valid token. */
    static void unsubscribe(Map<String, Object> data, String unsubscribeUrl, String preferencesUrl) {
        data.put("unsubscribeUrl", unsubscribeUrl);
        data.put("preferencesUrl", preferencesUrl);
    }
}
