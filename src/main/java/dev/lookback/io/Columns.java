package dev.lookback.io;

/**
 * Every input column of the project, each declared once with its Chinese (and other) header aliases, so
 * that a header accepted in one file is accepted in every file that has the column. Readers use these
 * constants; the README's file formats list the same names. The columns of Lookback's own output files, which some
 * readers take back, are declared with their files ({@link OutputFile}).
 */
public final class Columns {
    private Columns() {
    }

    /** 县: a county code. */
    public static final Column COUNTY = Column.required("county", "县", "区县", "县区", "县(市、区)");
    /** 乡镇 (optional). */
    public static final Column TOWNSHIP = Column.optional("township", "乡镇", "乡(镇)");
    /** 村: a village code, unique in the frame. */
    public static final Column VILLAGE = Column.required("village", "村", "行政村", "村名", "村编码");
    /** 户数: a village's households. */
    public static final Column HOUSEHOLDS = Column.required("households", "户数", "总户数");
    /** 入样概率 (optional; default n_h/N_h). */
    public static final Column INCLUSION_PROBABILITY = Column.optional("inclusion_probability", "入样概率", "pi", "π");
    /** 签号: a village's ticket in a sample (optional). */
    public static final Column TICKET = Column.optional("ticket", "签号");
    /** sample.csv: the round a village was drawn in (1 when absent). */
    public static final Column ROUND = Column.optional("round", "轮次");
    /** 户编号: a household id. */
    public static final Column HOUSEHOLD = Column.required("household", "户编号", "户主编号", "家庭编号", "户号");
    /** 状态: a register status. */
    public static final Column STATUS = Column.required("status", "状态", "户类型", "贫困状态");
    /** 人数: persons of a household (required in the register; in the spot check blank = the register's). */
    public static final Column PERSONS = Column.required("persons", "人数", "家庭人口数", "人口数", "核实人数");
    /** 是否符合贫困标准: the spot check's verdict. */
    public static final Column QUALIFIES = Column.required("qualifies", "是否符合贫困标准", "符合贫困标准", "是否符合");
    /** 职务: a leader's or a cadre's role. */
    public static final Column ROLE = Column.required("role", "职务", "角色", "身份");
    /** 姓名: a leader's name. */
    public static final Column NAME = Column.required("name", "姓名");
    /** 帮扶干部: a cadre. */
    public static final Column CADRE = Column.required("cadre", "帮扶干部", "干部", "姓名");
    /** 驻村月数. */
    public static final Column MONTHS_IN_VILLAGE = Column.required("months_in_village", "驻村月数", "驻村时间");
    /** 是否调整 (optional). */
    public static final Column REPLACED = Column.optional("replaced", "是否调整");
    /** 调整是否经批准 (optional). */
    public static final Column REPLACEMENT_APPROVED = Column.optional("replacement_approved", "调整是否经批准");
    /** 两扶两助/四送 落实. */
    public static final Column TASKS_DONE = Column.required("tasks_done", "两扶两助/四送 落实", "任务落实", "两扶两助", "四送");
    /** 满意度: a household's answer. */
    public static final Column ANSWER = Column.required("answer", "满意度", "回答");
    /** 项目: a project id. */
    public static final Column PROJECT = Column.required("project", "项目", "项目编号");
    /** 金额: a project's book value in yuan. */
    public static final Column AMOUNT = Column.required("amount", "金额", "资金额");
    /** 挤占挪用: audited misused money in yuan (optional). */
    public static final Column AUDITED_MISUSED = Column.optional("audited_misused", "挤占挪用", "违规金额", "挤占挪用金额");
    /** 计划完工 (optional). */
    public static final Column PLANNED_FINISH = Column.optional("planned_finish", "计划完工", "计划完成时间");
    /** 实际完工 (optional; blank = not finished). */
    public static final Column ACTUAL_FINISH = Column.optional("actual_finish", "实际完工", "实际完成时间");
    /** 是否开工 (optional). */
    public static final Column STARTED = Column.optional("started", "是否开工", "开工");
    /** 检查组: a cross-check team. */
    public static final Column TEAM = Column.required("team", "队", "工作组", "检查组");
    /** 所属县: a team's own county. */
    public static final Column HOME_COUNTY = Column.required("home_county", "所属县", "派出县", "county", "县");
    /** reports.csv (群众举报): the lead's number. */
    public static final Column REPORT = Column.required("report", "线索编号", "编号", "举报编号");
    /** reports.csv: the date it was received. */
    public static final Column RECEIVED = Column.required("received", "受理日期", "收到日期", "举报日期");
    /** reports.csv: how it came in. */
    public static final Column CHANNEL = Column.required("channel", "来源", "渠道", "举报方式");
    /** reports.csv: what it is about. */
    public static final Column SUBJECT = Column.required("subject", "对象", "对象类型", "反映对象");
    /** reports.csv: the household, cadre or project it names. */
    public static final Column SUBJECT_ID = Column.required("subject_id", "对象编号", "户编号/项目编号");
    /** reports.csv: what it alleges. */
    public static final Column ALLEGATION = Column.required("allegation", "反映问题", "问题类型", "举报内容");
    /** reports.csv: where the verification stands. */
    public static final Column LEAD_STATUS = Column.required("status", "核实结果", "状态", "办理状态");
    /** reports.csv: when it was verified (blank while pending). */
    public static final Column VERIFIED_ON = Column.optional("verified_on", "核实日期", "办结日期");
}
