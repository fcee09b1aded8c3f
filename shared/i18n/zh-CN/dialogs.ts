export default {
  allFiles: '所有文件',
  filters: {
    plan: '方案文件',
    planExport: '计划文件',
    evidence: '证明材料',
    report: '工作台账报告',
    pdf: 'PDF 文档',
    key: '公钥文件',
  },
  open: {
    plan: '选择要导入的计划文件',
    evidence: '选择证明材料',
    report: '选择要校验的报告文件',
    pdf: '选择 PDF 文件',
    key: '选择公钥文件',
  },
  save: {
    plan: '导出计划',
    evidence: '另存证明材料',
    report: '导出报告',
    pdf: '另存为 PDF',
    key: '导出公钥',
  },
};
