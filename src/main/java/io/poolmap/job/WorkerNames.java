package io.poolmap.job;

/** Orders worker names as people count them: {@code worker-2} before {@code worker-10}. */
final class WorkerNames {

    private WorkerNames() {
    }

    static int compare(String a, String b) {
        int dashA = a.lastIndexOf('-');
        int dashB = b.lastIndexOf('-');
        if (dashA > 0 && dashB > 0 && a.regionMatches(0, b, 0, Math.max(dashA, dashB) + 1)) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(dashA + 1)), Integer.parseInt(b.substring(dashB + 1)));
            } catch (NumberFormatException notNumbered) {
                return a.compareTo(b);
            }
        }
        return a.compareTo(b);
    }
}
