package io.poolmap.operation.web;

import java.util.List;

import io.poolmap.operation.OperationInfo;
import io.poolmap.operation.registry.OperationRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the operations a job may name, with their domains, limits and examples. */
@RestController
@Tag(name = "operations", description = "What poolmap can map over a batch.")
class OperationController {

    private final OperationRegistry registry;

    OperationController(OperationRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/api/v1/operations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listOperations", summary = "List the operations",
            description = "Every operation with its kind (cpu runs on the workers, io on virtual threads), its domain, its cost limit and an example; "
                    + "the built-in ones and the operator's plug-ins alike. A job may instead give an expression: see GET /api/v1/operations/expression.")
    List<OperationView> operations() {
        return registry.all().stream().map(operation -> OperationView.of(operation.info())).toList();
    }

    /**
     * An operation as {@code GET /api/v1/operations} lists it.
     *
     * @param name what a job names in {@code operation}
     * @param description what the result is
     * @param kind {@code cpu} or {@code io}
     * @param domain the inputs accepted
     * @param limit the cost limit of one item and the property that sets it
     * @param example an input and the results it gives
     */
    @Schema(description = "An operation that a job can name.")
    record OperationView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "square") String name, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "x²") String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "cpu", allowableValues = {"cpu", "io"}) String kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "any number") String domain, String limit, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OperationInfo.Example example) {

        static OperationView of(OperationInfo info) {
            return new OperationView(info.name(), info.description(), info.kind().label(), info.domain(), info.limit(),
                    info.example());
        }
    }
}
