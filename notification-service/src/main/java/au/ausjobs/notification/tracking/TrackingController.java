package au.ausjobs.notification.tracking;

import java.net.URI;
import java.util.Base64;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.web.ApiException;

/**
 * The trackers behind the links of a mail, without sign-in (the signed token is the proof). A click token leads,
 * with a 302, only to the URL stored for that link of that message (never to a URL from the request, so this is no open
 * redirect); an altered or unknown one is a 404 problem. The pixel always answers the GIF, so a mail client never shows
 * a broken image; only a genuine token is counted. HEAD requests (link checkers) are answered and not counted.
 */
@RestController
@RequestMapping("/api/v1/notifications/t")
@Tag(name = "Mail tracking", description = "Open pixel and click redirect of tracked mail (no sign-in; signed tokens)")
class TrackingController {

    /** A 1x1 transparent GIF (43 bytes). */
    static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");
    private static final MediaType GIF = MediaType.IMAGE_GIF;

    private static final Logger log = LoggerFactory.getLogger(TrackingController.class);

    private final TrackingTokens tokens;
    private final Engagement engagement;

    TrackingController(TrackingTokens tokens, Engagement engagement) {
        this.tokens = tokens;
        this.engagement = engagement;
    }

    @GetMapping("/c/{token}")
    @Operation(summary = "A tracked link: counts the click and redirects (302) to the link's stored URL; 404 for an "
        + "altered or unknown token")
    ResponseEntity<Void> click(@PathVariable String token, HttpServletRequest request) {
        TrackingTokens.Click click = tokens.verifyClick(token).orElseThrow(TrackingController::unknownLink);
        String url;
        try {
            url = "HEAD".equals(request.getMethod()) ? engagement.target(click.messageId(), click.index()).orElse(null)
                : engagement.clicked(click.messageId(), click.index()).orElse(null);
        }
        catch (RuntimeException e) {
            // handled here, so the path (with its token) is not logged as an unexpected error
            log.error("Click on link {} of message {} not served: {}", click.index(), click.messageId(), e.toString());
            throw ApiException.unavailable("The link cannot be followed right now; try again shortly");
        }
        if (url == null) {
            throw unknownLink();
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
            .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").build();
    }

    @GetMapping("/o/{token}.gif")
    @Operation(summary = "The open pixel: a 1x1 transparent GIF, never cached; counts an open for a genuine token only")
    ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
        if (!"HEAD".equals(request.getMethod())) {
            tokens.verifyOpen(token).ifPresent(messageId -> {
                try {
                    engagement.opened(messageId);
                }
                catch (RuntimeException e) {
                    // the GIF all the same: an open not counted is better than a broken image
                    log.error("Open of message {} not counted: {}", messageId, e.toString());
                }
            });
        }
        return ResponseEntity.ok().contentType(GIF).cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_LENGTH, String.valueOf(PIXEL.length)).header("Referrer-Policy", "no-referrer")
            .body(PIXEL);
    }

    private static ApiException unknownLink() {
        return ApiException.notFound("Link");
    }
}
