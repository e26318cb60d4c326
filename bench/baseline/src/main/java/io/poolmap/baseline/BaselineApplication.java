package io.poolmap.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The baseline endpoint of bench/run: {@code POST /api/v1/jobs} reads the same body as poolmap into a
 * {@code long[]}, computes it inline on the request's thread and answers {@code {"results":[…]}}. No job, no
 * workers, no exact big integers, no metrics: the most this HTTP stack serves, which poolmap is measured against.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }

    /** The part of a poolmap job request that the baseline reads; other fields are ignored. */
    record Request(String operation, long[] numbers) {
    }

    record Response(long[] results) {
    }

    @RestController
    static class Endpoint {

        @PostMapping(path = "/api/v1/jobs", consumes = "application/json", produces = "application/json")
        Response run(@RequestBody Request request) {
            long[] numbers = request.numbers();
            long[] results = new long[numbers.length];
            switch (request.operation()) {
                case "square" -> {
                    for (int i = 0; i < numbers.length; i++) {
                        results[i] = Math.multiplyExact(numbers[i], numbers[i]);
                    }
                }
                case "double" -> {
                    for (int i = 0; i < numbers.length; i++) {
                        results[i] = Math.multiplyExact(numbers[i], 2);
                    }
                }
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the baseline knows square and double only");
            }
            return new Response(results);
        }
    }
}
