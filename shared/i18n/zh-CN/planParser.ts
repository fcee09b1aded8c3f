/** Messages of the plan-text parser's warnings (with the 1-based line), by code ('.' → '_'). Its errors live in errors.plan. */
export default {
  warnings: {
    plan_unplaced_paragraph: '第 {{line}} 行的段落无法归入任何章节或措施。如需要，请在原文中调整该段的编号或位置后重新导入。',
    plan_orphan_clause: '第 {{line}} 行是责任分工或完成时限，但前面没有对应的措施。',
    plan_measure_no_department:
      '第 {{line}} 行的措施没有找到责任单位。若原文写的是简称或别称，可在“设置 → 部门名称别名”中添加后重新导入；否则请在原文中补上责任单位后重新导入。',
    plan_due_unresolved:
      '第 {{line}} 行措施的完成时限无法换算为具体日期。可在原文中写明日期（如“2016年12月底前”）后重新导入，或导出计划 JSON 修改后再导入。',
    plan_deadline_unresolved: '第 {{line}} 行的报送时限无法换算为具体日期。可在原文中写明日期后重新导入，或导出计划 JSON 修改后再导入。',
    plan_duplicate_number: '第 {{line}} 行的序号与前面重复，已在编号后加后缀区分。',
    plan_no_measures: '第 {{line}} 行起有编号标题，但没有识别出任何措施或工作要求。',
    plan_title_missing: '没有找到方案标题。可在原文开头补上标题后重新导入，或导出计划 JSON 修改后再导入。',
  },
  warningsOmitted: '另有 {{count}} 条提示未列出。',
  /** Page furniture left out of the text, shown in the import preview. */
  furniture: {
    page_number: '第 {{line}} 行是页码，已略去：{{text}}',
    running_head: '第 {{line}} 行是页眉，已略去：{{text}}',
    masthead: '第 {{line}} 行属于公文版头（发文机关标志、份号、密级、签发人或版头分隔线），已略去：{{text}}',
    rule: '第 {{line}} 行是分隔线，已略去：{{text}}',
  },
  /** How the source text was laid out. */
  layout: {
    lines: '每段一行',
    wrapped: '按固定宽度折行（如从 PDF 复制），已按段落重新拼接',
    run_together: '全文连成一段，已按编号重新分段',
  },
  /** A measure's recurring or open-ended 完成时限. */
  recurrence: {
    ongoing: '长期坚持',
    yearly: '每年',
    half_yearly: '每半年',
    quarterly: '每季度',
    monthly: '每月',
  },
};
