package au.ausjobs.auth.company;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * A company as far as identity goes: who may act for it (its employer admins and recruiters). The company's public
 * profile and its jobs belong to job-service, which learns of the company from company.registered.
 */
@Document("companies")
public class Company implements HasOutbox {

    @Id
    private String id;

    private String name;

    @Indexed
    private String abn;

    private List<String> adminIds = new ArrayList<>();
    private Instant createdAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Company() {
    }

    public Company(String id, String name, String abn, String adminId, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.abn = abn;
        this.adminIds.add(adminId);
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAbn() {
        return abn;
    }

    public List<String> getAdminIds() {
        return adminIds;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
