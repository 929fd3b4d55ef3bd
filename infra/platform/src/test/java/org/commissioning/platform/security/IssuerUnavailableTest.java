package org.commissioning.platform.security;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The service starts while its issuer is unreachable; a token it cannot check yet is a 503, not the caller's fault. */
@SpringBootTest(classes = SecuredTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"platform.security.enabled=true", "platform.security.issuer-uri=http://127.0.0.1:1"})
class IssuerUnavailableTest extends SecuredWebTest {

    static final TestIssuer elsewhere = new TestIssuer();

    @AfterAll
    static void stop() {
        elsewhere.close();
    }

    @Test
    void answers503ProblemWhileTheIssuersKeysCannotBeFetched() throws Exception {
        assertProblem(get("/test/caller", elsewhere.token("officer.jones", "COMMISSIONING_OFFICER")), 503,
                "service-unavailable");
    }

    @Test
    void stillAnswers401WithoutAToken() throws Exception {
        assertProblem(get("/test/caller", null), 401, SecurityProblems.UNAUTHENTICATED);
    }
}
