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
    not_chosen: '请先选择本部门。',
  },
  plan: {
    none: '还没有载入行动计划。',
    empty: '文件是空的,没有可读取的内容。',
    no_structure: '文件中没有找到方案的层次编号(如“一、”“(一)”“1.”),无法识别措施。',
    binary: '该文件不是文本文件或 Word 文档,无法读取。请选择 .txt、.docx 或方案 .json 文件。',
    too_large: '文件过大({{sizeMb}} MB),最大支持 {{limitMb}} MB。',
    doc_unsupported: '不支持旧版 Word(.doc)、WPS 或 RTF 格式。请在 Word 或 WPS 中“另存为” .docx 后再导入。',
    docx_invalid: '无法读取该 Word 文档,文件可能已损坏。请在 Word 或 WPS 中打开并重新保存为 .docx。',
    json_invalid: '方案文件内容无效:{{detail}}',
    json_format: '这不是工作台账的方案文件。',
    json_version: '方案文件的版本({{version}})不受支持,本程序支持版本 {{supported}}。',
  },
  measure: {
    not_found: '当前计划中没有编号为 {{code}} 的措施。',
    not_assigned: '措施 {{code}} 不由本部门({{department}})承担。',
  },
  task: {
    not_found: '找不到该任务,可能已被删除。',
  },
  file: {
    too_large: '文件过大:单个文件不能超过 {{max}}。',
    unreadable: '无法读取文件“{{name}}”:{{reason}}',
    not_found: '找不到所选的文件,请重新选择。',
    is_directory: '“{{name}}”是文件夹,请选择或拖入文件。',
  },
  job: {
    not_found: '找不到该后台操作,可能已结束较久。',
  },
  evidence: {
    not_found: '找不到该材料,可能已被移除。',
    missing: '材料“{{name}}”的文件不在数据文件夹中,可能已被删除或移动。',
    open_failed: '无法用系统程序打开“{{name}}”:{{reason}}',
    disk_full: '磁盘空间不足,材料“{{name}}”未能保存。请清理磁盘后重试。',
  },
  db: {
    newer_version: '数据文件由较新版本的工作台账创建(结构版本 {{found}},本程序支持到 {{supported}})。请安装新版本后再打开,数据未作改动。',
    open_failed: '无法打开数据文件 {{file}}:{{reason}}',
    damaged: '数据文件已损坏(完整性检查未通过),为防止进一步损失,程序没有打开它。可以从备份恢复,损坏的文件会另存保留。',
  },
  backup: {
    not_found: '找不到备份“{{name}}”。',
    damaged: '备份“{{name}}”本身未通过完整性检查,不能用于恢复。',
  },
  report: {
    bad_public_key: '不是有效的 Ed25519 公钥(PEM 格式)。',
    passphrase_required: '请设置保护签名密钥的口令。',
    wrong_passphrase: '口令不正确,或密钥文件已被改动。',
    bad_key_file: '签名密钥文件无法识别,可能已损坏。',
    unsafe_entry: '报告中的文件名“{{path}}”不安全,不能写入报告。',
    duplicate_entry: '报告中已有同名文件“{{path}}”。',
    disk_full: '磁盘空间不足,报告 {{file}} 未写出。',
    write_failed: '无法写出报告 {{file}}:{{reason}}',
    cancelled: '已取消导出,未留下任何文件。',
  },
  print: {
    failed: '未能生成打印文档:{{reason}}',
    disk_full: '磁盘空间不足,PDF 文件 {{file}} 未写出。',
    write_failed: '无法写出 PDF 文件 {{file}}:{{reason}}',
  },
};
