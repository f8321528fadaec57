package au.ausjobs.job.posting;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.security.PublicPaths;
import au.ausjobs.platform.web.ApiException;

/** Employers write, publish, close and repost their company's jobs; anyone reads published ones. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Jobs", description = "Job ads: employers manage their company's, anyone reads published ones")
@Validated
class JobController {

    private static final String EMPLOYERS = "hasAnyRole('employer', 'employer_admin')";

    private final JobLifecycle lifecycle;
    private final JobRepository jobs;

    JobController(JobLifecycle lifecycle, JobRepository jobs) {
        this.lifecycle = lifecycle;
        this.jobs = jobs;
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PublicPaths publishedJobsArePublic() {
            // job ids only (UUIDs), so /jobs/saved and /jobs/moderation/... stay behind a token
            return PublicPaths.of("GET /api/v1/jobs/{id:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}");
        }

        @Bean
        PathRoles jobRoles() {
            return PathRoles.of(
                PathRoles.rule("GET /api/v1/jobs/moderation/queue", "admin", "support"),
                PathRoles.rule("POST /api/v1/jobs/*/approve", "admin"),
                PathRoles.rule("POST /api/v1/jobs/*/reject", "admin"),
                PathRoles.rule("POST /api/v1/jobs/*/request-changes", "admin"),
                PathRoles.rule("PUT /api/v1/jobs/*/featured", "admin"),
                PathRoles.rule("DELETE /api/v1/jobs/*/featured", "admin"),
                PathRoles.rule("POST /api/v1/jobs", "employer", "employer_admin"),
                PathRoles.rule("PUT /api/v1/jobs/*", "employer", "employer_admin"),
                PathRoles.rule("POST /api/v1/jobs/*/*", "employer", "employer_admin"),
                PathRoles.rule("GET /api/v1/companies/*/jobs", "employer", "employer_admin", "admin", "support"));
        }
    }

    @PostMapping("/jobs")
    @PreAuthorize(EMPLOYERS)
    @Operation(summary = "Draft a job for your company (201, status DRAFT)")
    ResponseEntity<JobResponse> create(@Valid @RequestBody JobRequest request, Authentication authentication) {
        Job job = lifecycle.create(CurrentUser.of(authentication), request);
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + job.getId())).body(view(job, true));
    }

    @GetMapping("/jobs/{id}")
    @Operation(summary = "A job: published ones for anyone; others only for their company's employers and staff (404 otherwise)")
    JobResponse read(@PathVariable String id, Authentication authentication) {
        CurrentUser reader = CurrentUser.isToken(authentication) ? CurrentUser.of(authentication) : null;
        Job job = lifecycle.visible(id, reader);
        return view(job, lifecycle.isInsider(job, reader));
    }

    @PutMapping("/jobs/{id}")
    @PreAuthorize(EMPLOYERS)
    @Operation(summary = "Edit a job of your company (draft, waiting for review, or published: a published job stays live)")
    JobResponse edit(@PathVariable String id, @Valid @RequestBody JobRequest request, Authentication authentication) {
        return view(lifecycle.edit(id, CurrentUser.of(authentication), request), true);
    }

    @PostMapping("/jobs/{id}/publish")
    @PreAuthorize(EMPLOYERS)
    @Operation(summary = "Ask to publish a draft: it waits for an admin's review (PENDING_REVIEW)")
    JobResponse publish(@PathVariable String id, Authentication authentication) {
        return view(lifecycle.submit(id, CurrentUser.of(authentication)), true);
    }

    @PostMapping("/jobs/{id}/close")
    @PreAuthorize(EMPLOYERS)
    @Operation(summary = "Stop taking applications for a published job (CLOSED)")
    JobResponse close(@PathVariable String id, Authentication authentication) {
        return view(lifecycle.close(id, CurrentUser.of(authentication)), true);
    }

    @PostMapping("/jobs/{id}/repost")
    @PreAuthorize(EMPLOYERS)
    @Operation(summary = "Bring a closed or expired job back as a new draft with the same content (201)")
    ResponseEntity<JobResponse> repost(@PathVariable String id, Authentication authentication) {
        Job copy = lifecycle.repost(id, CurrentUser.of(authentication));
        return ResponseEntity.created(URI.create("/api/v1/jobs/" + copy.getId())).body(view(copy, true));
    }

    @GetMapping("/companies/{companyId}/jobs")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin', 'admin', 'support')")
    @Operation(summary = "Your company's jobs in every status, newest change first (staff: any company's)")
    List<JobResponse> companyJobs(@PathVariable String companyId, @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Authentication authentication) {
        CurrentUser reader = CurrentUser.of(authentication);
        if (!reader.worksFor(companyId) && !reader.isStaff()) {
            throw ApiException.forbidden("You can only see your own company's jobs");
        }
        var page = org.springframework.data.domain.PageRequest.of(0, limit);
        List<Job> found = status == null ? jobs.findByCompanyIdOrderByUpdatedAtDesc(companyId, page)
            : jobs.findByCompanyIdAndStatusOrderByUpdatedAtDesc(companyId, status, page);
        String companyName = lifecycle.companyName(companyId);
        return found.stream().map(job -> JobResponse.of(job, companyName, true)).toList();
    }

    private JobResponse view(Job job, boolean insider) {
        return JobResponse.of(job, lifecycle.companyName(job.getCompanyId()), insider);
    }
}
