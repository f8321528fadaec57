package au.ausjobs.notification.bounce;

import java.util.List;

/**
 * What one mail in the bounce mailbox says.
 *
 * @param kind what it is
 * @param status the DSN status code (5.1.1) or the feedback type (abuse); null when unknown
 * @param diagnostic the remote server's diagnostic code, addresses already replaced by {@code <address>}
 * @param messageIds the ids of our message it may be about, most trustworthy first (the VERP address, then
 *        X-AusJobs-Message-Id, then our Message-ID in the returned headers)
 * @param reportId identifies the report itself (its Message-ID, or a hash of its bytes): read twice, counted once
 * @param reason for IGNORED and UNPARSED: why (a short tag, no content)
 */
public record BounceReport(Kind kind, String status, String diagnostic, List<String> messageIds, String reportId,
        String reason) {

    public enum Kind {
        /** A DSN: Action failed with a 5.x.x status. */
        HARD_BOUNCE,
        /** A DSN: Action delayed, or failed with a 4.x.x status. */
        SOFT_BOUNCE,
        /** An ARF report with Feedback-Type abuse. */
        COMPLAINT,
        /** Understood but nothing to do: a positive DSN, another feedback type. */
        IGNORED,
        /** Not a DSN or ARF report we could read (an auto-reply, junk, a malformed report). */
        UNPARSED
    }

    static BounceReport unparsed(String reason, String reportId) {
        return new BounceReport(Kind.UNPARSED, null, null, List.of(), reportId, reason);
    }

    static BounceReport ignored(String reason, String reportId, List<String> messageIds) {
        return new BounceReport(Kind.IGNORED, null, null, messageIds, reportId, reason);
    }
}
