package dev.jinaclip.hub;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Another process downloading a blob: locks {@code args[0]}, prints "locked", waits for a line on standard input,
 * then stores {@code args[2]} as the blob {@code args[1]} and releases the lock.
 */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path lockFile = Path.of(args[0]);
        Files.createDirectories(lockFile.getParent());
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println(lock.isValid() ? "locked" : "not locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            Path blob = Path.of(args[1]);
            Files.createDirectories(blob.getParent());
            Path temp = blob.resolveSibling(blob.getFileName() + ".incomplete");
            Files.copy(Path.of(args[2]), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, blob, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
