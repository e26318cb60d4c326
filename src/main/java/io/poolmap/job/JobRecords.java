package io.poolmap.job;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;

import io.poolmap.expression.ExpressionCompiler;
import io.poolmap.expression.ExpressionSyntaxException;
import io.poolmap.operation.Operation;
import io.poolmap.operation.registry.OperationRegistry;
import io.poolmap.store.StoredError;
import io.poolmap.store.StoredJob;

/** A job as its store record, and back: the one place that knows how each field is kept. */
final class JobRecords {

    private JobRecords() {
    }

    /** The job's record as it stands now. */
    static StoredJob of(Job job, String owner, String idempotencyKey) {
        JobStatus status = job.status();
        JobError error = status.isTerminal() ? job.error() : null;
        JobPlan plan = job.plan();
        String expression = job.expression();
        return new StoredJob(job.id(), job.sequence(), expression == null ? job.operationName() : null, expression,
                job.size(), plan.parallelism(),
                plan.maxChunkSize(), plan.timeoutMs(), status.name(), job.submittedAt().toEpochMilli(),
                millis(job.startedAt()), status.isTerminal() ? millis(job.finishedAt()) : null,
                stored(error), job.completed(), owner, job.itemsByWorker(), idempotencyKey, plan.firstChunkSize(),
                plan.execution().name(), null);
    }

    /** An error as the store keeps it, or null. */
    static StoredError stored(JobError error) {
        return error == null ? null : new StoredError(error.kind().name(), null, error.detail(), error.index(),
                error.value() == null ? null : error.value().toString(), error.exception());
    }

    /**
     * The plan a record describes; {@code numbers} is null for a job that ended, its inputs being in the store. An
     * expression is compiled again, under this instance's limits; an operation or expression this instance no longer
     * has or accepts becomes an {@link ArchivedOperation}, which shows the job and computes nothing.
     */
    static JobPlan plan(StoredJob record, OperationRegistry operations, ExpressionCompiler expressions,
            io.poolmap.operation.Numbers numbers) {
        Operation operation = operation(record, operations, expressions);
        return new JobPlan(operation, record.size(), numbers, record.parallelism(), record.firstChunkSize(),
                record.chunkSize(), record.timeoutMs(), JobPlan.Execution.valueOf(record.execution()), 0);
    }

    private static Operation operation(StoredJob record, OperationRegistry operations, ExpressionCompiler expressions) {
        if (record.expression() != null) {
            try {
                return new ExpressionOperation(expressions.compile(record.expression()));
            } catch (ExpressionSyntaxException refused) {
                return ArchivedOperation.expression(record.expression(), refused.getMessage());
            }
        }
        return operations.find(record.operation()).orElseGet(() -> ArchivedOperation.named(record.operation()));
    }

    /** The life of a job that ended, as its record tells it. */
    static JobLifecycle ended(StoredJob record, Clock clock) {
        return JobLifecycle.ended(clock, JobStatus.valueOf(record.status()), instant(record.startedAt()),
                instant(record.finishedAt()), error(record.error()));
    }

    /** An error as the store kept it, or null. */
    static JobError error(StoredError stored) {
        if (stored == null) {
            return null;
        }
        return new JobError(JobError.Kind.valueOf(stored.slug()), stored.detail(), stored.index(), value(stored.value()),
                stored.exception());
    }

    /** An item's value from its text: a long when it fits, a big integer, or a double. */
    private static Object value(String text) {
        if (text == null) {
            return null;
        }
        if (text.matches("-?\\d+")) {
            BigInteger integer = new BigInteger(text);
            return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
        }
        return Double.valueOf(text);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    static Instant submittedAt(StoredJob record) {
        return Instant.ofEpochMilli(record.submittedAt());
    }
}
