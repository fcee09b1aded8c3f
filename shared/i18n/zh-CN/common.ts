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
    settings: '设置',
  },
  header: {
    plan: '当前计划',
    department: '本部门',
    noPlan: '尚未加载计划',
    noDepartment: '尚未选择部门',
  },
  dashboard: {
    title: '工作台',
    emptyPlanTitle: '还没有可用的行动计划',
    emptyPlanBody: '工作台账需要先载入一份行动计划(省政府印发的通知文本),才能列出本部门承担的措施。',
    emptyDepartmentTitle: '请选择本部门',
    emptyDepartmentBody: '在设置中选择本部门后,这里会列出本部门承担的措施。',
    openSettings: '前往设置',
  },
  status: {
    loading: '正在加载…',
    saving: '正在保存…',
    saved: '已保存',
  },
  actions: {
    retry: '重试',
    close: '关闭',
    cancel: '取消',
    confirm: '确定',
    reload: '重新加载',
  },
  failure: {
    title: '出错了',
    body: '操作没有完成,数据未作改动。',
  },
};
