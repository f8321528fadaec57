package au.ausjobs.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dev stack's Mongo keeps its data on disk across restarts, and answers the driver's hello handshake. */
class MongoWireServerTests {

    @Test
    void keepsDocumentsOnDiskAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("ausjobs");
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0); MongoClient client = MongoClients.create(server.uri("x"))) {
            client.getDatabase("ausjobs-auth").getCollection("accounts").insertOne(new Document("_id", "a1").append("email", "a@b.au"));
        }
        try (MongoWireServer server = MongoWireServer.onDisk(file, 0); MongoClient client = MongoClients.create(server.uri("x"))) {
            Document found = client.getDatabase("ausjobs-auth").getCollection("accounts").find(new Document("_id", "a1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("email")).isEqualTo("a@b.au");
        }
    }

    @Test
    void answersHelloLikeAWritablePrimary() {
        try (MongoWireServer server = MongoWireServer.inMemory(0); MongoClient client = MongoClients.create(server.uri("x"))) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }
}
