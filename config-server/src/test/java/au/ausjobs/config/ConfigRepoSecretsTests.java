package au.ausjobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** config-repo/ is served to every service and lives in git: no secret may be written into it. */
class ConfigRepoSecretsTests {

    static final Path CONFIG_REPO = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../config-repo").toAbsolutePath().normalize();

    @Test
    void configRepoHoldsNoLiteralSecrets() throws IOException {
        SecretScanner scanner = new SecretScanner();
        List<SecretScanner.Finding> findings = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CONFIG_REPO)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            findings.addAll(scanner.scan(CONFIG_REPO.relativize(file).toString(),
                Files.readString(file, StandardCharsets.UTF_8)));
        }

        assertThat(files).as("the scan must have read the repository")
            .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("application.yml"))
            .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("auth-service.yml"));
        assertThat(scanner.secretKeysSeen()).as("the scan must recognise the secret keys that are there")
            .contains("ausjobs.keycloak.admin-client-secret");
        assertThat(findings).as("literal secrets in config-repo/").isEmpty();
    }

    @Test
    void scannerFlagsLiteralSecretsButAcceptsPlaceholdersAndCiphers() {
        String yaml = """
            spring:
              datasource:
                password: hunter2
              mail:
                password: ${SMTP_PASSWORD:}
              mongodb:
                uri: mongodb://ausjobs:s3cr3t@db.internal:27017/ausjobs
                other-uri: mongodb://ausjobs:${MONGO_PASSWORD}@db.internal:27017/ausjobs
            ausjobs:
              keycloak:
                admin-client-secret: ${AUSJOBS_KEYCLOAK_CLIENT_SECRET:changeme}
                other-client-secret: '{cipher}AQA3f9d0a1b2c3'
                empty-secret: ""
                unset-secret:
                token-uri: http://127.0.0.1:8180/realms/ausjobs/protocol/openid-connect/token
              cors:
                allow-credentials: false
              stripe:
                webhook-signing: whsec_abcdefghijklmnop1234
              twilio:
                api-key: SK0123
            gateway:
              cors:
                allowed-headers: Authorization,X-Correlation-Id
            """;
        SecretScanner scanner = new SecretScanner();
        List<String> flagged = scanner.scan("sample.yml", yaml).stream().map(SecretScanner.Finding::key).toList();

        assertThat(flagged).containsExactlyInAnyOrder("spring.datasource.password", "spring.mongodb.uri",
            "ausjobs.keycloak.admin-client-secret", "ausjobs.stripe.webhook-signing", "ausjobs.twilio.api-key");
        assertThat(scanner.scan("sample.yml", yaml)).noneMatch(f -> f.toString().contains("hunter2"));
        assertThat(scanner.scan("sample.properties", "spring.mail.password=hunter2\nspring.mail.username=ausjobs\n"))
            .extracting(SecretScanner.Finding::key).containsExactly("spring.mail.password");
        assertThat(scanner.scan("notes.txt", "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE\n")).hasSize(1);
    }
}
