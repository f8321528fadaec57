package au.ausjobs.job.application;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.job.posting.Job;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.posting.JobStatus;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.web.ApiException;

/**
 * Applications: a seeker applies for a live job with one of their resumes, once, and may withdraw; the hiring
 * company's employers (and staff) see the applicants of its jobs only, move them through the pipeline, schedule their
 * interviews ({@link Interviews}) and keep notes.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications", description = "Applying for jobs and the hiring pipeline")
class ApplicationController {

    private static final Logger log = LoggerFactory.getLogger(ApplicationController.class);

    record ApplyRequest(@NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a resume id") String resumeId, @Size(max = 5000) String coverLetter) {
    }

    record StatusRequest(@NotNull ApplicationStatus status, @Size(max = 1000) String note) {
    }

    record NoteRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record InterviewRequest(@NotBlank @Size(max = 64) String startsAt,
            @NotNull @Min(value = 15, message = "must be at least 15 minutes") @Max(value = 480, message = "must be at most 480 minutes") Integer durationMinutes,
            @NotBlank @Size(max = 64) String timeZone, @NotNull Application.InterviewFormat format,
            @Size(max = 500) String location, @Size(max = 1000) String note) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PathRoles applicationRoles() {
            return PathRoles.of(
                PathRoles.rule("POST /api/v1/applications", "job_seeker"),
                PathRoles.rule("GET /api/v1/applications/mine", "job_seeker"),
                PathRoles.rule("POST /api/v1/applications/*/withdraw", "job_seeker"),
                PathRoles.rule("POST /api/v1/applications/*/status", "employer", "employer_admin"),
                PathRoles.rule("POST /api/v1/applications/*/notes", "employer", "employer_admin"),
                PathRoles.rule("PUT /api/v1/applications/*/interview", "employer", "employer_admin"),
                PathRoles.rule("DELETE /api/v1/applications/*/interview", "employer", "employer_admin"),
                PathRoles.rule("GET /api/v1/jobs/*/applications", "employer", "employer_admin", "admin", "support"));
        }
    }

    private final ApplicationRepository applications;
    private final JobRepository jobs;
    private final EventRecorder events;
    private final ResumeCheck resumeCheck;
    private final Interviews interviews;

    ApplicationController(ApplicationRepository applications, JobRepository jobs, EventRecorder events,
            ResumeCheck resumeCheck, Interviews interviews) {
        this.resumeCheck = resumeCheck;
        this.interviews = interviews;
        this.applications = applications;
        this.jobs = jobs;
        this.events = events;
    }

    @PostMapping("/applications")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Apply for a live job with one of your resumes (checked with resume-service: yours and scanned "
        + "clean, else 422; 503 when it cannot be checked) and an optional cover letter (201; 409 if you already applied)")
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody ApplyRequest request, Authentication authentication) {
        String seeker = CurrentUser.of(authentication).id();
        Job job = jobs.findById(request.jobId()).filter(j -> j.getStatus() == JobStatus.PUBLISHED)
            .orElseThrow(() -> ApiException.notFound("Job"));
        if (applications.existsByJobIdAndSeekerId(job.getId(), seeker)) {
            throw alreadyApplied();
        }
        ResumeCheck.CheckedResume resume = resumeCheck.check(request.resumeId(), seeker,
            ((JwtAuthenticationToken) authentication).getToken().getTokenValue());
        Instant now = Instant.now();
        Application application = new Application(UUID.randomUUID().toString(), job.getId(), job.getContent().title(),
            job.getCompanyId(), seeker, resume.resumeId(), resume.version(),
            request.coverLetter() == null ? null : request.coverLetter().strip(), now);
        events.record(application, new ApplicationSubmitted(application.getId(), job.getId(), application.getJobTitle(),
            job.getCompanyId(), seeker, resume.resumeId(), now, resume.version()));
        try {
            applications.insert(application);
        }
        catch (DuplicateKeyException e) {
            throw alreadyApplied();
        }
        log.info("Application {} for job {}", application.getId(), job.getId());
        return ResponseEntity.created(URI.create("/api/v1/applications/" + application.getId()))
            .body(ApplicationView.forApplicant(application));
    }

    @GetMapping("/applications/mine")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "My applications, newest first")
    List<ApplicationView> mine(Authentication authentication) {
        return applications.findBySeekerIdOrderByCreatedAtDesc(CurrentUser.of(authentication).id(), PageRequest.of(0, 200))
            .stream().map(ApplicationView::forApplicant).toList();
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "An application: for its applicant, the hiring company's employers and staff (404 for anyone else)")
    ApplicationView read(@PathVariable String id, Authentication authentication) {
        CurrentUser reader = CurrentUser.of(authentication);
        Application application = applications.findById(id).orElseThrow(() -> ApiException.notFound("Application"));
        if (reader.worksFor(application.getCompanyId()) || reader.isStaff()) {
            return ApplicationView.forEmployer(application);
        }
        if (application.getSeekerId().equals(reader.id())) {
            return ApplicationView.forApplicant(application);
        }
        throw ApiException.notFound("Application");
    }

    @GetMapping("/jobs/{jobId}/applications")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin', 'admin', 'support')")
    @Operation(summary = "The applicants of one of your company's jobs, newest first (403 for other companies' jobs)")
    List<ApplicationView> applicants(@PathVariable String jobId, Authentication authentication) {
        CurrentUser reader = CurrentUser.of(authentication);
        Job job = jobs.findById(jobId).orElseThrow(() -> ApiException.notFound("Job"));
        if (!reader.worksFor(job.getCompanyId()) && !reader.isStaff()) {
            throw ApiException.forbidden("You can only see the applicants of your own company's jobs");
        }
        return applications.findByJobIdOrderByCreatedAtDesc(jobId, PageRequest.of(0, 500)).stream()
            .map(ApplicationView::forEmployer).toList();
    }

    @PostMapping("/applications/{id}/withdraw")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Withdraw my application (409 once it is final)")
    ApplicationView withdraw(@PathVariable String id, Authentication authentication) {
        String seeker = CurrentUser.of(authentication).id();
        Application application = applications.findById(id).filter(a -> a.getSeekerId().equals(seeker))
            .orElseThrow(() -> ApiException.notFound("Application"));
        return ApplicationView.forApplicant(move(application, ApplicationStatus.WITHDRAWN, seeker, null));
    }

    @PostMapping("/applications/{id}/status")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin')")
    @Operation(summary = "Move an applicant of your company through the pipeline (409 for a move the pipeline does not allow)")
    ApplicationView changeStatus(@PathVariable String id, @Valid @RequestBody StatusRequest request, Authentication authentication) {
        CurrentUser employer = CurrentUser.of(authentication);
        Application application = hiring(id, employer);
        if (request.status() == ApplicationStatus.WITHDRAWN) {
            throw ApiException.unprocessable("seeker-only", "Only the applicant can withdraw an application");
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        return ApplicationView.forEmployer(move(application, request.status(), employer.id(), note));
    }

    @PostMapping("/applications/{id}/notes")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin')")
    @Operation(summary = "Add a note about an applicant of your company (never shown to the applicant)")
    ApplicationView addNote(@PathVariable String id, @Valid @RequestBody NoteRequest request, Authentication authentication) {
        CurrentUser employer = CurrentUser.of(authentication);
        Application application = hiring(id, employer);
        application.addNote(employer.id(), request.text().strip(), Instant.now());
        return ApplicationView.forEmployer(save(application));
    }

    @PutMapping("/applications/{id}/interview")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin')")
    @Operation(summary = "Schedule (or move) the interview of an applicant of your company: startsAt 1 hour to 180 days "
        + "ahead, durationMinutes 15-480, an IANA timeZone, format IN_PERSON/VIDEO (https link)/PHONE with location; an "
        + "APPLIED or SCREENING application moves to INTERVIEW (409 once at OFFER or final); the same values again change nothing")
    ApplicationView scheduleInterview(@PathVariable String id, @Valid @RequestBody InterviewRequest request,
            Authentication authentication) {
        CurrentUser employer = CurrentUser.of(authentication);
        Interviews.Plan plan = Interviews.plan(request.startsAt(), request.durationMinutes(), request.timeZone(),
            request.format(), request.location());
        Application application = hiring(id, employer);
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (!interviews.schedule(application, plan, employer.id(), note, Instant.now())) {
            return ApplicationView.forEmployer(application);
        }
        return ApplicationView.forEmployer(save(application));
    }

    @DeleteMapping("/applications/{id}/interview")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin')")
    @Operation(summary = "Cancel the upcoming interview of an applicant of your company (404 when none is upcoming); "
        + "the application stays at INTERVIEW")
    ApplicationView cancelInterview(@PathVariable String id, Authentication authentication) {
        CurrentUser employer = CurrentUser.of(authentication);
        Application application = hiring(id, employer);
        interviews.cancelByEmployer(application, employer.id(), Instant.now());
        return ApplicationView.forEmployer(save(application));
    }

    private Application hiring(String id, CurrentUser employer) {
        return applications.findById(id).filter(a -> employer.worksFor(a.getCompanyId()))
            .orElseThrow(() -> ApiException.notFound("Application"));
    }

    private Application move(Application application, ApplicationStatus next, String by, String note) {
        if (!application.getStatus().canBecome(next)) {
            throw ApiException.conflict("invalid-transition",
                "An application that is " + application.getStatus() + " cannot become " + next);
        }
        ApplicationStatus from = application.getStatus();
        Instant now = Instant.now();
        application.moveTo(next, by, now, note);
        events.record(application, new ApplicationStatusChanged(application.getId(), application.getJobId(),
            application.getJobTitle(), application.getCompanyId(), application.getSeekerId(), from.name(), next.name(), by, now));
        interviews.afterMove(application, next, by, now);
        return save(application);
    }

    private Application save(Application application) {
        try {
            return applications.save(application);
        }
        catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("concurrent-change", "The application was changed meanwhile; reload it and try again");
        }
    }

    private static ApiException alreadyApplied() {
        return ApiException.conflict("already-applied", "You have already applied for this job");
    }
}
