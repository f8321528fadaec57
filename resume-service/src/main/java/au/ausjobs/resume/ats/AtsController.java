package au.ausjobs.resume.ats;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobClient;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.resume.Resumes;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * A resume version against applicant tracking systems and, optionally, a published job: its skills, its ATS score
 * with the sub-scores explained, and what to improve. For the resume's owner and staff; the job comes from
 * job-service.
 */
@RestController
@RequestMapping("/api/v1/resumes/{id}/versions/{number}")
@Tag(name = "Resume analysis", description = "Skills, ATS compatibility score and improvement suggestions")
@Validated
class AtsController {

    /** The score with the suggestions that follow from it. */
    record Advice(AtsReport ats, List<Suggestion> suggestions) {
    }

    private final Resumes resumes;
    private final JobClient jobs;
    private final SkillTaxonomy taxonomy;
    private final AtsScorer scorer;
    private final ImprovementAdvisor advisor;

    AtsController(Resumes resumes, JobClient jobs, SkillTaxonomy taxonomy, AtsScorer scorer, ImprovementAdvisor advisor) {
        this.resumes = resumes;
        this.jobs = jobs;
        this.taxonomy = taxonomy;
        this.scorer = scorer;
        this.advisor = advisor;
    }

    @GetMapping("/skills")
    @Operation(summary = "The skills of the shipped taxonomy this version mentions (synonyms and Australian/US spellings "
        + "resolved), most mentioned first")
    List<SkillMatch> skills(@PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return taxonomy.find(resumes.reading(id, number, CurrentUser.of(authentication)).text());
    }

    @GetMapping("/ats-score")
    @Operation(summary = "ATS compatibility, 0-100, with explained sub-scores (parseability, sections, keywords against the "
        + "job if jobId is given, formatting risks, length, dates, contact); the same input always gives the same score")
    AtsReport atsScore(@PathVariable String id, @PathVariable @Min(1) int number,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            Authentication authentication) {
        ResumeReading reading = resumes.reading(id, number, CurrentUser.of(authentication));
        return scorer.score(reading, job(jobId));
    }

    @GetMapping("/suggestions")
    @Operation(summary = "What to improve, most important first: missing skills and keywords of the job, weak bullet points "
        + "(no measurable result, passive voice), summary tailoring, formatting and contact details; with the ATS score")
    Advice suggestions(@PathVariable String id, @PathVariable @Min(1) int number,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a job id") String jobId,
            Authentication authentication) {
        ResumeReading reading = resumes.reading(id, number, CurrentUser.of(authentication));
        JobPosting job = job(jobId);
        AtsReport report = scorer.score(reading, job);
        return new Advice(report, advisor.suggest(reading, job, report));
    }

    private JobPosting job(String jobId) {
        return jobId == null ? null : jobs.published(jobId);
    }
}
