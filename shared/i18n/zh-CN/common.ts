export default {
  app: {
    name: '工作台账',
    version: '版本 {{version}}',
    tagline: '行动计划任务台账',
  },
  nav: {
    label: '主导航',
    dashboard: '工作台',
    plans: '计划',
    search: '搜索',
    print: '打印',
    reports: '工作报告',
    verify: '核验报告',
    settings: '设置',
  },
  header: {
    plan: '当前计划',
    department: '本部门',
    noPlan: '尚未加载计划',
    noDepartment: '尚未选择部门',
  },
  dashboard: {
    emptyPlanTitle: '还没有可用的行动计划',
    emptyPlanBody: '工作台账需要先载入一份行动计划(省政府印发的通知文本),才能列出本部门承担的措施。',
  },
  shortcuts: {
    title: '键盘快捷键',
    open: '显示快捷键',
    close: '关闭',
    global: '全局',
    tasks: '任务列表',
    items: {
      help: '显示本帮助',
      search: '搜索',
      dashboard: '工作台',
      plans: '计划',
      settingsPage: '设置',
      newTask: '在措施页添加任务',
      save: '保存当前输入',
      cancel: '放弃当前输入 / 关闭菜单',
      move: '上移 / 下移任务',
      remove: '删除选中的任务',
      undo: '撤销删除',
      next: '在控件之间移动',
    },
  },
  /** Between the names of a list (部门、别名、文件). */
  listSeparator: '、',
  status: {
    loading: '正在加载…',
  },
  actions: {
    retry: '重试',
    close: '关闭',
    cancel: '取消',
  },
  failure: {
    title: '出错了',
    screenTitle: '这个页面无法显示',
    screenBody: '页面出现了意外错误,已保存的数据不受影响。可以返回工作台,或从菜单“视图 → 重新加载”。',
    toDashboard: '返回工作台',
  },
};
