package au.ausjobs.resume.resume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.security.PublicPaths;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.resume.extraction.ResumeReading;

/** A job seeker's resumes: upload (multipart), versions, download, restore, rename, delete, and who read them. */
@RestController
@RequestMapping("/api/v1/resumes")
@Tag(name = "Resumes", description = "Resume files and their versions, scanned for malware before anyone can use them")
@Validated
class ResumeController {

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PathRoles resumeRoles() {
            return PathRoles.of(PathRoles.rule("POST /api/v1/resumes", "job_seeker"),
                PathRoles.rule("GET /api/v1/resumes", "job_seeker"),
                PathRoles.rule("POST /api/v1/resumes/*/versions", "job_seeker"),
                PathRoles.rule("POST /api/v1/resumes/*/versions/*/restore", "job_seeker"),
                PathRoles.rule("PATCH /api/v1/resumes/*", "job_seeker"),
                PathRoles.rule("DELETE /api/v1/resumes/*", "job_seeker"),
                PathRoles.rule("POST /api/v1/resumes/*/shares", "job_seeker"),
                PathRoles.rule("GET /api/v1/resumes/*/shares", "job_seeker"),
                PathRoles.rule("DELETE /api/v1/resumes/*/shares/*", "job_seeker"),
                PathRoles.rule("GET /api/v1/resumes/shared/*", "employer", "employer_admin"));
        }

