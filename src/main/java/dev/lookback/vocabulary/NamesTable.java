package dev.lookback.vocabulary;

/**
 * The project's one text table of the domain's words, read by {@link Names}: per row the term's key (its enum's simple
 * name and the constant, e.g. {@code Measure.EXIT}), its Chinese name, its English name, the Chinese explanation, the
 * English explanation and the other spellings an input file may use ({@code ;}-separated), separated by {@code |};
 * empty and trailing fields may be left out. A test checks that every term has exactly one row.
 *
 * <p>The table is a constant of this class rather than a file beside it: a review's JVM then reads every class it
 * needs from its class-data-sharing archive and never opens the jar's index of 19,000 entries (20-40 ms).
 */
final class NamesTable {
    /** The rows: key | Chinese | English | Chinese explanation | English explanation | other spellings. */
    static final String ROWS = """
            Status.POOR | 贫困户 | poor | 未脱贫 | registered as poor, not yet exited | 未脱贫;未脱贫户;贫困
            Status.EXITED | 已脱贫 | exited |  | registered as poor and exited | 脱贫户;已脱贫户;脱贫
            Status.NON_POOR | 一般户 | non-poor |  | in the register, not poor | NONPOOR;非贫困户;一般
            Status.UNREGISTERED | 未登记 | unregistered |  | found by the spot check, not in the register |
            Kind.MISSED | 漏评 | missed | 应进未进 | should be in, is not |
            Kind.WRONGLY_INCLUDED | 错评 | wrongly included | 应退未退 | should be out, is in |
            Kind.WRONGLY_EXITED | 错退 | wrongly exited |  |  |
            Kind.CORRECT | 正确 | correct |  |  |
            Unit.PERSONS | 人 | persons |  |  | person;人数
            Unit.HOUSEHOLDS | 户 | households |  |  | household;户数
            Variance.LINEARISED | 线性化 | linearised | 泰勒线性化方差（与 R survey 的 svyratio 相同） | Woodruff's linearisation, as R survey's svyratio | linearized;taylor
            Variance.BOOTSTRAP | 自助法 | bootstrap | Rao–Wu 重抽样自助法的重复估计方差 | the variance of the Rao–Wu bootstrap's replicates |
            Measure.MISSED | 漏评率 | missed rate |  |  |
            Measure.WRONG_INCLUSION | 错评率 | wrong-inclusion rate |  |  |
            Measure.IDENTIFICATION | 精准识别误差率 | identification error rate |  |  |
            Measure.EXIT | 精准退出误差率 | exit error rate | 错退率 |  |
            AssistanceMeasure.CADRE_NONCOMPLIANCE | 帮扶干部不达标比例 | cadre non-compliance | 驻村时间不足、未经批准调整或任务未落实 | too few months in the village, an unapproved replacement, or tasks not done |
            AssistanceMeasure.SATISFACTION | 群众满意度 | satisfaction | 满意＋基本满意 | satisfied or fairly satisfied |
            FundMeasure.MISUSED_SHARE | 挤占挪用占比 | misused share | 挤占挪用 | misused money |
            FundMeasure.OVERDUE_SHARE | 逾期或未开工项目占比 | overdue share | 逾期或未开工 | overdue or not started |
            Rule.IDENTIFICATION_EXIT | 识别退出 | identification and exit | 精准识别或精准退出误差率仍在问责线以上 | identification or exit error rate at or above the threshold |
            Rule.ASSISTANCE | 帮扶落实 | assistance | 帮扶仍不到位、群众满意度低 | assistance not in place, or low satisfaction |
            Rule.FUNDS | 资金使用 | funds | 扶贫资金使用仍有重大失误、管理失职 | major failures in the use of funds |
            Role.PARTY_SECRETARY | 党委书记 | party secretary |  |  | 县委书记;书记
            Role.GOVERNMENT_HEAD | 政府主要负责人 | government head |  |  | 县长;区长;市长
            Role.ASSISTANCE_LEAD | 分管帮扶工作领导 | leader in charge of assistance |  |  | 分管领导;分管扶贫领导
            DecisionPolicy.POINT | 按点估计 | point estimate | 估计值达到线即问责（工作方案原文） | the estimate against the line (the plan as written) |
            DecisionPolicy.CONFIDENT | 按区间下限 | lower bound | 区间整体越线才问责，确有把握 | the whole interval beyond the line: the evidence proves it |
            DecisionPolicy.FAMILY_WISE | 按多重检验校正 | family-wise | 全部县同时判断时，错误问责任何一个合规县的概率不超过 (1 − 置信水平)/2 | the chance of accusing any compliant county in the whole review stays within (1 − level)/2 |
            DecisionPolicy.PRECAUTIONARY | 按区间上限 | upper bound | 区间触及问责线即问责，从严 | the interval reaches the line: audit practice for clearing a county |
            Line.ERROR_THRESHOLD | 问责线 | threshold | 识别、退出误差率 | identification and exit error rates |
            Line.CADRE_TOLERANCE | 容忍线 | tolerance | 帮扶干部不达标比例 | cadre non-compliance |
            Line.SATISFACTION_STANDARD | 满意度标准 | satisfaction standard | 群众满意度 | satisfaction |
            Line.MATERIALITY | 重要性水平 | materiality | 资金挤占挪用与项目逾期 | misused funds and overdue projects |
            Outcome.TRIGGERED | 启动问责 | triggered |  |  |
            Outcome.NOT_TRIGGERED | 不问责 | not triggered |  |  |
            FindingType.BAD_RECORD | 记录无法读取 | bad record |  |  |
            FindingType.DUPLICATE | 户编号重复 | duplicate id |  |  |
            FindingType.NOT_COVERED | 抽查未覆盖 | not covered by the spot check |  |  |
            FindingType.LOCATION_DIFFERS | 所在村不一致 | location differs |  |  |
            FindingType.NOT_IN_SAMPLE | 村不在样本中 | village not in the sample |  |  |
            FindingType.PERSONS_DIFFER | 人数不一致 | persons differ |  |  |
            FindingType.VILLAGE_NOT_CHECKED | 样本村未抽查 | sampled village not checked |  |  |
            FindingType.COUNTY_NOT_SAMPLED | 县未抽样 | county not sampled |  |  |
            FindingType.MANY_UNREGISTERED | 大量抽查户不在台账中 | many spot-checked households not in the register |  |  |
            FindingType.PROBABILITY_ROUNDED | 入样概率疑似四舍五入 | inclusion probability looks rounded |  |  |
            CadreRole.FIRST_SECRETARY | 第一书记 | first secretary |  |  |
            CadreRole.TEAM_MEMBER | 工作队员 | team member |  |  | 队员
            Answer.SATISFIED | 满意 | satisfied |  |  |
            Answer.FAIRLY_SATISFIED | 基本满意 | fairly satisfied |  |  |
            Answer.DISSATISFIED | 不满意 | dissatisfied |  |  |
            Shortfall.TOO_FEW_MONTHS | 驻村时间不足 | too few months in the village |  |  |
            Shortfall.UNAPPROVED_REPLACEMENT | 未经批准调整 | replaced without approval |  |  |
            Shortfall.TASKS_NOT_DONE | 任务未落实 | tasks not done |  |  |
            Shortfall.DISSATISFIED | 不满意 | dissatisfied |  |  |
            FindingType.NO_HOUSEHOLD_COUNTS | 缺少户数汇总 | no household counts |  |  |
            Outcome.NO_DATA | 无数据 | no data | 无数据可据以判断，需补充核查 | nothing to decide on: it must be checked |
            Field.COUNTY | 县 | county
            Field.MEASURE | 指标 | measure
            Field.UNIT | 单位 | unit
            Field.VILLAGES_SAMPLED | 样本村数 | villages sampled
            Field.VILLAGES_IN_FRAME | 总村数 | villages in frame
            Field.UNITS | 核查数 | units checked
            Field.ERRORS | 误差数 | errors
            Field.ESTIMATE | 估计值 | estimate
            Field.STD_ERROR | 标准误 | standard error
            Field.DF | 自由度 | degrees of freedom
            Field.CI_LOWER | 置信下限 | lower bound
            Field.CI_UPPER | 置信上限 | upper bound
            Field.CI_METHOD | 区间方法 | interval method
            Field.LEVEL | 置信水平 | level
            Field.NOTE | 说明 | note
            Field.HOUSEHOLD | 户编号 | household
            Field.VILLAGE | 村 | village
            Field.KIND | 问题类型代码 | kind
            Field.KIND_ZH | 问题类型 | kind (Chinese)
            Field.SELF_CHECK_STATUS | 自查台账状态 | self-check status
            Field.QUALIFIES | 抽查认定符合标准 | qualifies at the check
            Field.PERSONS | 人数 | persons
            Field.SPOT_CHECK_LINE | 抽查表行号 | spot-check line
            Field.SELF_CHECK_LINE | 台账行号 | self-check line
            Field.FILE | 文件 | file
            Field.LINE | 行号 | line
            Field.COLUMN | 列 | column
            Field.TYPE | 问题代码 | type
            Field.TYPE_ZH | 问题 | type (Chinese)
            Field.LEFT_OUT | 未计入估计 | left out
            Field.MESSAGE | 说明 | message
            Field.RULE | 问责规则 | rule
            Field.THRESHOLD | 问责线 | threshold
            Field.POLICY | 判断规则 | policy
            Field.OUTCOME | 结论 | outcome
            Field.FRAGILE | 不稳健 | fragile
            Field.P_VALUE | p 值 | p-value
            Field.P_ADJUSTED | 校正后 p 值 | Holm-adjusted p-value
            Field.TRIGGER_CHANCE_AT_THRESHOLD | 恰在线上时的问责概率 | trigger chance at the line
            Field.VILLAGES_TO_SETTLE | 需再抽村数 | villages to settle
            Field.ROLES | 职务 | roles
            Field.NAMES | 姓名 | names
            Field.EVIDENCE | 依据 | evidence
            Field.PROJECT | 项目 | project
            Field.AMOUNT | 金额（元） | amount (yuan)
            Field.AUDITED_MISUSED | 违规金额（元） | misused (yuan)
            Field.ITEM | 事项 | item
            Field.ID | 编号 | id
            Field.PROBLEM_ZH | 问题 | problem (Chinese)
            Field.PROBLEM | 问题（英文） | problem
            Field.WORKBOOK | 工作簿 | workbook
            Item.HOUSEHOLD | 农户 | household | 抽查结论与台账不符的农户 | a household the spot check contradicts
            Item.CADRE_NONCOMPLIANCE | 帮扶干部 | cadre | 未达要求的帮扶干部 | a cadre who falls short
            Item.SATISFACTION | 满意度回答 | satisfaction answer | 不满意的回答 | a dissatisfied answer
            Item.PROJECT | 扶贫项目 | project | 资金违规或逾期、未开工的项目 | a project with misused money, overdue or not started
            Channel.PHONE | 电话 | phone | 举报电话 | the hotline | 热线;phone call
            Channel.LETTER | 信件 | letter | 来信 | a letter | 来信;信访
            Channel.EMAIL | 邮件 | e-mail | 电子邮件 | an e-mail | 电子邮件;邮箱;email
            Channel.VISIT | 来访 | visit | 当面反映 | in person | 走访;面谈
            Channel.ONLINE | 网络 | online | 网上举报 | through the web | 网上;网站;web
            LeadSubject.HOUSEHOLD | 农户 | household |  |  | 户
            LeadSubject.CADRE | 帮扶干部 | cadre |  |  | 干部
            LeadSubject.PROJECT | 项目 | project |  |  | 扶贫项目
            Allegation.MISSED | 漏评 | missed | 应进未进 | should be in, is not |
            Allegation.WRONGLY_INCLUDED | 错评 | wrongly included | 应退未退 | should be out, is in |
            Allegation.WRONGLY_EXITED | 错退 | wrongly exited | 不应退而退 | exited though still poor |
            Allegation.ASSISTANCE | 帮扶不实 | assistance not real | 帮扶工作不落实 | assistance not carried out | 帮扶不到位
            Allegation.FUNDS | 资金问题 | funds misused | 扶贫资金违规使用 | poverty funds misused | 资金;挤占挪用
            Allegation.OTHER | 其他 | other |  |  |
            LeadStatus.PENDING | 待核实 | pending | 尚未核实 | not yet verified | 未核实
            LeadStatus.CONFIRMED | 属实 | confirmed | 核实属实 | verified as reported |
            LeadStatus.PARTLY | 部分属实 | partly confirmed | 部分核实属实 | partly as reported |
            LeadStatus.UNFOUNDED | 不属实 | unfounded | 核实不属实 | not as reported |
            Item.REPORT | 群众举报 | report from the public | 核实属实的群众举报线索 | a report from the public found true
            Field.ALLEGATION | 反映问题 | allegation
            Field.LEAD_STATUS | 核实结果 | status
            Field.COUNT | 件数 | count
            Field.REPORT | 线索编号 | report
            Field.RECEIVED | 受理日期 | received
            Field.CHANNEL | 来源 | channel
            Field.SUBJECT | 对象 | subject
            Field.SUBJECT_ID | 对象编号 | subject id
            Field.VERIFIED_ON | 核实日期 | verified on
            Field.OVERDUE | 超期未核实 | past the time limit
            Field.SPOT_CHECK_VERDICT | 抽查结论 | spot-check verdict
            InputFile.FRAME | 抽样框 | sampling frame | 全部行政村及户数 | every village with its households |
            InputFile.SAMPLE | 抽样样本 | sample | 抽中的村 | the sampled villages |
            InputFile.SELF_CHECK | 自查台账 | self-check register | 各县自查自纠后的台账 | each county's register after its self-check |
            InputFile.SPOT_CHECK | 市级抽查 | spot check | 市级随机整村抽查结果 | the city's whole-village spot check |
            InputFile.TALLIES | 村级汇总 | village tallies |  |  |
            InputFile.DISCREPANCIES | 整改清单 | rectification list |  |  |
            InputFile.DATA_QUALITY | 数据质量 | data-quality findings |  |  |
            InputFile.LEADERS | 县级领导名单 | county leaders |  |  |
            InputFile.CADRES | 帮扶干部 | assistance cadres |  |  |
            InputFile.SATISFACTION | 群众满意度 | satisfaction answers |  |  |
            InputFile.FUNDS | 扶贫资金检查 | fund checks |  |  |
            InputFile.REPORTS | 群众举报 | reports from the public |  |  |
            InputFile.RECHECK | 第三方评估 | third-party re-check |  |  |
            InputFile.CERTIFICATE | 抽样证书 | draw certificate |  |  |
            DrawStatus.VERIFIED | 抽样已核验 | draw verified | 抽样框与证书记录的 SHA-256 一致，公开种子可重新导出本样本 | the frame is the certified file and the published seed re-derives this sample |
            DrawStatus.NO_CERTIFICATE | 抽样无法核验 | draw not verifiable | 未找到抽样证书，无法核验样本是否为公开种子抽出 | no draw certificate was found: whether the sample is the published draw cannot be checked |
            DrawStatus.NOT_CHECKED | 未核对抽样证书 | certificate not checked | 按 --no-certificate 明示未核对抽样证书 | reviewed without checking the draw certificate, as asked (--no-certificate) |
            MismatchCause.IDS_WRITTEN_DIFFERENTLY | 户编号写法不一致 | household ids written differently | 请将户编号列设为文本后重新导出，或加 --match-ids normalised 明示按规范化编号匹配 | export the id column as text and review again, or review with --match-ids normalised |
            MismatchCause.IDS_LOST_DIGITS | 户编号丢失位数 | household ids lost digits | 户编号以科学计数法保存已丢失末位，请从原系统以文本格式重新导出 | ids saved in scientific notation have lost their last digits: export them again as text from the source system |
            MismatchCause.VILLAGE_CODE_DIFFERS | 村编码写法不一致 | village codes written differently | 请按抽样框改正村编码后重新复核 | correct the village codes to the frame's and review again |
            MismatchCause.NO_REGISTER_RECORDS | 台账无该村记录 | no register record of the village | 请补齐该村的自查台账后重新复核 | add the village's register records and review again |
            MismatchCause.NOT_IN_REGISTER | 抽查户多不在台账中 | spot-checked households not in the register | 请核对台账是否完整、两表户编号是否一致 | check that the register is complete and that both files write the ids alike |
            MismatchCause.NOT_VISITED | 台账户多未抽查 | register households not visited | 请补齐该村入户核查记录，或核对村编码 | add the village's spot checks, or check its village code |
            IdDifference.LEADING_ZEROS | 前导零被删 | leading zeros dropped |  |  |
            IdDifference.SPACES | 含空格 | spaces |  |  |
            IdDifference.FULL_WIDTH | 全角字符 | full-width characters |  |  |
            IdDifference.CASE | 大小写不同 | upper and lower case |  |  |
            IdDifference.NUMBER_FORMAT | 数字格式（科学计数法或小数） | number format (E+ notation or decimals) |  |  |
            FindingType.MISMATCHED | 抽查与台账不符 | spot check and register do not match | 该村两表对不上，其户不计入估计、整改清单和问责 | the village's two files do not match: its households enter no estimate, list or decision |
            FindingType.NO_MATCH_COUNTS | 缺少匹配计数 | no match counts | 村级汇总未给出两表匹配计数，无法把关 | the tallies carry no match counts: the match gate could not be applied |
            Field.SPOT_HOUSEHOLDS | 抽查户数 | households spot-checked |  |  |
            Field.SPOT_IN_REGISTER | 其中在台账中 | of which in the register |  |  |
            Field.REGISTER_HOUSEHOLDS | 台账户数 | households in the register |  |  |
            Field.REGISTER_IN_SPOT | 其中被抽查 | of which visited |  |  |
            Field.CAUSE | 可能原因 | likely cause |  |  |
            Field.FIX | 如何改正 | what to do |  |  |
            Field.EXAMPLE | 示例 | example |  |  |
            Field.ABOVE_LINE_NOT_PROVEN | 估计值过线但未证实 | above the line, not proven
            Field.HOUSEHOLD_ERRORS | 误差户数 | household errors
            Field.DOMAIN_HOUSEHOLDS | 核查户数 | domain households
            Field.SURENESS | 把握 | how sure
            Field.NEXT_STEP | 下一步 | next step
            Field.NEXT_STEP_EN | 下一步（英文） | next step, in English
            Field.ON | 比较项 | compared on
            Field.HOUSEHOLDS | 户数 | households
            Field.VILLAGES | 村数 | villages
            Field.AGREEMENTS | 一致户数 | households agreeing
            Field.BOTH_YES | 均认定符合 | both say qualifies
            Field.SPOT_YES_RECHECK_NO | 抽查认定符合、复查认定不符合 | spot check yes, re-check no
            Field.SPOT_NO_RECHECK_YES | 抽查认定不符合、复查认定符合 | spot check no, re-check yes
            Field.BOTH_NO | 均认定不符合 | both say does not qualify
            Field.KAPPA | κ 一致性 | kappa
            Field.KAPPA_LOWER | κ 下限 | kappa, lower bound
            Field.KAPPA_UPPER | κ 上限 | kappa, upper bound
            Field.SPOT_QUALIFIES | 抽查认定符合标准 | spot check: qualifies
            Field.RECHECK_QUALIFIES | 复查认定符合标准 | re-check: qualifies
            Field.SPOT_VERDICT | 抽查结论代码 | spot check verdict
            Field.RECHECK_VERDICT | 复查结论代码 | re-check verdict
            Field.SPOT_VERDICT_ZH | 抽查结论 | spot check verdict (Chinese)
            Field.RECHECK_VERDICT_ZH | 复查结论 | re-check verdict (Chinese)
            Sureness.PROVEN | 证据充分 | proven | 判定置信水平下的区间整体越过问责线 | the interval at the decision's level lies wholly beyond the line |
            Sureness.ABOVE_NOT_PROVEN | 超线但未证实 | above the line, not proven | 估计值越过问责线，但区间跨回线内：优先补充抽查 | the estimate is beyond the line, its interval is not: follow up first |
            Sureness.BELOW | 未超线 | below the line | 估计值未越过问责线 | the estimate is within the line |
            Sureness.NO_DATA | 无数据 | no data | 无数据可据以判断，需补充核查 | nothing to decide on: it must be checked |
            """;

    private NamesTable() {
    }
}
