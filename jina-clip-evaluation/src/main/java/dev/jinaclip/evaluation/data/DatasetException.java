package dev.jinaclip.evaluation.data;

import java.nio.file.Path;

/** A dataset file that is not in the documented format; the message names the file and, where there is one, the line. */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem with one line of a file, counted from 1. */
    public DatasetException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }

    /** A problem with a file or folder as a whole. */
    public DatasetException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** A problem with a file that could not be read. */
    public DatasetException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem + ": " + cause.getMessage(), cause);
    }
}
