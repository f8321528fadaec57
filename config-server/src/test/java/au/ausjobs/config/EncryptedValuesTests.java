package au.ausjobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Secrets may live in the config repository only encrypted: the server decrypts '{cipher}' values with the key it
 * gets from its environment (ENCRYPT_KEY), so the repository never holds the clear text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "server.address=127.0.0.1", "eureka.client.enabled=false", "encrypt.key=test-only-key-9f2c1a" })
class EncryptedValuesTests {

    static Path repo;

    @DynamicPropertySource
    static void repository(DynamicPropertyRegistry registry) throws Exception {
        repo = Files.createTempDirectory("config-repo");
        registry.add("spring.cloud.config.server.native.search-locations", () -> "file:" + repo + "/");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesTheClearValueOfAnEncryptedSecretWhileTheRepositoryHoldsOnlyTheCipher() throws Exception {
        String cipher = post("/encrypt", "smtp-password-123");
        assertThat(cipher).isNotBlank().doesNotContain("smtp-password-123");
        Files.writeString(repo.resolve("billing-service.yml"), "ausjobs:\n  smtp-password: '{cipher}" + cipher + "'\n");

        String served = get("/billing-service/prod");
        assertThat(served).contains("\"ausjobs.smtp-password\":\"smtp-password-123\"");
        assertThat(Files.readString(repo.resolve("billing-service.yml"))).doesNotContain("smtp-password-123");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
