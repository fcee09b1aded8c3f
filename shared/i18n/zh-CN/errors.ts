export default {
  request: {
    invalid: '请求内容不正确：{{detail}}',
    unknown_call: '不支持的操作：{{name}}',
    forbidden: '该请求来源不受信任，已拒绝。',
  },
  internal: '程序内部错误，操作未完成，数据未作改动。详细信息已写入日志。',
  unsupported: '当前环境不支持此操作：{{what}}',
  department: {
    unknown: '当前计划中没有名为“{{name}}”的部门。',
    not_chosen: '请先选择本部门。',
  },
  plan: {
    none: '还没有载入行动计划。',
    preview_expired: '导入预览已过期（可能已经导入过，或程序重新启动过），请重新选择文件。',
    not_found: '找不到该计划，可能已被删除。请刷新计划列表。',
    empty: '文件是空的，没有可读取的内容。',
    no_structure: '文件中没有找到方案的层次编号（如“一、”“(一)”“1.”），无法识别措施。',
    binary:
      '该文件不是可以识别的方案文件，无法读取。支持的格式：PDF、OFD、Word（.docx、.doc）、WPS、网页（.html、.mhtml）、文本（.txt）和方案 .json 文件。',
    too_large: '文件过大（{{sizeMb}} MB），最大支持 {{limitMb}} MB。',
    doc_unsupported:
      '不支持该文件的格式（RTF、早期版本的 WPS 文字，或不是 Word 文档的 Office 文件）。请在 Word 或 WPS 中“另存为” .docx 或 PDF 后再导入。',
    doc_invalid:
      '该文件的扩展名是 Word 文档，但内容不是可以读取的 Word 文档（可能已损坏，或是其他文件改了扩展名），没有读取。请向发文单位索取原文件，或 .docx、PDF。',
    mhtml_invalid:
      '无法读取该网页文件（.mhtml），文件可能已损坏或不完整（{{detail}}）。请在浏览器中重新打开该网页，另存为“网页，仅 HTML”（.html）后再导入。',
    docx_invalid: '无法读取该 Word 文档，文件可能已损坏。请在 Word 或 WPS 中打开并重新保存为 .docx。',
    docx_too_large:
      '该 Word 文档解压后的内容过大（超过 {{limitMb}} MB）或压缩比异常，不像正常的文档，为安全起见没有读取。请在 Word 或 WPS 中打开它，另存为新的 .docx（或 .txt）后再导入。',
    pdf_invalid: '无法读取该 PDF 文件，文件可能已损坏（{{detail}}）。请向发文单位索取原文件或 .docx。',
    pdf_encrypted: '该 PDF 设有打开密码，无法读取。请向发文单位索取未加密的文件，或 .docx。',
    pdf_scanned: '该 PDF 是扫描件，没有文字内容，无法识别措施。请向发文单位索取电子版文件或 .docx。',
    pdf_too_large:
      '该 PDF 解压后的内容过大（超过 {{limitMb}} MB）或压缩比异常，不像一份通知文件，为安全起见没有读取。请向发文单位索取 .docx 或文本。',
    pdf_too_many_pages: '该 PDF 有 {{pages}} 页，超过方案文件的上限 {{maxPages}} 页，没有读取。请只导入方案所在的文件。',
    pdf_too_complex:
      '该 PDF 的内容远比一份通知文件繁杂（文字块过多，或 {{seconds}} 秒内没能读完），为安全起见没有读取。请向发文单位索取 .docx 或文本。',
    ofd_invalid: '无法读取该 OFD 文件，文件可能已损坏（{{detail}}）。请用 OFD 阅读器打开确认，或向发文单位索取 PDF 或 .docx。',
    ofd_too_large:
      '该 OFD 文件解压后的内容过大（超过 {{limitMb}} MB）或压缩比异常，不像一份通知文件，为安全起见没有读取。请向发文单位索取 PDF 或 .docx。',
    ofd_too_many_pages: '该 OFD 文件有 {{pages}} 页，超过方案文件的上限 {{maxPages}} 页，没有读取。请只导入方案所在的文件。',
    ofd_scanned: '该 OFD 文件是扫描件，没有文字内容，无法识别措施。请向发文单位索取电子版文件或 .docx。',
    json_invalid: '方案文件内容无效：{{detail}}',
    json_format: '这不是工作台账的方案文件。',
    json_version: '方案文件的版本（{{version}}）不受支持，本程序支持版本 {{supported}}。',
  },
  measure: {
    not_found: '当前计划中没有编号为 {{code}} 的措施。',
    not_assigned: '措施 {{code}} 不由本部门（{{department}}）承担。',
  },
  task: {
    not_found: '找不到该任务，可能已被删除。',
    merge_too_long:
      '合并后任务内容会超过 {{maxText}} 字，或备注会超过 {{maxNotes}} 字，因此没有合并。请先删减其中一项的内容或备注，再合并。',
  },
  file: {
    too_large: '文件过大：单个文件不能超过 {{max}}。',
    uploads_full: '等待处理的上传文件过多（最多 {{count}} 个、共 {{max}}）。请分批添加，或先完成正在进行的操作。',
    unreadable: '无法读取文件“{{name}}”：{{reason}}',
    unreadable_ENOENT: '无法读取文件“{{name}}”：文件不存在，可能已被移走、改名或删除。请重新选择。',
    unreadable_EACCES: '无法读取文件“{{name}}”：没有读取权限。请检查文件的权限，或先把它复制到桌面再选择。',
    unreadable_EPERM: '无法读取文件“{{name}}”：没有读取权限，或被安全软件阻止。请检查文件的权限，或先把它复制到桌面再选择。',
    unreadable_EBUSY: '无法读取文件“{{name}}”：文件正被其他程序占用。请关闭正在使用它的程序后重试。',
    unreadable_EISDIR: '无法读取“{{name}}”：这是一个文件夹，请选择其中的文件。',
    expired: '所选的文件已失效（可能已经用过，或程序重新启动过），请重新选择。',
    not_found: '找不到所选的文件，请重新选择。',
    is_directory: '“{{name}}”是文件夹，请选择或拖入文件。',
    write_failed: '无法写出文件“{{name}}”：{{reason}}。',
    disk_full: '磁盘空间不足，文件“{{name}}”未写出。请清理磁盘后重试。',
  },
  /** System error codes in a `reason` parameter, put in words (see shared/api/error-text.ts). */
  reason: {
    ENOENT: '文件或文件夹不存在，可能已被移走或删除',
    EACCES: '没有访问权限',
    EPERM: '操作不被允许，可能被安全软件阻止',
    EBUSY: '文件正被其他程序占用',
    EISDIR: '这是一个文件夹',
    ENOTDIR: '路径中有一项不是文件夹',
    ETIMEDOUT: '长时间没有响应，网络或设备可能已断开',
    EHOSTUNREACH: '无法连接到存放该文件夹的计算机',
    ENETUNREACH: '网络不可用',
    EIO: '设备读写出错，可能已被拔出',
    ENOSPC: '磁盘空间不足',
    EROFS: '该位置只能读取，不能写入',
    EEXIST: '已有同名文件',
    NOT_A_FILE: '这不是普通文件',
  },
  job: {
    not_found: '找不到该后台操作，可能已结束较久。',
  },
  evidence: {
    not_found: '找不到该材料，可能已被移除。',
    missing: '材料“{{name}}”的文件不在数据文件夹中，可能已被删除或移动。',
    missing_report: '措施 {{measure}} 的材料“{{name}}”不在数据文件夹中，可能已被删除或移动，报告未导出。',
    damaged: '措施 {{measure}} 的材料“{{name}}”已损坏（内容与添加时的校验值不符），报告未导出。请在该措施中移除这份材料，再重新添加原件。',
    open_failed: '无法用系统程序打开“{{name}}”：{{reason}}',
    runnable:
      '只有文档、PDF、表格、演示文稿、图片和文本文件会直接打开；“{{name}}”是其他类型（程序、脚本或快捷方式打开后可能会运行），所以没有打开。确认来源可信后，请在数据文件夹中自行处理。',
    disk_full: '磁盘空间不足，材料“{{name}}”未能保存。请清理磁盘后重试。',
  },
  db: {
    newer_version:
      '数据文件由较新版本的工作台账创建（结构版本 {{found}}，本程序支持到 {{supported}}）。请安装新版本后再打开，数据未作改动。',
    open_failed:
      '无法打开数据文件 {{file}}：{{reason}}。文件可能正被其他程序（如数据库工具、杀毒软件或另一个工作台账窗口）占用：请关闭这些程序后重试。数据未作改动。',
    damaged: '数据文件已损坏（完整性检查未通过），为防止进一步损失，程序没有打开它。可以从备份恢复，损坏的文件会另存保留。',
    missing: '数据文件不见了，但有备份：请打开桌面应用从备份恢复。数据文件夹未作改动。',
  },
  backup: {
    not_found: '找不到备份“{{name}}”。',
    damaged: '备份“{{name}}”本身未通过完整性检查，不能用于恢复。',
  },
  recovery: {
    busy: '正在恢复数据，请等这一步完成。',
  },
  report: {
    bad_public_key: '不是有效的 Ed25519 公钥（PEM 格式）。',
    passphrase_required: '请设置保护签名密钥的口令。',
    passphrase_too_short: '口令至少 {{min}} 个字符，请换一个更长的口令来保护签名密钥。',
    wrong_passphrase: '口令不正确，或密钥文件已被改动。忘记口令时，可在“设置 → 签名密钥”中更换密钥。',
    bad_key_file: '签名密钥文件无法识别，可能已损坏。',
    unsafe_entry: '报告中的文件名“{{path}}”不安全，不能写入报告。',
    duplicate_entry: '报告中已有同名文件“{{path}}”。',
    too_many_files:
      '这份报告包含 {{count}} 个文件，超过报告文件最多 {{max}} 个文件的限制，接收单位将无法核验，因此未导出。请缩短报告期间，或删去不必要的证明材料后再导出。',
    too_large:
      '这份报告的文件共 {{size}}，超过报告文件最大 {{max}} 的限制，接收单位将无法核验，因此未导出。请缩短报告期间，或删去过大的证明材料后再导出。',
    disk_full: '磁盘空间不足，报告 {{file}} 未写出。',
    write_failed: '无法写出报告 {{file}}：{{reason}}',
    cancelled: '已取消导出，未留下任何文件。',
    no_key: '本部门还没有签名密钥，请先创建。',
    key_needs_app:
      '本部门的签名密钥由桌面应用通过系统密钥库保护，只能在该电脑的桌面应用中使用。无法使用那台电脑时，可在“设置 → 签名密钥”中更换密钥。',
    key_unavailable:
      '系统密钥库无法打开本部门的签名密钥（数据文件夹可能来自另一台电脑或另一个用户账户）。请在“设置 → 签名密钥”中更换密钥，并把新的指纹登记到牵头单位。',
    nothing_to_report: '本部门（{{department}}）在当前计划中没有承担的措施，没有可报送的内容。请核对所选部门和当前计划。',
    period_invalid: '报告期间“{{period}}”无法识别。可写作 2016、2016-H2、2016-Q3、2016-07 或 2016-07-01..2017-01-31。',
    verified_expired: '这份报告的核验结果已失效（程序重新启动过，或之后又核验了多份报告），请重新打开报告文件。',
    not_in_package: '报告中没有文件“{{path}}”。',
    changed_since_verified: '报告文件 {{file}} 在核验后被改动、移走或无法读取，未保存任何文件。请重新核验。',
    save_disk_full: '磁盘空间不足，{{file}} 未保存。',
    save_failed: '无法保存 {{file}}：{{reason}}',
  },
  print: {
    failed: '未能生成打印文档：{{reason}}',
    disk_full: '磁盘空间不足，PDF 文件 {{file}} 未写出。',
    write_failed: '无法写出 PDF 文件 {{file}}：{{reason}}',
  },
  office: {
    submission_not_found: '找不到这份收到的报告，可能已在恢复备份后不存在。请刷新收件列表。',
    batch_running: '上一批报告还在接收中，请等它完成或取消后再接收新的一批。',
    not_same_report: '这两份报告不是同一部门、同一期间的版本，无法比较。',
    watch_unavailable: '无法读取监视的文件夹 {{folder}}：{{reason}}。恢复连接后会自动继续接收。',
    watch_not_folder: '“{{name}}”不是文件夹：请选择要监视的文件夹（如U盘或共享文件夹）。',
    no_plan_departments: '当前计划中没有列出任何责任部门，无法生成报送情况表。',
    range_invalid: '无法显示 {{from}} 至 {{to}} 的报送情况：起始月份不能晚于结束月份，且一次最多显示 {{max}} 个月。请缩小范围。',
    report_unreadable: '收到的报告（{{file}}）中的 report.json 无法识别，无法比较两个版本。可在收件列表中重新验证该报告文件。',
  },
  receipt: {
    invalid: '回执文件无法通过核验：{{reason}}',
    untrusted: '回执由未登记的密钥签署（{{office}}，指纹 {{fingerprint}}），未导入。请与牵头单位电话核对指纹并登记这把密钥后，再导入回执。',
    unknown_package: '本机没有导出过这份回执所对应的报告（报告文件的 SHA-256 为 {{sha256}}），未导入。请确认回执是否发给本部门。',
    other_department: '这份回执是发给“{{department}}”的，不是本部门（{{own}}）的，未导入。',
    mismatch: '回执与报告文件不符：回执针对的是另一份文件（SHA-256 {{sha256}}）。',
  },
  ledger: {
    format_unknown: '该文件不是 Excel 表格（.xlsx）或 CSV 文件，无法导入。请在 Excel 或 WPS 表格中另存为 .xlsx 或 .csv 后再导入。',
    xls_legacy:
      '这是早期版本的 Excel 文件（.xls）或 WPS 表格文件（.et），无法直接导入。请在 Excel 或 WPS 中打开，“另存为” .xlsx 后再导入。',
    encrypted:
      '该工作簿设有打开密码，无法读取。请在 Excel 或 WPS 中输入密码打开，取消密码（文件 → 信息 → 保护工作簿）并另存为新的 .xlsx 后再导入。',
    corrupt: '无法读取该表格，文件可能已损坏或不完整（{{detail}}）。请在 Excel 或 WPS 中打开并重新保存后再导入。',
    too_large: '该表格解压后的内容过大（超过 {{limitMb}} MB）或压缩比异常，不像正常的任务分解表，为安全起见没有读取。',
    too_many_rows: '该表格超过 {{max}} 行，不像任务分解表，没有导入。请只保留需要导入的任务后再试。',
    too_many_columns: '该表格超过 {{max}} 列，不像任务分解表，没有导入。',
    sheet_not_found: '工作簿中没有名为“{{sheet}}”的工作表。',
    empty: '该表格在标题行之后没有数据行，没有可导入的任务。',
    formulas_only:
      '该表格的单元格都是公式，文件中没有保存计算结果（常见于由其他程序生成、从未在 Excel 中打开保存过的表格）。请在 Excel 或 WPS 中打开并保存后再导入。',
    mapping_incomplete: '请先为“{{fields}}”指定对应的列：导入需要知道每一行属于哪项措施、任务内容是什么。',
    mapping_duplicate: '同一列“{{header}}”被指定给了多个字段，请为每个字段选择不同的列。',
    nothing_to_import: '没有可导入的行：{{problems}} 行无法导入，详见问题列表。',
    cancelled: '导入已取消，数据未作改动。',
    /** The task fields a sheet column fills, as mapping messages name them. */
    field: { measure: '所属措施', task: '任务内容', owner: '责任人', due: '完成时限', status: '状态', progress: '进度', notes: '备注' },
    fieldSeparator: '、',
    export_cancelled: '工作台账导出已取消，没有留下不完整的文件。',
    nothing_to_export: '本部门（{{department}}）在当前计划中没有承担的措施，工作台账没有内容可导出。请核对所选部门和当前计划。',
    row: {
      measure_missing: '没有填写所属措施。',
      measure_unknown: '找不到措施“{{value}}”：请填写措施编号（如“(一)1”）或措施名称。',
      measure_not_assigned: '措施 {{label}} 不由本部门承担，不能在此导入任务。',
      task_missing: '没有填写任务内容。',
      task_too_long: '任务内容超过 {{max}} 字。',
      notes_too_long: '备注超过 {{max}} 字。',
      owner_too_long: '责任人超过 {{max}} 字。',
      status_unknown: '无法识别的状态“{{value}}”：应为未开始、进行中、已完成或受阻。',
      progress_invalid: '无法识别的进度“{{value}}”：应为 0 到 100 之间的数（如 40、40% 或 0.4）。',
      due_invalid: '无法识别的完成时限“{{value}}”：应为日期（如 2016-09-30 或“2016年9月底前”）。',
      formula_without_value: '“{{column}}”列是公式，文件中没有保存计算结果。',
      duplicate_row: '与第 {{first}} 行是同一措施下的同一任务，已按第 {{first}} 行导入。',
    },
  },
};
