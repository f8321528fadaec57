package au.ausjobs.job.posting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import au.ausjobs.events.job.JobClosed;
import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.events.job.JobPublished;
import au.ausjobs.events.job.JobUpdated;
import au.ausjobs.job.company.Company;
import au.ausjobs.job.company.CompanyRepository;
import au.ausjobs.job.place.Gazetteer;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/**
 * Every change to a job: who may make it, whether the job's status allows it, and the event it announces, saved
 * with the job in one document write (outbox).
 */
@Service
public class JobLifecycle {

    /** The longest a job may stay open from when it goes live. */
    static final Duration LONGEST_OPENING = Duration.ofDays(180);

    /** The longest a job may be featured at a time. */
    static final Duration LONGEST_FEATURE = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);

    private final JobRepository jobs;
    private final CompanyRepository companies;
    private final EventRecorder events;
    private final Clock clock;

    private final Gazetteer gazetteer;

    JobLifecycle(JobRepository jobs, CompanyRepository companies, EventRecorder events, Gazetteer gazetteer,
            java.util.Optional<Clock> clock) {
        this.jobs = jobs;
        this.companies = companies;
        this.events = events;
        this.gazetteer = gazetteer;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Job create(CurrentUser employer, JobRequest request) {
        String companyId = requireCompany(employer);
        Job job = new Job(UUID.randomUUID().toString(), companyId, employer.id(), checked(request), description(request),
            now());
        return jobs.insert(job);
    }

    /** A job its reader may see: published ones for anyone, the others for its company's employers and staff. */
    public Job visible(String id, CurrentUser reader) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        if (job.getStatus() == JobStatus.PUBLISHED || isInsider(job, reader)) {
            return job;
        }
        throw ApiException.notFound("Job");
    }

    public boolean isInsider(Job job, CurrentUser reader) {
        return reader != null && (reader.worksFor(job.getCompanyId()) || reader.isStaff());
    }

    public Job edit(String id, CurrentUser employer, JobRequest request) {
        Job job = owned(id, employer);
        if (!job.getStatus().isEditable()) {
            throw invalid(job, "edited");
        }
        job.edit(checked(request), description(request), now());
        if (job.getStatus() == JobStatus.PUBLISHED) {
            checkValidThrough(job, request.validThrough());
            events.record(job, new JobUpdated(job.getId(), posting(job), employer.id(), now()));
        }
        return save(job);
    }

    /** The employer asks to publish: the job waits for an admin's review. */
    public Job submit(String id, CurrentUser employer) {
        Job job = owned(id, employer);
        if (job.getStatus().canBecome(JobStatus.PENDING_REVIEW)) {
            checkValidThrough(job, job.getContent().validThrough());
        }
        transition(job, JobStatus.PENDING_REVIEW, employer.id(), null);
        return save(job);
    }

    public Job close(String id, CurrentUser employer) {
        Job job = owned(id, employer);
        transition(job, JobStatus.CLOSED, employer.id(), null);
        events.record(job, new JobClosed(job.getId(), job.getCompanyId(), "CLOSED", employer.id(), now()));
        return save(job);
    }

    /** A closed or expired job comes back as a new draft with the same content, to be given new dates and published. */
    public Job repost(String id, CurrentUser employer) {
        Job original = owned(id, employer);
        if (original.getStatus() != JobStatus.CLOSED && original.getStatus() != JobStatus.EXPIRED) {
            throw invalid(original, "reposted");
        }
        Job copy = new Job(UUID.randomUUID().toString(), original.getCompanyId(), employer.id(), original.getContent(),
            original.getDescriptionHtml(), now());
        copy.markRepostOf(original.getId());
        return jobs.insert(copy);
    }

    public List<Job> reviewQueue(int limit) {
        return jobs.findByStatusOrderBySubmittedAtAsc(JobStatus.PENDING_REVIEW, PageRequest.of(0, limit));
    }

    public Job approve(String id, String admin) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        if (job.getStatus().canBecome(JobStatus.PUBLISHED)) {
            checkValidThrough(job, job.getContent().validThrough());
        }
        transition(job, JobStatus.PUBLISHED, admin, null);
        events.record(job, new JobPublished(job.getId(), posting(job), admin, now()));
        log.info("Job {} published by {}", job.getId(), admin);
        return save(job);
    }

    /**
     * Staff feature a job (a paid or promotional placement): until {@code until} it ranks higher and search marks it.
     * Null ends the feature. A live job's index follows through job.updated.
     */
    public Job feature(String id, String admin, Instant until) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        if (!job.getStatus().isEditable()) {
            throw invalid(job, "featured");
        }
        if (until != null && !until.isAfter(now())) {
            throw ApiException.unprocessable("featured-until-passed", "A feature must end in the future");
        }
        if (until != null && until.isAfter(now().plus(LONGEST_FEATURE))) {
            throw ApiException.unprocessable("featured-until-too-far", "A job can be featured for at most 90 days at a time");
        }
        job.feature(until, admin, now());
        if (job.getStatus() == JobStatus.PUBLISHED) {
            events.record(job, new JobUpdated(job.getId(), posting(job), admin, now()));
        }
        log.info("Job {} featured until {} by {}", job.getId(), until, admin);
        return save(job);
    }

    public Job reject(String id, String admin, String reason) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        transition(job, JobStatus.REJECTED, admin, reason);
        return save(job);
    }

    public Job requestChanges(String id, String admin, String note) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        transition(job, JobStatus.DRAFT, admin, note);
        return save(job);
    }

    /** Expires one published job whose valid-through time has passed; false if it changed meanwhile. */
    public boolean expire(Job job) {
        if (job.getStatus() != JobStatus.PUBLISHED || job.getContent().validThrough().isAfter(now())) {
            return false;
        }
        job.moveTo(JobStatus.EXPIRED, "system", now(), "valid-through " + job.getContent().validThrough() + " passed");
        events.record(job, new JobClosed(job.getId(), job.getCompanyId(), "EXPIRED", null, now()));
        try {
            jobs.save(job);
            return true;
        }
        catch (OptimisticLockingFailureException e) {
            return false; // another instance expired it, or its employer changed it: the next run looks again
        }
    }

    /** The full view of a job (status, moderator note, history), for its company's employers and staff. */
    public JobResponse insiderView(Job job) {
        return JobResponse.of(job, companyName(job.getCompanyId()), true);
    }

    /** Published jobs whose valid-through time has passed, oldest first. */
    public List<Job> overdue(int limit) {
        return jobs.findByStatusAndContentValidThroughBeforeOrderByContentValidThroughAsc(JobStatus.PUBLISHED, now(),
            PageRequest.of(0, limit));
    }

    public String companyName(String companyId) {
        return companies.findById(companyId).map(Company::name).orElse(null);
    }

    private void transition(Job job, JobStatus next, String by, String note) {
        if (!job.getStatus().canBecome(next)) {
            throw invalid(job, "moved to " + next);
        }
        job.moveTo(next, by, now(), note);
    }

    private Job owned(String id, CurrentUser employer) {
        Job job = jobs.findById(id).orElseThrow(() -> ApiException.notFound("Job"));
        if (employer.worksFor(job.getCompanyId())) {
            return job;
        }
        if (job.getStatus() == JobStatus.PUBLISHED) {
            throw ApiException.forbidden("Only the employers of this job's company can change it");
        }
        throw ApiException.notFound("Job"); // someone else's draft: not even its existence is shown
    }

    private static String requireCompany(CurrentUser employer) {
        if (employer.companyId() == null) {
            throw ApiException.forbidden("Your account does not belong to a company; register your company first");
        }
        return employer.companyId();
    }

    private JobRequest checked(JobRequest request) {
        if (request.workMode() != JobRequest.WorkMode.REMOTE && request.location() == null) {
            throw ApiException.unprocessable("location-required", "An on-site or hybrid job needs a location");
        }
        if (request.location() != null && !request.location().state().hasPostcode(request.location().postcode())) {
            throw ApiException.unprocessable("postcode-mismatch",
                "Postcode " + request.location().postcode() + " is not in " + request.location().state());
        }
        if (request.location() != null
                && gazetteer.locality(request.location().suburb(), request.location().postcode()).isEmpty()) {
            List<String> known = gazetteer.localitiesOf(request.location().postcode());
            throw ApiException.unprocessable("unknown-place", "There is no " + request.location().suburb().trim()
                + " in postcode " + request.location().postcode()
                + (known.isEmpty() ? "" : "; its localities are " + String.join(", ", known.subList(0, Math.min(10, known.size())))));
        }
        if (request.salary() != null && request.salary().min().compareTo(request.salary().max()) > 0) {
            throw ApiException.unprocessable("salary-range", "The salary's minimum is above its maximum");
        }
        if (JobHtml.text(JobHtml.sanitise(request.description())).isEmpty()) {
            throw ApiException.unprocessable("empty-description", "The description has no text once unsafe markup is removed");
        }
        return request;
    }

    private void checkValidThrough(Job job, Instant validThrough) {
        if (!validThrough.isAfter(now())) {
            throw ApiException.unprocessable("valid-through-passed", "The job's valid-through date has passed; set a new one");
        }
        if (validThrough.isAfter(now().plus(LONGEST_OPENING))) {
            throw ApiException.unprocessable("valid-through-too-far", "A job can stay open for at most 180 days");
        }
    }

    private static String description(JobRequest request) {
        return JobHtml.sanitise(request.description());
    }

    /** What a job says, as its events carry it (and as search indexes it). */
    public JobPostingData posting(Job job) {
        JobRequest c = job.getContent();
        return new JobPostingData(c.title(), job.getDescriptionHtml(), job.getCompanyId(), companyName(job.getCompanyId()),
            c.employmentTypes().stream().map(Enum::name).toList(), c.workMode().name(),
            c.location() == null ? null : c.location().suburb(), c.location() == null ? null : c.location().state().name(),
            c.location() == null ? null : c.location().postcode(), c.salary() == null ? null : c.salary().min(),
            c.salary() == null ? null : c.salary().max(), c.salary() == null ? null : c.salary().unit().name(), c.category(),
            c.skills() == null ? List.of() : c.skills(), c.seniority() == null ? null : c.seniority().name(),
            job.getDatePosted(), c.validThrough(), job.getFeaturedUntil());
    }

    private Job save(Job job) {
        try {
            return jobs.save(job);
        }
        catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("concurrent-change", "The job was changed meanwhile; reload it and try again");
        }
    }

    private static ApiException invalid(Job job, String what) {
        return ApiException.conflict("invalid-transition", "A job that is " + job.getStatus() + " cannot be " + what);
    }

    private Instant now() {
        return clock.instant();
    }
}
