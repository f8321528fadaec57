package au.ausjobs.resume.storage;

import java.io.InputStream;
import java.util.Map;

/**
 * Where resume files live: GridFS by default (in the service's own MongoDB), an S3-compatible bucket by config.
 * Files are immutable: a new version is a new file.
 */
public interface ResumeFileStore {

    /** Stores the bytes; returns the key to read or delete them with. */
    String put(byte[] content, String contentType, Map<String, String> metadata);

    /** The file's bytes; {@link FileMissingException} if there is none under this key. */
    InputStream open(String key);

    /** Deletes the file; nothing happens if it is already gone. */
    void delete(String key);

    /** Where the bytes really go (GridFS, or an S3-compatible bucket); the service uses them through compression. */
    interface Backend extends ResumeFileStore {
    }

    /** Thrown when a key names no file (it was deleted by retention, or the store lost it). */
    class FileMissingException extends RuntimeException {

        public FileMissingException(String key) {
            super("No stored file " + key);
        }
    }
}
