package au.ausjobs.gateway.routing;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/** A request body over the route's limit; becomes a 413 problem whose detail is the reason. */
public class RequestBodyTooLargeException extends ResponseStatusException {

    public RequestBodyTooLargeException(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the " + readable(limitBytes)
            + " allowed at this path.");
    }

    static String readable(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % 1024 == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