        /** Signed download links carry their own proof; the link is the key (5 minutes). */
        @Bean
        PublicPaths signedLinksArePublic() {
            return PublicPaths.of("GET /api/v1/resumes/files/*");
        }
    }

    record Rename(@NotBlank @Size(max = 100) String name) {
    }

    /** How long a share lasts, and (optionally) the only company that may open it. */
    record ShareRequest(@Min(1) @Max(30) Integer days, @Size(max = 64) String companyId) {
    }

    private final Resumes resumes;

    ResumeController(Resumes resumes) {
        this.resumes = resumes;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Upload a new resume (multipart: file, optional name): PDF, DOCX, DOC, ODT, RTF or text, "
        + "recognised by content, at most 5 MB and 20 pages. 201 when the virus scan cleared it; 202 when the scanner "
        + "could not answer and the file is held (status PENDING_SCAN) until it does; 422 for malware and unsafe files")
    ResponseEntity<ResumeView> upload(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 100) String name, Authentication authentication) {
        Resume resume = resumes.create(CurrentUser.of(authentication), name, file.getOriginalFilename(), bytes(file));
        return created(resume, URI.create("/api/v1/resumes/" + resume.getId()));
    }

    @GetMapping
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "My resumes, newest first")
    List<ResumeView> mine(Authentication authentication) {
        return resumes.mine(CurrentUser.of(authentication)).stream().map(ResumeView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A resume and its versions: for its owner and staff (404 for anyone else)")
    ResumeView read(@PathVariable String id, Authentication authentication) {
        return ResumeView.of(resumes.readable(id, CurrentUser.of(authentication)));
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "A resume's versions, oldest first: for its owner and staff")
    List<Resume.ResumeVersion> versions(@PathVariable String id, Authentication authentication) {
        return ResumeView.of(resumes.readable(id, CurrentUser.of(authentication))).versions();
    }

    @PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Upload a new version of my resume (multipart: file); it becomes current once scanned clean "
        + "(201, or 202 while held)")
    ResponseEntity<ResumeView> addVersion(@PathVariable String id, @RequestPart("file") MultipartFile file,
            Authentication authentication) {
        Resume resume = resumes.addVersion(id, CurrentUser.of(authentication), file.getOriginalFilename(), bytes(file));
        int number = resume.getVersions().get(resume.getVersions().size() - 1).number();
        return created(resume, URI.create("/api/v1/resumes/" + id + "/versions/" + number + "/file"));
    }

    @GetMapping("/{id}/versions/{number}/file")
    @Operation(summary = "Download one version: its owner, staff, or an employer of a company the seeker applied to with "
        + "that version (logged; 404 for anyone else; 409 while it waits for its scan)")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return file(resumes.download(id, number, CurrentUser.of(authentication)));
    }

    @PostMapping("/{id}/versions/{number}/download-link")
    @Operation(summary = "A link to one version's file that works without a token for 5 minutes (signed; for whoever "
        + "may download it)")
    Resumes.Link downloadLink(@PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return resumes.downloadLink(id, number, CurrentUser.of(authentication));
    }

    @GetMapping("/files/{token}")
    @Operation(summary = "The file a signed download link names (no token needed; 404 once the link has expired or if it "
        + "was altered)")
    ResponseEntity<byte[]> downloadByLink(@PathVariable @Size(max = 600) String token) {
        return file(resumes.downloadByLink(token));
    }

    @PostMapping("/{id}/shares")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Share my resume's current version with employers through a link that expires (1-30 days, "
        + "default 7), optionally only with one company. The link is shown once")
    ResponseEntity<Map<String, Object>> share(@PathVariable String id, @Valid @RequestBody ShareRequest request,
            Authentication authentication) {
        Resumes.SharedLink shared = resumes.share(id, CurrentUser.of(authentication),
            request.days() == null ? 7 : request.days(), request.companyId());
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", shared.url());
        body.put("share", shared.share());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/{id}/shares")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "My resume's shares (without their links), newest first")
    List<ResumeShare> shares(@PathVariable String id, Authentication authentication) {
        return resumes.shares(id, CurrentUser.of(authentication));
    }

    @DeleteMapping("/{id}/shares/{shareId}")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Revoke a share at once (204)")
    ResponseEntity<Void> revokeShare(@PathVariable String id, @PathVariable String shareId, Authentication authentication) {
        resumes.revokeShare(id, shareId, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/shared/{token}")
    @PreAuthorize("hasAnyRole('employer', 'employer_admin')")
    @Operation(summary = "An employer opens a resume shared with them (logged; 410 once expired, 404 when revoked or "
        + "shared with another company)")
    ResponseEntity<byte[]> openShare(@PathVariable @Size(max = 100) String token, Authentication authentication) {
        return file(resumes.openShare(token, CurrentUser.of(authentication)));
    }

    private static ResponseEntity<byte[]> file(Resumes.Download download) {
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(au.ausjobs.resume.file.FileFormat.valueOf(download.version().format()).mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(download.version().filename(), StandardCharsets.UTF_8).build().toString())
            .header("X-Content-Type-Options", "nosniff")
            .cacheControl(CacheControl.noStore().cachePrivate())
            .body(download.content());
    }

    @GetMapping("/{id}/versions/{number}/reading")
    @Operation(summary = "What was read from one version (owner and staff): the text in reading order, layout features "
        + "(pages, tables, images, header/footer text, a text layer at all), the standard sections, contact details, "
        + "positions with titles, employers, dates and months, total experience")
    ResumeReading reading(@PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return resumes.reading(id, number, CurrentUser.of(authentication));
    }

    @PostMapping("/{id}/versions/{number}/restore")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Make an earlier (clean) version of my resume the current one")
    ResumeView restore(@PathVariable String id, @PathVariable @Min(1) int number, Authentication authentication) {
        return ResumeView.of(resumes.restore(id, number, CurrentUser.of(authentication)));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Rename my resume")
    ResumeView rename(@PathVariable String id, @Valid @RequestBody Rename rename, Authentication authentication) {
        return ResumeView.of(resumes.rename(id, rename.name(), CurrentUser.of(authentication)));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('job_seeker')")
    @Operation(summary = "Delete my resume with every version and its access log (204)")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        resumes.delete(id, CurrentUser.of(authentication));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/access-log")
    @Operation(summary = "Who downloaded this resume's files, when, newest first (owner and staff)")
    List<ResumeAccess> accessLog(@PathVariable String id, Authentication authentication) {
        return resumes.accessLog(id, CurrentUser.of(authentication));
    }

    private static ResponseEntity<ResumeView> created(Resume resume, URI location) {
        ResumeView view = ResumeView.of(resume);
        boolean held = view.versions().get(view.versions().size() - 1).status() == Resume.VersionStatus.PENDING_SCAN;
        return ResponseEntity.status(held ? HttpStatus.ACCEPTED : HttpStatus.CREATED).location(location).body(view);
    }

    private static byte[] bytes(MultipartFile file) {
        if (file.isEmpty()) {
            throw ApiException.unprocessable("empty-file", "The file is empty");
        }
        try {
            return file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
