export default {
  request: {
    invalid: '请求内容不正确:{{detail}}',
    unknown_call: '不支持的操作:{{name}}',
    forbidden: '该请求来源不受信任,已拒绝。',
  },
  internal: '程序内部错误,操作未完成,数据未作改动。详细信息已写入日志。',
  unsupported: '当前环境不支持此操作:{{what}}',
  not_found: '找不到{{what}}。',
  department: {
    unknown: '当前计划中没有名为“{{name}}”的部门。',
  },
  db: {
    newer_version: '数据文件由较新版本的工作台账创建(结构版本 {{found}},本程序支持到 {{supported}})。请安装新版本后再打开,数据未作改动。',
    open_failed: '无法打开数据文件 {{file}}:{{reason}}',
  },
};
