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
  reportDocx: {
    summary: '把本部门某一期间的报告写成 Word 文档(.docx,党政机关公文格式,不签名),与报告文件中的 report.docx 相同',
    department: '部门名称,如“质监”',
    period: '报告期间:2016、2016-H2、2016-Q3、2016-07 或 2016-07-01..2017-01-31',
    out: 'Word 文档(.docx)的保存位置',
    done: '已写出:{{file}}({{size}} 字节)',
  },
  unknownCommand: '未知命令:{{name}}。使用 planledger --help 查看全部命令。',
  badOption: '参数不正确:{{detail}}',
};
