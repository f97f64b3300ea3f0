package org.jwtbearer.incident.model;

/** The scale impact and urgency share: 1 high, 2 medium, 3 low, labelled as ServiceNow labels them. */
public final class Level {

    private static final String[] LABELS = {"1 - High", "2 - Medium", "3 - Low"};

    private Level() {
    }

    public static String label(int level) {
        if (level < 1 || level > LABELS.length) {
            throw new IllegalArgumentException("impact and urgency are 1, 2 or 3");
        }
        return LABELS[level - 1];
    }
}
