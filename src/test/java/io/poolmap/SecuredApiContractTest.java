package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With API keys, the OpenAPI document promises 401 on every operation: each operation of the document, called
 * without a key, answers 401 as documented ({@link ApiContract}); the rest of the contract is {@link ApiContractTest}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "poolmap.workers=2", "poolmap.security.api-keys=" + SecuredApiContractTest.KEY})
class SecuredApiContractTest {

    static final String KEY = "contract-key-5d2e8a1f";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Test
    void everyOperationAnswers401AsDocumentedWithoutAKey() throws Exception {
        ApiContract contract = ApiContract.of(http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());

        for (ApiContract.Endpoint endpoint : contract.endpoints()) {
            URI uri = uri(endpoint.template().replaceAll("\\{[^/]+}", "some-job"));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
            contract.check(endpoint.method(), uri, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        assertThat(contract.violations()).isEmpty();
        Set<String> unauthorized = new TreeSet<>();
        contract.documented().stream().filter(answer -> answer.endsWith(" 401")).forEach(unauthorized::add);
        assertThat(unauthorized).as("401 documented on every operation").hasSize(contract.endpoints().size());
        assertThat(contract.observed()).isEqualTo(unauthorized);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
