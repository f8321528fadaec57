package au.ausjobs.notification.preference;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/** For staff: the suppression list (hard bounces and complaints). */
@RestController
@RequestMapping("/api/v1/notifications/suppressions")
@Tag(name = "Suppression list", description = "Addresses that bounced hard or complained (staff)")
class SuppressionController {

    record AddRequest(@NotBlank @Email @Size(max = 320) String email, @NotNull Suppression.Reason reason,
            @Size(max = 500) String note) {
    }

    record SuppressionView(String id, String email, Suppression.Reason reason, String note, Instant createdAt,
            String createdBy) {

        static SuppressionView of(Suppression s) {
            return new SuppressionView(s.id(), s.email(), s.reason(), s.note(), s.createdAt(), s.createdBy());
        }
    }

    private final Suppressions suppressions;

    SuppressionController(Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('admin','support')")
    @Operation(summary = "The suppression list, newest first")
    List<SuppressionView> list() {
        return suppressions.list(1000).stream().map(SuppressionView::of).toList();
    }

    @PostMapping
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Suppresses an address: HARD_BOUNCE stops all mail to it, COMPLAINT all but transactional mail "
        + "(201; 409 if it is already on the list)")
    ResponseEntity<SuppressionView> add(@Valid @RequestBody AddRequest request, Authentication authentication) {
        Suppression added = suppressions.add(request.email(), request.reason(), request.note(),
            CurrentUser.of(authentication).id());
        return ResponseEntity.created(URI.create("/api/v1/notifications/suppressions/" + added.id()))
            .body(SuppressionView.of(added));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Takes an address off the suppression list (204; 404 if unknown)")
    ResponseEntity<Void> remove(@PathVariable String id) {
        if (!suppressions.remove(id)) {
            throw ApiException.notFound("Suppression");
        }
        return ResponseEntity.noContent().build();
    }
}
