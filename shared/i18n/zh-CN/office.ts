/** The receiving office: inbox, matrix, roll-up, receipts (issue 11). Sections per part keep parallel work apart. */
export default {
  nav: {
    inbox: '收件',
    matrix: '报送情况',
    rollup: '按措施汇总',
  },
  trust: {
    trusted: '已登记',
    unknown: '未登记的签名人',
    mismatch: '签名人登记为其他部门',
  },
  cell: {
    received: '已报送',
    received_late: '逾期报送',
    untrusted: '签名人未登记',
    missing: '未报送',
    missing_overdue: '逾期未报',
  },
  outcome: {
    accepted: '已接收',
    duplicate: '重复',
    refused: '已拒收',
  },
  refusal: {
    unreadable: '无法读取该文件({{detail}})',
    disk_full: '磁盘空间不足,未保存({{detail}})',
    store_failed: '无法保存到数据文件夹({{detail}})',
    report_unreadable: '报告内容 report.json 无法识别({{detail}})',
  },
  receipt: {
    reasons: {
      not_a_zip: '不是回执文件(无法作为 ZIP 文件读取)',
      corrupt_zip: '回执文件已损坏或被改动(ZIP 结构异常:{{detail}})',
      too_many_entries: '回执包含的文件过多({{detail}})',
      unsafe_path: '回执包含不安全的文件路径:{{detail}}',
      duplicate_name: '回执包含重名文件:{{detail}}',
      symlink_entry: '回执包含符号链接:{{detail}}',
      encrypted_entry: '回执包含加密文件:{{detail}}',
      oversize_entry: '回执中的文件过大:{{detail}}',
      over_ratio_entry: '回执中的文件压缩比异常,疑似压缩炸弹:{{detail}}',
      missing_entry: '回执缺少文件:{{detail}}',
      unlisted_entry: '回执包含多余的文件:{{detail}}',
      bad_receipt: '回执内容 receipt.json 无效({{detail}})',
      unknown_format_version: '回执格式版本 {{detail}} 不受支持,请升级工作台账',
      bad_signature: '回执签名无效(receipt.sig 与 receipt.json 不符)',
      bad_signer_key: '回执中的公钥 signer.pem 不是有效的 Ed25519 公钥',
      untrusted_signer: '回执签署人不在受信任列表中(指纹 {{detail}})',
      package_mismatch: '回执针对的是另一份报告文件(SHA-256 {{detail}})',
    },
  },
};
