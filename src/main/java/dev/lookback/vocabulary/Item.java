package dev.lookback.vocabulary;

/** What a line of a county's rectification list (整改清单) is about. */
public enum Item implements Term {
    HOUSEHOLD, CADRE_NONCOMPLIANCE, SATISFACTION, PROJECT, REPORT
}
