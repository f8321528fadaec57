package au.ausjobs.job.saved;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.job.posting.Job;
import au.ausjobs.job.posting.JobLifecycle;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.posting.JobResponse;
import au.ausjobs.job.posting.JobStatus;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.web.ApiException;

/** A job seeker's bookmarks (saved jobs) and kept searches with their alert frequency; each seeker sees only theirs. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Saved jobs and searches", description = "A job seeker's saved jobs and saved searches")
@PreAuthorize("hasRole('job_seeker')")
class SavedController {

    /** A seeker keeps at most this many searches (alerts run for each) and this many saved jobs. */
    static final int MAX_SEARCHES = 20;
    static final int MAX_SAVED_JOBS = 500;

    /** A saved job as the seeker's list shows it: the job while it is live, or just that it no longer is. */
    record SavedJobView(String jobId, Instant savedAt, boolean available, JobResponse job) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PathRoles savedRoles() {
            return PathRoles.of(
                PathRoles.rule("GET /api/v1/jobs/saved", "job_seeker"),
                PathRoles.rule("PUT /api/v1/jobs/*/saved", "job_seeker"),
                PathRoles.rule("DELETE /api/v1/jobs/*/saved", "job_seeker"),
                PathRoles.rule("POST /api/v1/search/saved", "job_seeker"),
                PathRoles.rule("GET /api/v1/search/saved", "job_seeker"),
                PathRoles.rule("PUT /api/v1/search/saved/*", "job_seeker"),
                PathRoles.rule("DELETE /api/v1/search/saved/*", "job_seeker"));
        }
    }

    private final SavedJobRepository savedJobs;
    private final SavedSearchRepository savedSearches;
    private final JobRepository jobs;
    private final JobLifecycle lifecycle;
    private final JobAlertRepository alerts;

    SavedController(SavedJobRepository savedJobs, SavedSearchRepository savedSearches, JobRepository jobs,
            JobLifecycle lifecycle, JobAlertRepository alerts) {
        this.alerts = alerts;
        this.savedJobs = savedJobs;
        this.savedSearches = savedSearches;
        this.jobs = jobs;
        this.lifecycle = lifecycle;
    }

    @PutMapping("/jobs/{id}/saved")
    @Operation(summary = "Save a published job (again is fine: 204 either way)")
    ResponseEntity<Void> save(@PathVariable String id, Authentication authentication) {
        String seeker = CurrentUser.of(authentication).id();
        Job job = jobs.findById(id).filter(j -> j.getStatus() == JobStatus.PUBLISHED)
            .orElseThrow(() -> ApiException.notFound("Job"));
        if (!savedJobs.existsById(SavedJob.idOf(seeker, job.getId()))) {
            if (savedJobs.countBySeekerId(seeker) >= MAX_SAVED_JOBS) {
                throw ApiException.unprocessable("too-many-saved-jobs", "You can keep at most " + MAX_SAVED_JOBS
                    + " saved jobs; remove some first");
            }
            savedJobs.save(new SavedJob(SavedJob.idOf(seeker, job.getId()), seeker, job.getId(), Instant.now()));
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/jobs/{id}/saved")
    @Operation(summary = "Forget a saved job (204 even if it was not saved)")
    ResponseEntity<Void> unsave(@PathVariable String id, Authentication authentication) {
        savedJobs.deleteById(SavedJob.idOf(CurrentUser.of(authentication).id(), id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/jobs/saved")
    @Operation(summary = "My saved jobs, last saved first; jobs no longer live show as unavailable")
    List<SavedJobView> mySavedJobs(Authentication authentication) {
        List<SavedJob> saved = savedJobs.findBySeekerIdOrderBySavedAtDesc(CurrentUser.of(authentication).id(),
            PageRequest.of(0, MAX_SAVED_JOBS));
        Map<String, Job> found = jobs.findAllById(saved.stream().map(SavedJob::jobId).toList()).stream()
            .collect(Collectors.toMap(Job::getId, Function.identity()));
        return saved.stream().map(s -> {
            Optional<Job> job = Optional.ofNullable(found.get(s.jobId())).filter(j -> j.getStatus() == JobStatus.PUBLISHED);
            return new SavedJobView(s.jobId(), s.savedAt(), job.isPresent(),
                job.map(j -> JobResponse.publicView(j, lifecycle.companyName(j.getCompanyId()))).orElse(null));
        }).toList();
    }

    @PostMapping("/search/saved")
    @Operation(summary = "Keep a search, with its alert frequency (201); at most 20 per seeker")
    ResponseEntity<SavedSearch> keep(@Valid @RequestBody SavedSearchRequest request, Authentication authentication) {
        String seeker = CurrentUser.of(authentication).id();
        if (savedSearches.countBySeekerId(seeker) >= MAX_SEARCHES) {
            throw ApiException.unprocessable("too-many-saved-searches", "You can keep at most " + MAX_SEARCHES
                + " searches; remove one first");
        }
        Instant now = Instant.now();
        SavedSearch saved = savedSearches.insert(new SavedSearch(UUID.randomUUID().toString(), seeker, request.name().trim(),
            request.query() == null ? "" : request.query().trim(), request.filters(), request.alertFrequency(), now, now, now,
            null));
        return ResponseEntity.created(URI.create("/api/v1/search/saved/" + saved.id())).body(saved);
    }

    @GetMapping("/search/saved")
    @Operation(summary = "My saved searches, newest first")
    List<SavedSearch> mySearches(Authentication authentication) {
        return savedSearches.findBySeekerIdOrderByCreatedAtDesc(CurrentUser.of(authentication).id());
    }

    @PutMapping("/search/saved/{id}")
    @Operation(summary = "Change a saved search or its alert frequency (404 if it is not yours)")
    SavedSearch change(@PathVariable String id, @Valid @RequestBody SavedSearchRequest request, Authentication authentication) {
        SavedSearch existing = mine(id, authentication);
        Instant now = Instant.now();
        // a new frequency starts its periods now: switching NONE to DAILY does not send a backlog
        Instant lastAlertedAt = request.alertFrequency() == existing.alertFrequency() && existing.lastAlertedAt() != null
            ? existing.lastAlertedAt() : now;
        return savedSearches.save(new SavedSearch(existing.id(), existing.seekerId(), request.name().trim(),
            request.query() == null ? "" : request.query().trim(), request.filters(), request.alertFrequency(),
            existing.createdAt(), now, lastAlertedAt, existing.version()));
    }

    @DeleteMapping("/search/saved/{id}")
    @Operation(summary = "Drop a saved search and its alerts (404 if it is not yours)")
    ResponseEntity<Void> drop(@PathVariable String id, Authentication authentication) {
        savedSearches.delete(mine(id, authentication));
        alerts.deleteBySavedSearchId(id);
        return ResponseEntity.noContent().build();
    }

    private SavedSearch mine(String id, Authentication authentication) {
        return savedSearches.findById(id).filter(s -> s.seekerId().equals(CurrentUser.of(authentication).id()))
            .orElseThrow(() -> ApiException.notFound("Saved search"));
    }
}
