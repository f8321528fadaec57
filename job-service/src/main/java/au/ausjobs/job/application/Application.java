package au.ausjobs.job.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/** One seeker's application for one job, its place in the pipeline, its history and the employer's notes. */
@Document("applications")
@CompoundIndexes({
    @CompoundIndex(name = "job_seeker_unique", def = "{'jobId': 1, 'seekerId': 1}", unique = true),
    @CompoundIndex(name = "job_created", def = "{'jobId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "seeker_created", def = "{'seekerId': 1, 'createdAt': -1}")
})
public class Application implements HasOutbox {

    /**
     * One step of the history. {@code interview} is set when the step was about the interview ({@code SCHEDULED},
     * {@code RESCHEDULED} or {@code CANCELLED}); such a step may leave the status as it was ({@code from == to}).
     */
    public record StatusChange(ApplicationStatus from, ApplicationStatus to, String by, Instant at, String note,
            String interview) {

        StatusChange(ApplicationStatus from, ApplicationStatus to, String by, Instant at, String note) {
            this(from, to, by, at, note, null);
        }
    }

    public enum InterviewFormat {
        IN_PERSON, VIDEO, PHONE
    }

    public enum InterviewStatus {
        SCHEDULED, CANCELLED
    }

    /**
     * The application's latest interview. {@code sequence} counts its changes (0 when first set, one more for each
     * reschedule and for the cancellation), as a calendar entry's SEQUENCE; {@code interviewId} is its UID.
     */
    public record Interview(String interviewId, int sequence, Instant startsAt, int durationMinutes, String timeZone,
            InterviewFormat format, String location, InterviewStatus status, String scheduledBy, Instant scheduledAt,
            String cancelledBy, Instant cancelledAt, String cancelReason) {

        /** Scheduled and not begun yet: the only kind that can be moved or cancelled. */
        public boolean upcoming(Instant now) {
            return status == InterviewStatus.SCHEDULED && startsAt.isAfter(now);
        }

        boolean sameAs(Instant startsAt, int durationMinutes, String timeZone, InterviewFormat format, String location) {
            return this.startsAt.equals(startsAt) && this.durationMinutes == durationMinutes
                && this.timeZone.equals(timeZone) && this.format == format && Objects.equals(this.location, location);
        }
    }

    /** What an employer wrote about the applicant; never shown to the applicant. */
    public record Note(String authorId, String text, Instant at) {
    }

    @Id
    private String id;
    private String jobId;
    private String jobTitle;
    private String companyId;
    private String seekerId;
    private String resumeId;
    private Integer resumeVersion;
    private String coverLetter;
    private ApplicationStatus status = ApplicationStatus.APPLIED;
    private List<StatusChange> history = new ArrayList<>();
    private List<Note> notes = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private Instant applicantErasedAt;
    private Interview interview;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Application() {
    }

    Application(String id, String jobId, String jobTitle, String companyId, String seekerId, String resumeId,
            Integer resumeVersion, String coverLetter, Instant now) {
        this.resumeVersion = resumeVersion;
        this.id = id;
        this.jobId = jobId;
        this.jobTitle = jobTitle;
        this.companyId = companyId;
        this.seekerId = seekerId;
        this.resumeId = resumeId;
        this.coverLetter = coverLetter;
        this.createdAt = now;
        this.updatedAt = now;
        this.history.add(new StatusChange(null, ApplicationStatus.APPLIED, seekerId, now, null));
    }

    void moveTo(ApplicationStatus next, String by, Instant now, String note) {
        history.add(new StatusChange(status, next, by, now, note));
        status = next;
        updatedAt = now;
    }

    /**
     * Sets the interview: a new one ({@code interviewId}, sequence 0) unless one is upcoming, which is moved (same id,
     * sequence + 1). A step in the history says so, with the employer's note; when the application was still
     * {@code APPLIED} or {@code SCREENING} that step also moves it to {@code INTERVIEW}. Returns the interview as set.
     */
    Interview scheduleInterview(String newInterviewId, Instant startsAt, int durationMinutes, String timeZone,
            InterviewFormat format, String location, String by, Instant now, String note) {
        boolean reschedule = interview != null && interview.upcoming(now);
        String interviewId = reschedule ? interview.interviewId() : newInterviewId;
        int sequence = reschedule ? interview.sequence() + 1 : 0;
        interview = new Interview(interviewId, sequence, startsAt, durationMinutes, timeZone, format, location,
            InterviewStatus.SCHEDULED, by, now, null, null, null);
        history.add(new StatusChange(status, ApplicationStatus.INTERVIEW, by, now, note,
            reschedule ? "RESCHEDULED" : "SCHEDULED"));
        status = ApplicationStatus.INTERVIEW;
        updatedAt = now;
        return interview;
    }

    /**
     * Calls the upcoming interview off (its sequence goes one up, as the cancellation is one more change of it).
     * {@code addHistoryStep} adds a step for it to the history (an employer's cancellation; when the application
     * itself moves, that move's own step says enough). Returns the cancelled interview.
     */
    Interview cancelInterview(String by, Instant now, String reason, boolean addHistoryStep) {
        Interview cancelled = new Interview(interview.interviewId(), interview.sequence() + 1, interview.startsAt(),
            interview.durationMinutes(), interview.timeZone(), interview.format(), interview.location(),
            InterviewStatus.CANCELLED, interview.scheduledBy(), interview.scheduledAt(), by, now, reason);
        interview = cancelled;
        if (addHistoryStep) {
            history.add(new StatusChange(status, status, by, now, null, "CANCELLED"));
        }
        updatedAt = now;
        return cancelled;
    }

    /** The interview if one is scheduled and has not begun, else empty. */
    Optional<Interview> upcomingInterview(Instant now) {
        return interview != null && interview.upcoming(now) ? Optional.of(interview) : Optional.empty();
    }

    public Interview getInterview() {
        return interview;
    }

    /**
     * The applicant deleted their account: what identifies them or was written about them goes (their id, replaced by
     * {@code pseudonym} everywhere, their resume reference, cover letter and the employer's notes); the job, the
     * dates and the pipeline steps stay, so the employer's hiring records still add up.
     */
    void eraseApplicant(String pseudonym, Instant now) {
        String former = seekerId;
        history.replaceAll(change -> former.equals(change.by())
            ? new StatusChange(change.from(), change.to(), pseudonym, change.at(), change.note(), change.interview()) : change);
        seekerId = pseudonym;
        resumeId = null;
        resumeVersion = null;
        coverLetter = null;
        notes.clear();
        applicantErasedAt = now;
        updatedAt = now;
    }

    public Instant getApplicantErasedAt() {
        return applicantErasedAt;
    }

    void addNote(String authorId, String text, Instant now) {
        notes.add(new Note(authorId, text, now));
        updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public String getCompanyId() {
        return companyId;
    }

    public String getSeekerId() {
        return seekerId;
    }

    public String getResumeId() {
        return resumeId;
    }

    /** The version of the resume the seeker applied with (later uploads do not change what the employer sees). */
    public Integer getResumeVersion() {
        return resumeVersion;
    }

    public String getCoverLetter() {
        return coverLetter;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public List<StatusChange> getHistory() {
        return List.copyOf(history);
    }

    public List<Note> getNotes() {
        return List.copyOf(notes);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
