package au.ausjobs.job.saved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * One alert sent for a saved search: its job.alert-matched event waits in the outbox until relayed, and the document
 * stays as the mark that the alert was sent. The id is the alert id and says what it covers, so the same alert can only
 * be written once: {@code instant:<savedSearchId>:<jobId>} (each job once per search, however often its publication
 * is handled) or {@code digest:<savedSearchId>:<period start, epoch ms>} (each period once, however many schedulers
 * run). Kept 200 days (longer than a job can stay live), then MongoDB drops it.
 */
@Document("job_alerts")
class JobAlert implements HasOutbox {

    @Id
    private String id;

    @Indexed(name = "saved_search")
    private String savedSearchId;

    @Indexed(name = "seeker")
    private String seekerId;

    private String frequency;

    private List<String> jobIds;

    @Indexed(name = "expiry", expireAfter = "200d")
    private Instant createdAt;

    private List<OutboxEntry> outbox = new ArrayList<>();

    @PersistenceCreator
    JobAlert(String id, String savedSearchId, String seekerId, String frequency, List<String> jobIds, Instant createdAt) {
        this.id = id;
        this.savedSearchId = savedSearchId;
        this.seekerId = seekerId;
        this.frequency = frequency;
        this.jobIds = jobIds;
        this.createdAt = createdAt;
    }

    static String instantId(String savedSearchId, String jobId) {
        return "instant:" + savedSearchId + ":" + jobId;
    }

    static String digestId(String savedSearchId, Instant periodStart) {
        return "digest:" + savedSearchId + ":" + periodStart.toEpochMilli();
    }

    String getId() {
        return id;
    }

    String getSavedSearchId() {
        return savedSearchId;
    }

    String getSeekerId() {
        return seekerId;
    }

    String getFrequency() {
        return frequency;
    }

    List<String> getJobIds() {
        return jobIds;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
