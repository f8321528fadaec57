package au.ausjobs.platform.test;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * An in-JVM server of the MongoDB wire protocol (mongo-java-server): in memory for tests, on an H2 file for
 * the dev stack. See ARCHITECTURE.md for what it supports (no geo, no transactions, secondary indexes ignored).
 */
public final class MongoWireServer implements AutoCloseable {

    private static MongoWireServer shared;

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.port = server.getLocalAddress().getPort();
    }

    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return isHello(command) ? helloAsIsMaster(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
            }
        }, port);
    }

    public static MongoWireServer onDisk(Path h2File, int port) {
        h2File.toAbsolutePath().getParent().toFile().mkdirs();
        return new MongoWireServer(new H2Backend(h2File.toAbsolutePath().toString()) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return isHello(command) ? helloAsIsMaster(super.handleCommand(channel, database, "isMaster", query))
                    : super.handleCommand(channel, database, command, query);
            }
        }, port);
    }

    /**
     * The server answers the legacy isMaster handshake but not its successor hello, which the driver's monitor and
     * Spring Boot's Mongo health check send. hello is isMaster with isWritablePrimary in place of ismaster.
     */
    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private static Document helloAsIsMaster(Document isMaster) {
        isMaster.put("isWritablePrimary", Boolean.TRUE.equals(isMaster.get("ismaster")) || isMaster.get("ismaster") == null);
        return isMaster;
    }

    /** One in-memory server per test JVM. Each test class should use a database of its own. */
    public static synchronized MongoWireServer shared() {
        if (shared == null) {
            shared = inMemory(0);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "mongo-wire-stop"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
