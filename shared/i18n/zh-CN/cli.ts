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
  exportLedger: {
    summary: '把一个部门的工作台账导出为 Excel 表格(.xlsx):任务台账和措施汇总两个工作表',
    department: '部门(计划中的名称,如 质监)',
    out: '要写出的 .xlsx 文件',
    progress: '正在导出工作台账:{{done}} / {{total}} 项任务',
    done: '已导出工作台账:{{file}}({{measures}} 项措施,{{tasks}} 项任务,{{size}} 字节)',
  },
  parsePlan: {
    summary: '解析计划文件(PDF、OFD、.docx、.doc、.wps、网页、.txt 或 .json),在标准输出打印计划 JSON;提示信息写到标准错误',
  },
  importPlan: {
    summary: '把计划文件导入数据文件夹并设为当前计划(同一文件不会重复导入)',
    imported: '已导入:{{title}}({{measures}} 条措施,{{departments}} 个部门),已设为当前计划。',
    existing: '该文件已导入过:{{title}},已切换为当前计划,未重复导入。',
  },
  unknownCommand: '未知命令:{{name}}。使用 planledger --help 查看全部命令。',
  badOption: '参数不正确:{{detail}}',
};
