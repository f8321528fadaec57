package au.ausjobs.platform.events.testapp;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/** An aggregate that records its events in its own document (the outbox), saved with the change in one write. */
@Document("test_job_postings")
public class JobPosting implements HasOutbox {

    @Id
    private String id;

    private String title;

    private int revision;

    private List<OutboxEntry> outbox = new ArrayList<>();

    public JobPosting() {
    }

    public JobPosting(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public int getRevision() {
        return revision;
    }

    public void setRevision(int revision) {
        this.revision = revision;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }

    public void setOutbox(List<OutboxEntry> outbox) {
        this.outbox = outbox;
    }
}
