package io.emofuse.server;

/**
 * A request the server refuses, with the HTTP status, a stable machine-readable {@code error}
 * code and a human {@code detail}; answered as {@code {"error": ..., "detail": ...}}.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String error;
    private final Integer retryAfterS;

    public ApiError(int status, String error, String detail) {
        this(status, error, detail, null);
    }

    public ApiError(int status, String error, String detail, Integer retryAfterS) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.retryAfterS = retryAfterS;
    }

    public static ApiError badRequest(String error, String detail) {
        return new ApiError(400, error, detail);
    }

    public static ApiError busy(String detail, int retryAfterS) {
        return new ApiError(503, "busy", detail, retryAfterS);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    /** Seconds for a Retry-After header, or null. */
    public Integer retryAfterS() {
        return retryAfterS;
    }
}
