export default {
  usage: '用法',
  commands: '命令',
  options: '选项',
  error: '错误',
  help: {
    main: '工作台账命令行工具:与桌面应用使用同一套服务和同样的数据文件夹。',
    more: '使用 planledger <命令> --help 查看某个命令的说明。',
    dataDir: '数据文件夹(默认:{{dir}})',
    lang: '输出语言:zh-CN 或 en(也可用环境变量 PLANLEDGER_LANG)',
    helpOption: '显示帮助',
  },
  info: {
    summary: '显示程序版本、数据文件夹和数据库信息(JSON)',
  },
  parsePlan: {
    summary: '解析计划文件(PDF、OFD、.docx、.doc、.wps、网页、.txt 或 .json),在标准输出打印计划 JSON;提示信息写到标准错误',
  },
  importPlan: {
    summary: '把计划文件导入数据文件夹并设为当前计划(同一文件不会重复导入)',
    imported: '已导入:{{title}}({{measures}} 条措施,{{departments}} 个部门),已设为当前计划。',
    existing: '该文件已导入过:{{title}},已切换为当前计划,未重复导入。',
  },
  importTasks: {
    summary: '从任务分解表(.xlsx 或 .csv)导入任务:按表头对应各列;同一措施下的同一任务再次导入时更新,不会重复',
    department: '导入到哪个部门的工作台账,如“质监”',
    dryRun: '只检查,不写入:报告将新增、更新的任务和无法导入的行',
    json: '以 JSON 输出结果:{added, updated, unchanged, problems: [{row, message}]}',
    mapping: '表头在第 {{row}} 行:{{columns}}',
    column: '{{field}} ← “{{header}}”({{column}} 列)',
    columnSeparator: ',',
    done: '已导入:新增任务 {{added}} 项,更新 {{updated}} 项,未变 {{unchanged}} 项。',
    dryRunDone: '检查完毕,未写入:将新增任务 {{added}} 项,更新 {{updated}} 项,未变 {{unchanged}} 项。',
    problems: '以下 {{count}} 行未导入:',
    problem: '第 {{row}} 行:{{message}}',
  },
  unknownCommand: '未知命令:{{name}}。使用 planledger --help 查看全部命令。',
  badOption: '参数不正确:{{detail}}',
};
