package au.ausjobs.resume.scan;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * ausjobs.resume.clamd.*: where clamd listens (TCP) and how long to wait for it.
 *
 * @param host clamd's address, default 127.0.0.1
 * @param port clamd's TCP port ({@code TCPSocket}), default 3310
 * @param connectTimeout how long to wait for the TCP connection (and for PING in the health check), default 2 s
 * @param readTimeout how long to wait for clamd at any one point while sending or waiting for the verdict, default 30 s
 * @param chunkSize the size of each INSTREAM chunk, default 64 KB
 */
@ConfigurationProperties("ausjobs.resume.clamd")
public record ClamdProperties(String host, int port, Duration connectTimeout, Duration readTimeout, DataSize chunkSize) {

    public ClamdProperties {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == 0 ? 3310 : port;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        chunkSize = chunkSize == null ? DataSize.ofKilobytes(64) : chunkSize;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("ausjobs.resume.clamd.port must be 1..65535, not " + port);
        }
        if (chunkSize.toBytes() < 1 || chunkSize.toBytes() > Integer.MAX_VALUE - 4) {
            throw new IllegalArgumentException("ausjobs.resume.clamd.chunk-size must be positive, not " + chunkSize);
        }
    }

    /** The defaults with another host and port (tests, tools). */
    public static ClamdProperties of(String host, int port) {
        return new ClamdProperties(host, port, null, null, null);
    }
}
