package io.poolmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

/** {@link ApiContract} itself, on a small document: what it lets through and what it reports. */
class ApiContractCheckTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/things/{id}": {"get": {"responses": {
               "200": {"description": "a thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"},
                        "example": {"id": "a", "size": 1}}}},
               "404": {"description": "none", "content": {"application/problem+json": {"schema": {"type": "object"},
                        "example": {"id": 3}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
               "properties": {"id": {"type": "string"}, "size": {"type": "integer"}}}}}}""";

    private final ApiContract contract = ApiContract.of(DOCUMENT);

    @Test
    void anAnswerAsDocumentedPassesAndCountsAsCovered() {
        contract.check("GET", URI.create("http://localhost/things/a"), answer(200, "application/json;charset=UTF-8", "{\"id\":\"a\",\"size\":2}"));

        assertThat(contract.violations()).isEmpty();
        assertThat(contract.observed()).containsExactly("GET /things/{id} 200");
        assertThat(contract.documented()).containsExactly("GET /things/{id} 200", "GET /things/{id} 404");
    }

    @Test
    void anUndocumentedStatusMediaTypeMemberOrTypeIsReported() {
        URI thing = URI.create("http://localhost/things/a");
        contract.check("GET", thing, answer(500, "application/json", "{}"));
        contract.check("GET", thing, answer(200, "text/plain", "a"));
        contract.check("GET", thing, answer(200, "application/json", "{\"id\":\"a\",\"colour\":\"red\"}"));
        contract.check("GET", thing, answer(200, "application/json", "{\"id\":\"a\",\"size\":1.5}"));
        contract.check("DELETE", thing, answer(200, "application/json", "{\"id\":\"a\"}"));

        assertThat(contract.violations()).hasSize(5).satisfiesExactly(
                status -> assertThat(status).contains("status 500 is not documented"),
                type -> assertThat(type).contains("text/plain is not one of"),
                member -> assertThat(member).contains("colour"),
                integer -> assertThat(integer).contains("size"),
                operation -> assertThat(operation).contains("no such operation"));
        assertThat(contract.observed()).containsExactly("GET /things/{id} 200");
    }

    @Test
    void everyExampleIsCheckedAgainstItsSchema() {
        assertThat(contract.exampleViolations()).isEmpty();

        ApiContract wrong = ApiContract.of(DOCUMENT.replace("\"example\": {\"id\": \"a\", \"size\": 1}", "\"example\": {\"size\": \"big\"}"));

        assertThat(wrong.exampleViolations()).hasSize(2).allSatisfy(violation -> assertThat(violation).contains("GET /things/{id} 200 example"));
    }

    @Test
    void eachLineOfAnNdjsonExampleAndAnswerIsCheckedOnItsOwn() {
        String lines = """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "paths": {"/lines": {"get": {"responses": {
                   "200": {"description": "lines", "content": {"application/x-ndjson": {"schema": {"$ref": "#/components/schemas/Line"},
                            "example": "{\\"n\\": 1}\\n{\\"n\\": 2}\\n"}}}}}}},
                 "components": {"schemas": {"Line": {"type": "object", "required": ["n"], "properties": {"n": {"type": "integer"}}}}}}""";
        ApiContract good = ApiContract.of(lines);
        ApiContract wrong = ApiContract.of(lines.replace("{\\\"n\\\": 2}", "{\\\"n\\\": \\\"two\\\"}"));

        assertThat(good.exampleViolations()).isEmpty();
        assertThat(wrong.exampleViolations()).singleElement().asString().contains("two");

        good.check("GET", URI.create("http://localhost/lines"), answer(200, "application/x-ndjson", "{\"n\":1}\n{\"m\":2}\n"));
        assertThat(good.violations()).hasSize(2).allSatisfy(line -> assertThat(line).contains("(a line)", "{\"m\":2}"))
                .anySatisfy(missing -> assertThat(missing).contains("required property 'n'"));
    }

    private static HttpResponse<String> answer(int status, String contentType, String body) {
        return new HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpRequest request() {
                return null;
            }

            @Override
            public Optional<HttpResponse<String>> previousResponse() {
                return Optional.empty();
            }

            @Override
            public HttpHeaders headers() {
                return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public Optional<SSLSession> sslSession() {
                return Optional.empty();
            }

            @Override
            public URI uri() {
                return null;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }
}
