package dev.jinaclip.hub;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a download reports, as "started file resumed/total", "finished file total" and so on. */
final class RecordingProgress implements DownloadProgress {

    final List<String> events = new CopyOnWriteArrayList<>();
    volatile long lastDone = -1;

    @Override
    public void started(String file, long resumedBytes, long totalBytes) {
        events.add("started " + file + " " + resumedBytes + "/" + totalBytes);
    }

    @Override
    public void progressed(String file, long doneBytes, long totalBytes) {
        lastDone = doneBytes;
    }

    @Override
    public void finished(String file, long totalBytes) {
        events.add("finished " + file + " " + totalBytes);
    }

    @Override
    public void failed(String file, Exception error) {
        events.add("failed " + file);
    }
}
