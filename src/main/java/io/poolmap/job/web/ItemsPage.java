package io.poolmap.job.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of a job's items.
 *
 * @param items the items from {@code offset}, at most {@code limit}
 * @param offset the index of the first item
 * @param limit the most items asked for
 * @param total the job's number of items
 */
@Schema(description = "A page of a job's items.")
record ItemsPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ItemView> items, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0") int offset,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1000") int limit, @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5") int total) {
}
