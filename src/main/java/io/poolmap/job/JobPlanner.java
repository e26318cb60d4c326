package io.poolmap.job;

import java.util.Optional;
import java.util.OptionalLong;

import io.poolmap.PoolmapProperties;
import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionLimits;
import io.poolmap.expression.ExpressionSyntaxException;
import io.poolmap.operation.Numbers;
import io.poolmap.operation.Operation;
import io.poolmap.operation.OperationKind;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.worker.WorkerPool;
import org.springframework.stereotype.Component;

/**
 * Turns a submission into a {@link JobPlan}, or refuses it: every check that can refuse a job on its content (the
 * operation or the expression, each item's domain, the results' size, the options) happens here, before a job exists,
 * so that an admitted job is never dropped for it. An expression is compiled here, once per job, before admission.
 */
@Component
class JobPlanner {

    private final OperationRegistry operations;
    private final ExpressionCompiler expressions;
    private final PoolmapProperties properties;
    private final int poolSize;
    private final long tinyJobLimitNanos;

    JobPlanner(OperationRegistry operations, ExpressionLimits expressionLimits, PoolmapProperties properties, WorkerPool pool) {
        this.operations = operations;
        this.expressions = new ExpressionCompiler(expressionLimits);
        this.properties = properties;
        this.poolSize = pool.size();
        this.tinyJobLimitNanos = properties.tinyJobLimit().toNanos();
    }

    JobPlan plan(JobSubmission submission) {
        Operation operation = operationOf(submission);
        Numbers numbers = submission.numbers();
        checkDomain(operation, numbers);
        long maxTimeoutMs = properties.maxTimeout().toMillis();
        if (submission.timeoutMs() != null && submission.timeoutMs() > maxTimeoutMs) {
            throw JobRefusedException.invalidOption("timeoutMs",
                    "'timeoutMs' must be at most " + maxTimeoutMs + " (poolmap.max-timeout), not " + submission.timeoutMs());
        }
        boolean io = operation.info().kind() == OperationKind.IO;
        int cap = io ? properties.maxIoParallelism() : poolSize;
        int parallelism = Math.min(submission.parallelism() == null ? poolSize : submission.parallelism(), cap);
        int size = numbers.size();
        JobPlan.Execution execution = io ? JobPlan.Execution.IO_LANES
                : isTiny(operation, size) ? JobPlan.Execution.TINY : JobPlan.Execution.WORKERS;
        long cost = operation.info().costNanos();
        int maxChunkSize;
        int firstChunkSize;
        if (submission.chunkSize() != null) {
            maxChunkSize = Math.min(submission.chunkSize(), size);
            firstChunkSize = Math.min(maxChunkSize, ChunkSizing.probeChunkSize(cost));
        } else if (execution == JobPlan.Execution.TINY) {
            maxChunkSize = size;
            firstChunkSize = size;
        } else {
            maxChunkSize = ChunkSizing.poolMapChunkSize(size, parallelism);
            firstChunkSize = ChunkSizing.autoChunkSize(size, parallelism, cost);
        }
        long timeoutMs = submission.timeoutMs() == null ? maxTimeoutMs : submission.timeoutMs();
        return new JobPlan(operation, size, numbers, parallelism, firstChunkSize, maxChunkSize, timeoutMs, execution,
                MemoryEstimate.of(operation, numbers));
    }

    /** The named operation, or the expression compiled as one; exactly one of the two. */
    private Operation operationOf(JobSubmission submission) {
        if (submission.expression() != null) {
            if (submission.operation() != null) {
                throw JobRefusedException.invalidOption("expression",
                        "a job names an 'operation' or gives an 'expression', not both");
            }
            try {
                return new ExpressionOperation(expressions.compile(submission.expression()));
            } catch (ExpressionSyntaxException invalid) {
                throw JobRefusedException.invalidExpression(invalid);
            }
        }
        if (submission.operation() == null) {
            throw JobRefusedException.invalidOption("operation", "a job needs an 'operation' (a name that "
                    + "GET /api/v1/operations lists) or an 'expression' (a Python expression in x, such as \"x**2 + 1\")");
        }
        return operations.find(submission.operation())
                .orElseThrow(() -> JobRefusedException.unknownOperation(submission.operation(), operations.names()));
    }

    /**
     * Whether a job is too small to gain from a hand-off to the workers: a CPU operation whose declared cost over the
     * batch is below {@code poolmap.tiny-job-limit}, and no more items than a probe chunk, so that an operation that
     * costs far more than it declares holds the submitting thread for a few items only.
     */
    private boolean isTiny(Operation operation, int items) {
        return items <= ChunkSizing.PROBE_CHUNK_SIZE && (long) items * operation.info().costNanos() < tinyJobLimitNanos;
    }

    /**
     * Refuses a batch with an item outside the operation's domain or results too large to hold; a batch of
     * {@code long}s that the operation accepts whole is let through without a look at each item (in a JFR profile of
     * 1M-item square jobs, a fifth of their time).
     */
    private void checkDomain(Operation operation, Numbers numbers) {
        OptionalLong perLong = operation.resultDigitsOfAnyLong();
        if (perLong.isPresent() && perLong.getAsLong() * numbers.size() <= properties.maxResultDigits()
                && numbers.onlyLongs()) {
            return;
        }
        long digits = 0;
        for (int i = 0; i < numbers.size(); i++) {
            Optional<String> refused = operation.refusal(numbers, i);
            if (refused.isPresent()) {
                throw JobRefusedException.outsideDomain(operation.name(), i, numbers.valueAt(i), refused.get());
            }
            digits += operation.resultDigits(numbers, i);
        }
        if (digits > properties.maxResultDigits()) {
            throw JobRefusedException.resultsTooLarge(operation instanceof ExpressionOperation ? "the expression" : operation.name(),
                    digits, properties.maxResultDigits());
        }
    }
}
