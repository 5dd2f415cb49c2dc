package dev.lookback.vocabulary;

/** Why a cadre or a household is on a county's rectification list for the assistance link. */
public enum Shortfall implements Term {
    /** 驻村时间不足: fewer months in the village than the role's minimum. */
    TOO_FEW_MONTHS,
    /** 未经批准调整: replaced without approval. */
    UNAPPROVED_REPLACEMENT,
    /** 任务未落实: the tasks (两扶两助, 四送) not done. */
    TASKS_NOT_DONE,
    /** 不满意: a dissatisfied household. */
    DISSATISFIED
}
