package au.ausjobs.job.posting;

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

/** A job ad of one company, with its moderation state and the full history of its status changes. */
@Document("jobs")
@CompoundIndexes({
    @CompoundIndex(name = "company_updated", def = "{'companyId': 1, 'updatedAt': -1}"),
    @CompoundIndex(name = "company_status_updated", def = "{'companyId': 1, 'status': 1, 'updatedAt': -1}"),
    @CompoundIndex(name = "status_submitted", def = "{'status': 1, 'submittedAt': 1}"),
    @CompoundIndex(name = "status_valid_through", def = "{'status': 1, 'content.validThrough': 1}")
})
public class Job implements HasOutbox {

    /** One step of a job's life: who moved it from what to what, when, and why. */
    public record StatusChange(JobStatus from, JobStatus to, String by, Instant at, String note) {
    }

    @Id
    private String id;
    private String companyId;
    private String createdBy;
    private JobStatus status = JobStatus.DRAFT;
    private JobRequest content;
    private String descriptionHtml;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant submittedAt;
    private Instant datePosted;
    private String moderatorNote;
    private String repostOf;
    private Instant featuredUntil;
    private List<StatusChange> history = new ArrayList<>();

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Job() {
    }

    Job(String id, String companyId, String createdBy, JobRequest content, String descriptionHtml, Instant now) {
        this.id = id;
        this.companyId = companyId;
        this.createdBy = createdBy;
        this.content = content;
        this.descriptionHtml = descriptionHtml;
        this.createdAt = now;
        this.updatedAt = now;
        this.history.add(new StatusChange(null, JobStatus.DRAFT, createdBy, now, null));
    }

    void edit(JobRequest newContent, String newDescriptionHtml, Instant now) {
        this.content = newContent;
        this.descriptionHtml = newDescriptionHtml;
        this.updatedAt = now;
    }

    /** Moves to {@code next}, recording who and why; the caller has checked that the move is allowed. */
    void moveTo(JobStatus next, String by, Instant now, String note) {
        history.add(new StatusChange(status, next, by, now, note));
        if (next == JobStatus.PENDING_REVIEW) {
            submittedAt = now;
        }
        if (next == JobStatus.PUBLISHED && datePosted == null) {
            datePosted = now;
        }
        if (next == JobStatus.REJECTED || next == JobStatus.DRAFT && status == JobStatus.PENDING_REVIEW) {
            moderatorNote = note;
        }
        status = next;
        updatedAt = now;
    }

    /** Featured (ranked higher in search, marked as featured) until {@code until}; null ends it. */
    void feature(Instant until, String by, Instant now) {
        this.featuredUntil = until;
        this.history.add(new StatusChange(status, status, by, now, until == null ? "feature ended" : "featured until " + until));
        this.updatedAt = now;
    }

    public Instant getFeaturedUntil() {
        return featuredUntil;
    }

    void markRepostOf(String original) {
        this.repostOf = original;
    }

    public String getId() {
        return id;
    }

    public String getCompanyId() {
        return companyId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public JobStatus getStatus() {
        return status;
    }

    public JobRequest getContent() {
        return content;
    }

    public String getDescriptionHtml() {
        return descriptionHtml;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDatePosted() {
        return datePosted;
    }

    public String getModeratorNote() {
        return moderatorNote;
    }

    public String getRepostOf() {
        return repostOf;
    }

    public List<StatusChange> getHistory() {
        return List.copyOf(history);
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
