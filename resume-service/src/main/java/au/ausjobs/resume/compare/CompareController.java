package au.ausjobs.resume.compare;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.resume.compare.ResumeComparison.VersionRef;

/**
 * Two resumes, or two versions of one, side by side (against a job when one is given). The literal path
 * {@code /api/v1/resumes/compare} wins over {@code /api/v1/resumes/{id}}: Spring MVC prefers the more specific
 * pattern.
 */
@RestController
@RequestMapping("/api/v1/resumes")
@Tag(name = "Resume analysis", description = "Skills, ATS compatibility score and improvement suggestions")
@Validated
class CompareController {

    @Configuration(proxyBeanMethods = false)
    static class Access {

        /** Seekers compare their own resumes, staff anyone's; employers are refused before anything is read. */
        @Bean
        PathRoles compareRoles() {
            return PathRoles.of(PathRoles.rule("GET /api/v1/resumes/compare", "job_seeker", "admin", "support"));
        }
    }

    private final ResumeComparison comparison;

    CompareController(ResumeComparison comparison) {
        this.comparison = comparison;
    }

    @GetMapping("/compare")
    @PreAuthorize("hasAnyRole('job_seeker', 'admin', 'support')")
    @Operation(summary = "Compare two resumes, or two versions of one, side by side (each side resumeId:version; both "
        + "must be the caller's own, or the caller staff: 404 otherwise): each side's ATS score and sub-scores (against "
        + "the job if jobId is given), skills, layout and sections, and the differences (right minus left): score and "
        + "sub-scores, skills only left / only right / both, the job's skills one side matches and the other does not, "
        + "words, pages, months of experience, tables, images, sections and layout risks")
    Comparison compare(
            @Parameter(description = "resumeId:version, such as 0b9e...c4:1") @RequestParam
            @Pattern(regexp = ResumeComparison.REFERENCE, message = "must be resumeId:version") String left,
            @Parameter(description = "resumeId:version, such as 0b9e...c4:2") @RequestParam
            @Pattern(regexp = ResumeComparison.REFERENCE, message = "must be resumeId:version") String right,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            Authentication authentication) {
        return comparison.compare(VersionRef.parse(left, "left"), VersionRef.parse(right, "right"), jobId,
            CurrentUser.of(authentication));
    }
}
