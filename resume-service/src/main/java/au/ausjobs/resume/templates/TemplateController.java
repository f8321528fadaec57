package au.ausjobs.resume.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobClient;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.resume.Resumes;

/**
 * Which of the shipped resume templates (structure and guidance, not files) suit a resume version: by industry,
 * career level and the layout risks an ATS would trip on. For the resume's owner and staff (404 for anyone else).
 */
@RestController
@RequestMapping("/api/v1/resumes/{id}/versions/{number}")
@Tag(name = "Resume analysis", description = "Skills, ATS compatibility score and improvement suggestions")
@Validated
class TemplateController {

    private final Resumes resumes;
    private final JobClient jobs;
    private final AtsScorer scorer;
    private final TemplateCatalogue catalogue;
    private final TemplateRecommender recommender;

    TemplateController(Resumes resumes, JobClient jobs, AtsScorer scorer, TemplateCatalogue catalogue,
            TemplateRecommender recommender) {
        this.resumes = resumes;
        this.jobs = jobs;
        this.scorer = scorer;
        this.catalogue = catalogue;
        this.recommender = recommender;
    }

    @GetMapping("/template-recommendations")
    @Operation(summary = "The 5 resume templates (layouts and guidance; no files) that suit this version best, each with "
        + "a score (industry 40, seniority 30, ATS safety 30) and the reasons. Industry: the job's category, else the "
        + "industry asked for, else the one most of the resume's skills belong to; seniority: the job's, else the one "
        + "asked for, else from the months of experience; ATS safety: single-column, table-free, photo-free templates "
        + "first when the resume has tables, images, columns or header/footer text. Deterministic")
    Recommendations recommendations(@PathVariable String id, @PathVariable @Min(1) int number,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            @Parameter(description = "a job category, such as Information & Communication Technology")
            @RequestParam(required = false) @Size(max = 80) String industry,
            @RequestParam(required = false) @Pattern(regexp = "(?i)ENTRY|MID|SENIOR|LEAD|EXECUTIVE",
                message = "must be ENTRY, MID, SENIOR, LEAD or EXECUTIVE") String seniority,
            Authentication authentication) {
        ResumeReading reading = resumes.reading(id, number, CurrentUser.of(authentication));
        String asked = null;
        if (industry != null && !industry.isBlank()) {
            asked = catalogue.industry(industry).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "validation",
                "Invalid request", "Unknown industry; use one of: " + String.join("; ", catalogue.industries())));
        }
        JobPosting job = jobId == null ? null : jobs.published(jobId);
        return recommender.recommend(reading, scorer.score(reading, job), job, asked,
            Seniority.parse(seniority).orElse(null));
    }
}
