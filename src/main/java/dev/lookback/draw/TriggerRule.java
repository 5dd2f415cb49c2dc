package dev.lookback.draw;

/**
 * What a decision rule compares with the line, as the risk simulation and the planner need it: the rule itself
 * ({@code decide.DecisionPolicy}) is written once, in terms of what it reads, and the decisions, the simulation
 * and the planner all read it from there. For a rate that is bad when high a rule triggers when what it reads is
 * at or above the line T; for one that is bad when low, when it is below T.
 */
public interface TriggerRule {

    /** What a rule reads: the estimate R̂, or one bound of the interval. */
    enum Reads {
        ESTIMATE,
        LOWER,
        UPPER
    }

    /** What the rule reads, for a rate that is bad when high (error rates) or when low (satisfaction). */
    Reads reads(boolean badWhenHigh);

    /**
     * The level at which the rule reads its bound when it decides within a family of {@code family} decisions:
     * {@code level} for a rule that decides each alone; a family-wise rule's strictest (Holm's first) step.
     */
    default double level(double level, int family) {
        return level;
    }

    /** Whether the rule adjusts over a family of decisions (the planner then sizes every county at once). */
    default boolean familyWise() {
        return false;
    }

    /** The rule's name on the command line and in files. */
    String label();
}
