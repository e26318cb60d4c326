package io.poolmap.job.web;

/** The order of a results stream: Python's {@code imap} (input order) or {@code imap_unordered} (as items complete). */
enum ResultOrder {

    /** An item is sent once every item before it has been: {@code imap}. Resumable with {@code from}. */
    INPUT,
    /** Items are sent as poolmap sees them computed, whatever their index: {@code imap_unordered}. */
    COMPLETION;

    /** The order named by the {@code order} parameter, or a 400 problem naming both orders. */
    static ResultOrder of(String name) {
        for (ResultOrder order : values()) {
            if (order.name().equalsIgnoreCase(name.trim())) {
                return order;
            }
        }
        throw JobProblems.invalidParameter("order", "'order' must be input or completion, not '" + name + "'");
    }
}
