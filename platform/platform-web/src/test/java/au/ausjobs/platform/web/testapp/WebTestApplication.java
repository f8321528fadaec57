package au.ausjobs.platform.web.testapp;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tiny servlet app with only the platform-web conventions on top of Boot (security open, as services add their own). */
@SpringBootApplication
public class WebTestApplication {

    /** platform-web brings Spring Security along; this app opens everything so only the web conventions are under test. */
    @Bean
    SecurityFilterChain openChain(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable()).authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    public record Note(@NotBlank String text) {
    }

    @RestController
    static class NotesController {

        @GetMapping("/notes/{id}")
        Map<String, String> note(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PostMapping(path = "/notes", consumes = "application/json")
        @ResponseStatus(HttpStatus.CREATED)
        Map<String, Object> create(@Valid @RequestBody Note note) {
            return Map.of("length", note.text().length());
        }

        /** Reads the raw body through the servlet reader, as a webhook signature check would. */
        @PostMapping(path = "/raw")
        Map<String, Object> raw(jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
            StringBuilder body = new StringBuilder();
            char[] buffer = new char[512];
            for (int n; (n = request.getReader().read(buffer)) > 0;) {
                body.append(buffer, 0, n);
            }
            return Map.of("length", body.length());
        }

        @GetMapping("/boom")
        Map<String, String> boom() {
            throw new IllegalStateException("connection to mongodb://admin:hunter2@db.internal failed");
        }
    }
}
