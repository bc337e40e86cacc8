package dev.jinaclip.benchmarks;

/** Wall-clock timing of one piece of work. */
final class Timing {

    /** Work that may throw. */
    interface Work {
        void run() throws Exception;
    }

    private Timing() {
    }

    static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return secondsSince(start);
    }

    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
