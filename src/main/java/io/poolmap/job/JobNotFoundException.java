package io.poolmap.job;

/** No job has this id: it never existed, or it ended longer ago than the retention keeps jobs. */
public class JobNotFoundException extends RuntimeException {

    private final String id;

    JobNotFoundException(String id) {
        super("no job with id '" + shorten(id) + "' (finished jobs are kept for poolmap.retention)", null, false, false);
        this.id = shorten(id);
    }

    /** The id asked for, cut to 64 characters so that a client cannot make an answer echo a huge path. */
    public String id() {
        return id;
    }

    private static String shorten(String id) {
        return id.length() <= 64 ? id : id.substring(0, 64) + "…";
    }
}
