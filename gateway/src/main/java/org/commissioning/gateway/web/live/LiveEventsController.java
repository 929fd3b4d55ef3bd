package org.commissioning.gateway.web.live;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.FollowLiveChanges;
import org.commissioning.platform.security.Caller;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * {@code GET /events}: the signed-in page's live stream (server-sent events, which the layout's htmx connects to).
 * A page region listens for {@code sse:contract-<id>} or {@code sse:dashboard} and fetches itself again. For a
 * person who may read contract summaries (403 otherwise); a session holds at most {@code gateway.live.max-per-session}
 * streams (429 {@value TooManyLiveStreams#PER_SESSION} beyond, with the {@code limit}).
 */
@Hidden
@Controller
@RequiredArgsConstructor
public class LiveEventsController {

    private final FollowLiveChanges follow;
    private final LiveStreams streams;

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(HttpServletRequest request, @AuthenticationPrincipal Object principal) {
        Caller caller = follow.follow();
        Instant expires = principal instanceof Jwt token ? token.getExpiresAt() : null;
        HttpSession session = request.getSession(false);
        return streams.open(session == null ? "caller:" + caller.subject() : session.getId(), caller, expires);
    }

    @ExceptionHandler(TooManyLiveStreams.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLiveStreams refused) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
                "Too many live streams", refused.getMessage());
        problem.setProperty("rule", refused.rule());
        problem.setProperty("limit", refused.limit());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
