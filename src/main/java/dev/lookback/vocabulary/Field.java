package dev.lookback.vocabulary;

/**
 * A column of Lookback's output files and workbooks: its {@link #label()} is the CSV header (the machine
 * contract), its Chinese and English names head the workbooks' columns (县 / county).
 */
public enum Field implements Term {
    COUNTY, MEASURE, UNIT, VILLAGES_SAMPLED, VILLAGES_IN_FRAME, UNITS, ERRORS, ESTIMATE, STD_ERROR, DF, CI_LOWER,
    CI_UPPER, CI_METHOD, LEVEL, NOTE,
    HOUSEHOLD, VILLAGE, KIND, KIND_ZH, SELF_CHECK_STATUS, QUALIFIES, PERSONS, SPOT_CHECK_LINE, SELF_CHECK_LINE,
    FILE, LINE, COLUMN, TYPE, TYPE_ZH, LEFT_OUT, MESSAGE,
    RULE, THRESHOLD, POLICY, OUTCOME, FRAGILE, P_VALUE, P_ADJUSTED, TRIGGER_CHANCE_AT_THRESHOLD, VILLAGES_TO_SETTLE,
    ROLES, NAMES, EVIDENCE,
    PROJECT, AMOUNT, AUDITED_MISUSED,
    ITEM, ID, PROBLEM_ZH, PROBLEM, WORKBOOK,
    ALLEGATION, LEAD_STATUS, COUNT, REPORT, RECEIVED, CHANNEL, SUBJECT, SUBJECT_ID, VERIFIED_ON, OVERDUE,
    SPOT_CHECK_VERDICT,
    SPOT_HOUSEHOLDS, SPOT_IN_REGISTER, REGISTER_HOUSEHOLDS, REGISTER_IN_SPOT, CAUSE, FIX, EXAMPLE,
    ABOVE_LINE_NOT_PROVEN, HOUSEHOLD_ERRORS, DOMAIN_HOUSEHOLDS, SURENESS, NEXT_STEP, NEXT_STEP_EN,
    ON, HOUSEHOLDS, VILLAGES, AGREEMENTS, BOTH_YES, SPOT_YES_RECHECK_NO, SPOT_NO_RECHECK_YES, BOTH_NO, KAPPA, KAPPA_LOWER, KAPPA_UPPER, SPOT_QUALIFIES, RECHECK_QUALIFIES, SPOT_VERDICT, RECHECK_VERDICT, SPOT_VERDICT_ZH, RECHECK_VERDICT_ZH;

    /** The CSV header: the constant in lower case, except {@code status} for a lead's status. */
    @Override
    public String label() {
        return this == LEAD_STATUS ? "status" : Term.super.label();
    }

    /** The header of a workbook column: 县 county. */
    public String header() {
        return chinese() + " " + english();
    }
}
