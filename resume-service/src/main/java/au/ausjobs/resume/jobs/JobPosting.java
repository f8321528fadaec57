package au.ausjobs.resume.jobs;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A published job as job-service shows it to anyone (the fields a resume is compared with). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobPosting(String id, String title, String description, String category, List<String> skills,
        String seniority, String companyName) {

    public List<String> skills() {
        return skills == null ? List.of() : skills;
    }
}
