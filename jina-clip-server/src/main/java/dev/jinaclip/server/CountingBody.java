package dev.jinaclip.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/** A request and a response that count the body bytes passing through them, for the access log. */
final class CountingBody {

    private CountingBody() {
    }

    /** Counts the body bytes the app reads. */
    static final class Request extends HttpServletRequestWrapper {
        private long bytes;
        private ServletInputStream counted;

        Request(HttpServletRequest request) {
            super(request);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        bytes += b < 0 ? 0 : 1;
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int read = in.read(buffer, offset, length);
                        bytes += Math.max(read, 0);
                        return read;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }

    /** Counts the body bytes answered. */
    static final class Response extends HttpServletResponseWrapper {
        private long bytes;
        private ServletOutputStream counted;

        Response(HttpServletResponse response) {
            super(response);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (counted == null) {
                ServletOutputStream out = super.getOutputStream();
                counted = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                        bytes++;
                    }

                    @Override
                    public void write(byte[] buffer, int offset, int length) throws IOException {
                        out.write(buffer, offset, length);
                        bytes += length;
                    }

                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
