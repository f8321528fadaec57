package au.ausjobs.job.application;

import java.time.Instant;

/**
 * An application's latest interview as both sides see it ({@code status} SCHEDULED or CANCELLED; a SCHEDULED one whose
 * {@code startsAt} has passed has taken place).
 */
record InterviewView(String interviewId, int sequence, Instant startsAt, int durationMinutes, String timeZone,
        Application.InterviewFormat format, String location, Application.InterviewStatus status) {

    static InterviewView of(Application.Interview i) {
        return i == null ? null : new InterviewView(i.interviewId(), i.sequence(), i.startsAt(), i.durationMinutes(),
            i.timeZone(), i.format(), i.location(), i.status());
    }
}
