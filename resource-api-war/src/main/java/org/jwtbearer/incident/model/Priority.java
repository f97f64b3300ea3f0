package org.jwtbearer.incident.model;

/**
 * ServiceNow's default priority lookup: impact and urgency (1 high … 3 low) give priority 1 (critical) to 5
 * (planning).
 *
 * <pre>
 *              urgency 1  urgency 2  urgency 3
 *   impact 1       1          2          3
 *   impact 2       2          3          4
 *   impact 3       3          4          5
 * </pre>
 */
public final class Priority {

    private static final int[][] MATRIX = {{1, 2, 3}, {2, 3, 4}, {3, 4, 5}};
    private static final String[] LABELS = {"1 - Critical", "2 - High", "3 - Moderate", "4 - Low", "5 - Planning"};

    private Priority() {
    }

    public static int of(int impact, int urgency) {
        if (impact < 1 || impact > 3 || urgency < 1 || urgency > 3) {
            throw new IllegalArgumentException("impact and urgency must be 1, 2 or 3");
        }
        return MATRIX[impact - 1][urgency - 1];
    }

    public static String label(int priority) {
        return LABELS[priority - 1];
    }
}
