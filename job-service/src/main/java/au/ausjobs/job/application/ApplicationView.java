package au.ausjobs.job.application;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An application as the applicant sees it, or (with the employer's notes) as the hiring company and staff see it;
 * {@code applicantErasedAt} tells them when the applicant deleted their account (and their details went).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApplicationView(String id, String jobId, String jobTitle, String companyId, String seekerId, String resumeId,
        Integer resumeVersion, String coverLetter, ApplicationStatus status, List<Application.StatusChange> history, List<Application.Note> notes,
        Instant createdAt, Instant updatedAt, Instant applicantErasedAt, InterviewView interview) {

    static ApplicationView forApplicant(Application a) {
        return new ApplicationView(a.getId(), a.getJobId(), a.getJobTitle(), a.getCompanyId(), a.getSeekerId(),
            a.getResumeId(), a.getResumeVersion(), a.getCoverLetter(), a.getStatus(), a.getHistory(), null, a.getCreatedAt(), a.getUpdatedAt(), null,
            InterviewView.of(a.getInterview()));
    }

    static ApplicationView forEmployer(Application a) {
        return new ApplicationView(a.getId(), a.getJobId(), a.getJobTitle(), a.getCompanyId(), a.getSeekerId(),
            a.getResumeId(), a.getResumeVersion(), a.getCoverLetter(), a.getStatus(), a.getHistory(), a.getNotes(), a.getCreatedAt(),
            a.getUpdatedAt(), a.getApplicantErasedAt(), InterviewView.of(a.getInterview()));
    }
}
