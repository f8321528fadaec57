package au.ausjobs.resume.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Compresses files where it helps: a file is stored gzipped when that saves at least a tenth of it (plain text, RTF
 * and old Word files shrink a lot; DOCX and ODT are zips already and most PDFs compress their own streams), and read
 * back as it was uploaded. The key of a gzipped file says so ({@code gz:} before the backend's key), so reading never
 * guesses.
 */
@Component
@Primary
class CompressingResumeFileStore implements ResumeFileStore {

    static final String GZIP = "gz:";

    /** Compressed must be at most this share of the original to be worth keeping. */
    static final double WORTH_IT = 0.9;

    private final ResumeFileStore.Backend backend;

    CompressingResumeFileStore(ResumeFileStore.Backend backend) {
        this.backend = backend;
    }

    @Override
    public String put(byte[] content, String contentType, Map<String, String> metadata) {
        byte[] packed = gzip(content);
        if (packed.length > content.length * WORTH_IT) {
            return backend.put(content, contentType, metadata);
        }
        Map<String, String> meta = new HashMap<>(metadata);
        meta.put("contentEncoding", "gzip");
        meta.put("originalSize", String.valueOf(content.length));
        return GZIP + backend.put(packed, contentType, meta);
    }

    @Override
    public InputStream open(String key) {
        if (!key.startsWith(GZIP)) {
            return backend.open(key);
        }
        try {
            return new GZIPInputStream(backend.open(key.substring(GZIP.length())));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        backend.delete(key.startsWith(GZIP) ? key.substring(GZIP.length()) : key);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, content.length / 2));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
