package au.ausjobs.notification.template;

import java.util.HashMap;
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
        return data;
    }

    /** Alerts and marketing previews show their footer with a link that is not a valid token. */
    static void unsubscribe(Map<String, Object> data, String unsubscribeUrl, String preferencesUrl) {
        data.put("unsubscribeUrl", unsubscribeUrl);
        data.put("preferencesUrl", preferencesUrl);
    }
}
