package io.poolmap.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

/**
 * The schemas that every feature's answers share, written as the JSON Schema (2020-12, OpenAPI 3.1) that clients read:
 * {@code Problem}, the one shape of every error (RFC 9457 and poolmap's members, each documented); {@code ProblemError},
 * one fault of an invalid request; {@code ExactNumber} and {@code Result}, numbers that are exact at any size and, for
 * a client that asks for {@link ExactIntegers}, strings beyond ±(2^53 − 1); {@code ResultLine}, a line of the results
 * stream. {@code ExactNumber} and {@code Result} are {@code anyOf} rather than
 * {@code oneOf}: openapi-generator's Python client types a {@code oneOf} of primitives as {@code float} and turns every
 * integer into one (rounding those beyond 2^53), while its {@code anyOf} keeps Python's {@code int}; its TypeScript client
 * then types them as {@code {}}, any value, which {@code typeof} narrows.
 */
final class ApiSchemas {

    static final String PROBLEM = "Problem";

    private static final String JSON = """
            {
              "Problem": {
                "type": "object",
                "description": "An RFC 9457 problem detail (application/problem+json), the body of every error. Members beyond the five of RFC 9457 appear where they apply; a client ignores members it does not know.",
                "required": ["type", "title", "status", "detail"],
                "properties": {
                  "type": {"type": "string", "format": "uri", "description": "urn:poolmap:problem:<slug>: what kind of problem this is; a client decides on it.", "example": "urn:poolmap:problem:outside-domain"},
                  "title": {"type": "string", "description": "The type's short, fixed summary, for people.", "example": "Number outside the operation's domain"},
                  "status": {"type": "integer", "minimum": 400, "maximum": 599, "description": "The HTTP status code, repeated.", "example": 422},
                  "detail": {"type": "string", "description": "What went wrong in this request, for people.", "example": "numbers[2] = -1 is outside the domain of sqrt: sqrt needs a number ≥ 0"},
                  "instance": {"type": "string", "format": "uri-reference", "description": "The path of the request that failed.", "example": "/api/v1/jobs"},
                  "pointer": {"type": "string", "description": "JSON pointer (RFC 6901) to the field or item of the request body at fault.", "example": "/numbers/2"},
                  "parameter": {"type": "string", "description": "The query parameter at fault.", "example": "wait"},
                  "errors": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/ProblemError"}, "description": "Every fault found in the request, the first one repeated in detail and pointer or parameter. Present on every 400 problem (invalid-request, unknown-operation, invalid-expression), and only there."},
                  "jobId": {"type": "string", "description": "The job concerned: the one that failed, timed out or was cancelled, or the id that was not found.", "example": "0b6c1d1e-6f1e-4e57-9b0e-3c1f0c4f8a21"},
                  "index": {"type": "integer", "minimum": 0, "description": "The index in numbers of the item at fault (outside-domain, item-failed).", "example": 2},
                  "value": {"$ref": "#/components/schemas/ExactNumber", "description": "The value of the item at fault (outside-domain, item-failed)."},
                  "progress": {"type": "object", "required": ["completed", "total"], "description": "How far the job got (item-failed, job-timed-out, job-cancelled).",
                               "properties": {"completed": {"type": "integer", "description": "Items computed."}, "total": {"type": "integer", "description": "Items in the job."}}},
                  "operations": {"type": "array", "items": {"type": "string"}, "description": "The known operations (unknown-operation).", "example": ["double", "square"]},
                  "limit": {"type": "integer", "description": "The limit that was passed (batch-too-large, request-too-large, results-too-large).", "example": 1000000},
                  "jobStatus": {"type": "string", "enum": ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"], "description": "The status of the job concerned when it was not what the request needs (job-not-finished).", "example": "RUNNING"},
                  "exception": {"type": "string", "description": "The Python exception an expression raised for the item at fault (item-failed), e.g. ZeroDivisionError; LimitError when the item passed poolmap.expressions' limits.", "example": "ZeroDivisionError"},
                  "line": {"type": "integer", "minimum": 1, "description": "The line of the expression at fault (invalid-expression).", "example": 1},
                  "column": {"type": "integer", "minimum": 0, "description": "The column of the expression at fault, counted from 0 as Python's SyntaxError does (invalid-expression).", "example": 5}
                }
              },
              "ResultLine": {
                "description": "One line of the NDJSON results stream: an item's result, the item that failed the job with the job's problem, or the end line, the last of every stream that was not cut.",
                "anyOf": [
                  {"type": "object", "title": "ItemLine", "required": ["index", "result"],
                   "properties": {"index": {"type": "integer", "minimum": 0, "description": "The item's index in numbers."},
                                  "result": {"$ref": "#/components/schemas/Result"}}},
                  {"type": "object", "title": "FailedItemLine", "required": ["index", "error"],
                   "properties": {"index": {"type": "integer", "minimum": 0, "description": "The index of the item that failed the job."},
                                  "error": {"$ref": "#/components/schemas/Problem"}}},
                  {"type": "object", "title": "EndLine", "required": ["end", "status", "count", "total"],
                   "properties": {"end": {"type": "boolean", "const": true, "description": "Always true: the stream is complete."},
                                  "status": {"type": "string", "enum": ["SUCCEEDED", "FAILED", "CANCELLED", "TIMED_OUT"], "description": "How the job ended."},
                                  "count": {"type": "integer", "minimum": 0, "description": "The item lines of this response."},
                                  "total": {"type": "integer", "minimum": 0, "description": "The job's size."},
                                  "error": {"$ref": "#/components/schemas/Problem"}}}
                ],
                "example": {"index": 0, "result": 1500}
              },
              "ProblemError": {
                "type": "object",
                "description": "One fault of an invalid request: what is wrong, and where (a field or item of the body, or a query parameter).",
                "required": ["detail"],
                "properties": {
                  "detail": {"type": "string", "example": "'parallelism' must be greater than or equal to 1"},
                  "pointer": {"type": "string", "description": "JSON pointer to the field or item of the body.", "example": "/parallelism"},
                  "parameter": {"type": "string", "description": "The query parameter.", "example": "size"}
                }
              },
              "ExactNumber": {
                "description": "A JSON number; integers are exact at any size, as Python's int, and can exceed 2^53 (which JavaScript's JSON.parse rounds). With IEEE754Compatible=true in Accept, an integer beyond ±(2^53 − 1) is a string of its digits instead.",
                "anyOf": [
                  {"type": "number"},
                  {"type": "string", "pattern": "^-?[0-9]+$"}
                ],
                "example": 3037000500
              },
              "Result": {
                "description": "An item's result: a number (integers exact at any size; with IEEE754Compatible=true in Accept, an integer beyond ±(2^53 − 1) is a string of its digits), or true/false for is_prime.",
                "anyOf": [
                  {"type": "number"},
                  {"type": "boolean"},
                  {"type": "string", "pattern": "^-?[0-9]+$"}
                ],
                "example": 9223372037000250000
              }
            }""";

    private ApiSchemas() {
    }

    /** The schemas by name, fresh for each call. */
    @SuppressWarnings("rawtypes")
    static Map<String, Schema> all() {
        try {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            Json31.mapper().readTree(JSON).properties().forEach(entry ->
                    schemas.put(entry.getKey(), Json31.mapper().convertValue(entry.getValue(), Schema.class)));
            return schemas;
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("ApiSchemas.JSON is not JSON", unreadable);
        }
    }
}
