package org.jwtbearer.incident.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the container answers itself comes out as a client error where it is one (MutationIT: PATCH /api/ was 501). */
class ContainerErrorPageTest {

    @Test
    void answerStatusWhenContainerSaysNotImplementedThenMethodNotAllowed() {
        assertEquals(405, ContainerErrorPage.answerStatus(501));
        assertEquals(404, ContainerErrorPage.answerStatus(404));
        assertEquals(415, ContainerErrorPage.answerStatus(415));
        assertEquals(404, ContainerErrorPage.answerStatus(null), "asked for directly");
    }
}
