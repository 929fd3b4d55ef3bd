package org.commissioning.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request body has a maximum size: an upload (text/csv, multipart ...) the upload limit, anything else
 * the body limit. A {@code Content-Length} above it is answered 413 at once, before a byte is read, through the
 * container's error path (so the application's error controller answers it: the platform's problem, or the
 * gateway's error page for a browser), with the limit in {@link #LIMIT_ATTRIBUTE}; a body without one (chunked) is
 * counted as it is read and refused with 413 when it passes the limit.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** The request attribute holding the limit (bytes, a {@link Long}) a refused body was over. */
    public static final String LIMIT_ATTRIBUTE = RequestBodyLimitFilter.class.getName() + ".limit";

    private final long maxBody;
    private final long maxUpload;
    private final List<MediaType> uploads;

    public RequestBodyLimitFilter(long maxBody, long maxUpload, List<MediaType> uploads) {
        this.maxBody = maxBody;
        this.maxUpload = maxUpload;
        this.uploads = List.copyOf(uploads);
    }

    public RequestBodyLimitFilter(PlatformWebProperties properties) {
        this(properties.maxBodySize().toBytes(), properties.maxUploadSize().toBytes(),
                properties.uploadMediaTypes().stream().map(MediaType::parseMediaType).toList());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getContentType());
        if (request.getContentLengthLong() > limit) {
            request.setAttribute(LIMIT_ATTRIBUTE, limit);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, limit);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (RequestBodyTooLargeException.in(e) != null && !response.isCommitted()) {
                response.reset();
                ProblemResponses.write(response, ProblemResponses.tooLarge(limit));
                return;
            }
            throw e;
        }
    }

    long limitFor(String contentType) {
        if (contentType == null) {
            return maxBody;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return uploads.stream().anyMatch(u -> u.includes(type)) ? maxUpload : maxBody;
        } catch (RuntimeException e) {
            return maxBody;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;
        private BufferedReader reader;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedInputStream(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws RequestBodyTooLargeException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
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

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
