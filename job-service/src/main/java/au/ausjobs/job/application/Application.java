package au.ausjobs.job.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    public record StatusChange(ApplicationStatus from, ApplicationStatus to, String by, Instant at, String note) {
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
     * The applicant deleted their account: what identifies them or was written about them goes (their id, replaced by
     * {@code pseudonym} everywhere, their resume reference, cover letter and the employer's notes); the job, the
     * dates and the pipeline steps stay, so the employer's hiring records still add up.
     */
    void eraseApplicant(String pseudonym, Instant now) {
        String former = seekerId;
        history.replaceAll(change -> former.equals(change.by())
            ? new StatusChange(change.from(), change.to(), pseudonym, change.at(), change.note()) : change);
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
