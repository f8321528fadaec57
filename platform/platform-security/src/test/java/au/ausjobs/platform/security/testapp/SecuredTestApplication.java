package au.ausjobs.platform.security.testapp;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PublicPaths;

/** A service-shaped app: the platform's resource-server chain, one public path, one signed-in and one admin endpoint. */
@SpringBootApplication
public class SecuredTestApplication {

    /** Only GET of the published notices is open; writing them still needs a token. */
    @Bean
    PublicPaths noticePaths() {
        return PublicPaths.of("GET /api/v1/notices/**");
    }

    @Bean
    PublicPaths statusPaths() {
        return PublicPaths.of("/api/v1/status");
    }

    @RestController
    static class TestEndpoints {

        @GetMapping("/api/v1/notices/latest")
        Map<String, String> latestNotice() {
            return Map.of("notice", "Site maintenance on Sunday");
        }

        @PostMapping("/api/v1/notices/latest")
        Map<String, String> postNotice() {
            return Map.of("posted", "yes");
        }

        @GetMapping("/api/v1/status")
        Map<String, String> status() {
            return Map.of("status", "ok");
        }

        @GetMapping("/api/v1/me")
        Map<String, Object> me(Authentication authentication) {
            CurrentUser user = CurrentUser.of(authentication);
            return Map.of("id", user.id(), "staff", user.isStaff());
        }

        @GetMapping("/api/v1/admin/reports")
        @PreAuthorize("hasRole('admin')")
        Map<String, String> adminReports() {
            return Map.of("report", "weekly signups");
        }
    }
}
