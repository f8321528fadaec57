package au.ausjobs.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that grows beyond the configured limit (chunked bodies have no length). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("Request body is larger than " + limit + " bytes");
    }
}
