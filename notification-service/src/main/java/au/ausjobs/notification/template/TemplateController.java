package au.ausjobs.notification.template;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.notification.MailLinks;
import au.ausjobs.platform.web.ApiException;

/** For admins: which mail templates exist, and any of them rendered with sample data. */
@RestController
@RequestMapping("/api/v1/notifications/templates")
@Tag(name = "Notification templates", description = "Mail templates and their preview (admins)")
class TemplateController {

    record LocaleVersion(String locale, int version) {
    }

    record KindView(String kind, String category, boolean transactional, String description, List<LocaleVersion> locales) {
    }

    record PreviewView(String kind, String locale, int version, String templateVersion, String subject, String html,
            String text) {
    }

    private final MailTemplates templates;
    private final MailLinks links;

    TemplateController(MailTemplates templates, MailLinks links) {
        this.templates = templates;
        this.links = links;
    }

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Every message kind with its category and the locales and versions of its templates")
    List<KindView> list() {
        return templates.kinds().stream().map(k -> new KindView(k.kind(), k.category().key(), k.category().transactional(),
            k.description(), k.versions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new LocaleVersion(e.getKey(), e.getValue())).toList()))
            .toList();
    }

    @GetMapping("/{kind}/preview")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "A template rendered with sample data: format html (the HTML part, CSS inlined), text (the plain-text "
        + "part) or json (subject and both parts). A locale without a template falls back (Content-Language says which "
        + "was used). 404 for an unknown kind")
    ResponseEntity<?> preview(@PathVariable String kind, @RequestParam(defaultValue = "en-AU") String locale,
            @RequestParam(defaultValue = "html") String format) {
        MailTemplates.Kind entry = templates.kind(kind).orElseThrow(() -> ApiException.notFound("Template kind"));
        Map<String, Object> data = SampleData.of(links.app());
        if (!entry.category().transactional()) {
            SampleData.unsubscribe(data, links.unsubscribe("SAMPLE"), links.preferences());
        }
        RenderedMail mail = templates.render(kind, locale, data);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, mail.locale())
            .header("X-AusJobs-Template", mail.templateVersion());
        return switch (format) {
            case "html" -> ok.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(mail.html());
            case "text" -> ok.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(mail.text());
            case "json" -> ok.contentType(MediaType.APPLICATION_JSON).body(new PreviewView(mail.kind(), mail.locale(),
                mail.version(), mail.templateVersion(), mail.subject(), mail.html(), mail.text()));
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-format", "Invalid request",
                "format must be html, text or json");
        };
    }
}
