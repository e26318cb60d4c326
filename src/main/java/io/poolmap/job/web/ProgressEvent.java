package io.poolmap.job.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The data of a {@code progress} event: the job as {@code GET /api/v1/jobs/{id}} shows it (without its results),
 * so that each event alone is the job's state, and how fast it computes now.
 *
 * @param job the job, its fields at the top level of the event
 * @param itemsPerSecond items computed per second since this stream's previous progress event (on a stream's first
 *        event: since the job started)
 */
record ProgressEvent(@JsonUnwrapped JobSummary job, double itemsPerSecond) {
}
