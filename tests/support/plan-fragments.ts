/**
 * A small circular of another government written the way such circulars are: measures with
 * 牵头单位/责任单位/完成时限 lines, deadlines that are dates, recurring (每季度末) or open-ended
 * (长期坚持, …并持续落实), and collective names (各区政府, 市政府各部门). For tests of how the
 * import preview shows a deadline's words beside its reading, and collective departments.
 */
export const deadlineFragment = [
  '某市优化营商环境行动方案',
  '为持续优化营商环境,制定本方案。',
  '一、重点任务',
  '(一)压缩企业开办时间。推行企业开办全程网上办理。',
  '牵头单位:市市场监管局',
  '责任单位:市公安局、市税务局',
  '完成时限:2017年6月底前',
  '(二)开展营商环境评价。定期通报评价结果。',
  '牵头单位:市发展改革委',
  '责任单位:各区政府、市政府各部门',
  '完成时限:每季度末',
  '(三)加强政务诚信建设。健全政务失信记录制度。',
  '牵头单位:市发展改革委',
  '责任单位:市政府各部门',
  '完成时限:长期坚持',
  '(四)推进工程建设项目审批改革。精简审批环节。',
  '牵头单位:市住房城乡建设局',
  '责任单位:各区政府',
  '完成时限:2018年底前完成并持续落实',
  '(五)建设政务服务平台。2017年9月底前建成市级平台。(市政务服务办牵头,市财政局配合)',
  '二、保障措施',
  '(一)加强组织领导。各区政府要把优化营商环境摆上重要位置。',
  '各区政府、市政府各部门于2017年12月底前将工作进展情况报市发展改革委。',
].join('\n');
