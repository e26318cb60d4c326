package io.poolmap.job.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of recent jobs, newest first, without their results.
 *
 * @param jobs the jobs on this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many jobs match in all
 */
@Schema(description = "A page of recent jobs, newest first, without their results.")
record JobPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<JobSummary> jobs, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0") int page,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "20") int size, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long total) {
}
