package au.ausjobs.job.moderation;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.job.posting.JobLifecycle;
import au.ausjobs.job.posting.JobResponse;
import au.ausjobs.platform.security.CurrentUser;

/**
 * The moderation queue: admins approve, reject (with a reason) or send back (with a note) jobs waiting for review;
 * and they feature jobs.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Job moderation", description = "Admins review jobs before they go live")
@Validated
class ModerationController {

    /** Why a job is rejected or sent back; the employer reads it. */
    record Decision(@NotBlank @Size(max = 1000) String reason) {
    }

    /** Until when a job is featured. */
    record Feature(@NotNull Instant until) {
    }

    private final JobLifecycle lifecycle;

    ModerationController(JobLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @GetMapping("/moderation/queue")
    @PreAuthorize("hasAnyRole('admin', 'support')")
    @Operation(summary = "Jobs waiting for review, longest waiting first")
    List<JobResponse> queue(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return lifecycle.reviewQueue(limit).stream().map(lifecycle::insiderView).toList();
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Publish a job waiting for review (job.published)")
    JobResponse approve(@PathVariable String id, Authentication authentication) {
        return lifecycle.insiderView(lifecycle.approve(id, CurrentUser.of(authentication).id()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Refuse a job for good, with the reason the employer will read")
    JobResponse reject(@PathVariable String id, @Valid @RequestBody Decision decision, Authentication authentication) {
        return lifecycle.insiderView(lifecycle.reject(id, CurrentUser.of(authentication).id(), decision.reason().trim()));
    }

    @PostMapping("/{id}/request-changes")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Send a job back to its employer as a draft, with what to change")
    JobResponse requestChanges(@PathVariable String id, @Valid @RequestBody Decision decision,
            Authentication authentication) {
        return lifecycle.insiderView(lifecycle.requestChanges(id, CurrentUser.of(authentication).id(),
            decision.reason().trim()));
    }

    @PutMapping("/{id}/featured")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Feature a job until a time (at most 90 days ahead): it ranks higher in search and is marked "
        + "featured (job.updated when live)")
    JobResponse feature(@PathVariable String id, @Valid @RequestBody Feature feature, Authentication authentication) {
        return lifecycle.insiderView(lifecycle.feature(id, CurrentUser.of(authentication).id(), feature.until()));
    }

    @DeleteMapping("/{id}/featured")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "End a job's feature now (job.updated when live)")
    JobResponse unfeature(@PathVariable String id, Authentication authentication) {
        return lifecycle.insiderView(lifecycle.feature(id, CurrentUser.of(authentication).id(), null));
    }
}
