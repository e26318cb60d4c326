package io.poolmap.web;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypeTest {

    @Test
    void everyTypeIsAPoolmapUrnWithItsOwnSlug() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::slug)).doesNotHaveDuplicates()
                .allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
        assertThat(ProblemType.QUEUE_FULL.type()).hasToString("urn:poolmap:problem:queue-full");
    }

    @Test
    void aStatusWithoutAnEntryIsTypedByItsReasonPhrase() {
        assertThat(ProblemType.slugOf(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("method-not-allowed");
        ProblemException problem = ProblemException.ofStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not JSON");
        assertThat(problem.getBody().getType()).hasToString("urn:poolmap:problem:unsupported-media-type");
        assertThat(problem.getBody().getTitle()).isEqualTo("Unsupported Media Type");
        assertThat(problem.getStackTrace()).as("a client's answer, not a fault").isEmpty();
    }
}
