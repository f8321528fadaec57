package au.ausjobs.resume.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Where the retention policy moves old resume versions, every file gzipped. Its own place in the same kind of store as
 * the files (see {@link ResumeStorageConfiguration}): with GridFS the bucket {@code archive}; with S3 the
 * {@code archive-bucket} (by default the files' bucket) under {@code archive-prefix} ({@code archive/}), optionally in
 * a cheaper storage class. The service only needs put, read and delete.
 */
public class ResumeArchive {

    private final ResumeFileStore.Backend store;

    ResumeArchive(ResumeFileStore.Backend store) {
        this.store = store;
    }

    public String put(byte[] content, Map<String, String> metadata) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write(content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store.put(packed.toByteArray(), "application/gzip", metadata);
    }

    /** The archived bytes as they were put; {@link ResumeFileStore.FileMissingException} if there are none. */
    public byte[] read(String key) {
        try (GZIPInputStream in = new GZIPInputStream(store.open(key))) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes an archived file; nothing happens if it is already gone. */
    public void delete(String key) {
        store.delete(key);
    }

    @Override
    public String toString() {
        return "archive in " + store;
    }
}
