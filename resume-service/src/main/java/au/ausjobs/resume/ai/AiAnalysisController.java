package au.ausjobs.resume.ai;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;

/** AI analysis of a resume version, for its owner (and staff helping them). */
@RestController
@Tag(name = "Resume analysis", description = "Skills, ATS compatibility score and improvement suggestions")
@Validated
class AiAnalysisController {

    private final AiAnalyses analyses;

    AiAnalysisController(AiAnalyses analyses) {
        this.analyses = analyses;
    }

    @PostMapping("/api/v1/resumes/{id}/versions/{number}/ai-analysis")
    @PreAuthorize("hasAnyRole('job_seeker', 'admin', 'support')")
    @Operation(summary = "An AI analysis of this version, against a published job if jobId is given: summary, seniority, "
        + "fit score, strengths with evidence, gaps, the job's requirements met or not, bullet rewrites and keywords. "
        + "Personal data is redacted before any vendor sees it; without a configured vendor (or when it fails) the "
        + "built-in offline analyzer answers in the same shape. 429 after the hourly limit of vendor analyses")
    AiAnalysisView analyse(@PathVariable String id, @PathVariable @Min(1) int number,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            Authentication authentication) {
        return analyses.analyse(id, number, jobId, CurrentUser.of(authentication));
    }
}
