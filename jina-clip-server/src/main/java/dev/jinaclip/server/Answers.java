package dev.jinaclip.server;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work done on other threads (a batch, a download) as a request thread must: its failure, as thrown. */
final class Answers {

    private Answers() {
    }

    /**
     * The result of {@code answer}, once it is done.
     *
     * @throws RuntimeException what the work threw
     * @throws ApiProblem       503 if the request thread is interrupted (the server is stopping)
     */
    static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.stopping();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }
}
