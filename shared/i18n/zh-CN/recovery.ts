export default {
  title: '数据文件需要恢复',
  body: '启动时检查发现数据文件已损坏。为避免进一步损失,程序没有打开也没有改动它。请从下面的备份中选择一份恢复;损坏的文件会以新名称保留在数据文件夹中。',
  detail: '检查结果:{{detail}}',
  file: '数据文件:{{file}}',
  latest: '最近一份完好的备份',
  restore: '从此备份恢复',
  restoring: '正在恢复…',
  others: '其他备份',
  unusable: '无法使用(未通过检查)',
  none: '没有可用的备份。请联系技术支持,并保留数据文件夹中的全部文件。',
  restored: '已从备份恢复。损坏的文件已另存为 {{name}}。',
  kinds: {
    daily: '每日自动备份',
    manual: '手动备份',
    'pre-restore': '恢复前的副本',
    'pre-migration': '升级前的副本',
  },
};
