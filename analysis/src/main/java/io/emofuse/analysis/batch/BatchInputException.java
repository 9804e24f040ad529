package io.emofuse.analysis.batch;

/** A problem with one input line or turn: a stable code and a message naming the problem. */
public final class BatchInputException extends Exception {

    private final String code;

    public BatchInputException(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
