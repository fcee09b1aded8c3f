/**
 * Responsibility clauses and department names.
 *
 * Clause shapes (in parentheses at the end of a measure, as a sentence, or as a paragraph of
 * their own after the measure):
 *   发展改革、经济和信息化、质监等部门按职责分工负责     → all 'responsible'
 *   省发展改革委、省财政厅负责 / 分别负责 / 共同负责      → all 'responsible'
 *   省发展改革委牵头,省商务厅、财政厅配合(参与/协助)     → 'lead', then 'support'
 *   省发展改革委牵头,省商务厅、财政厅等按职责分工负责    → 'lead', then 'support' (after a
 *                                                        lead, 负责 names co-operate)
 *   牵头单位:省发展改革委;责任单位:省商务厅;完成时限:2017年底 → 'lead', 'responsible', due
 *   省经济和信息化委、省财政厅负责落实                  → all 'responsible'
 *
 * Names are separated by 、 , ， ; ； (never by 和/及, which occur inside names such as
 * 经济和信息化). Placeholders like 有关部门 / 各有关部门 / 省直有关部门 are not departments: the
 * clause still counts as a responsibility clause, but names nobody.
 */
import { type DepartmentRole } from './schema';
import { bracketPartners, stripEndPunctuation, trailingParenStart } from './sentences';

export interface ClauseEntry {
  /** The name as written, cleaned of white space and 等部门-style endings. */
  name: string;
  role: DepartmentRole;
}

/**
 * A name that stands for many bodies: 各区政府, 各市人民政府, 各县(市、区)政府, 市政府各部门,
 * 各有关单位. Kept whole (市政府各部门 keeps its 部门) and marked collective in the plan.
 */
export const COLLECTIVE_NAME_RE = /^各|各(?:有关|相关)?(?:部门|单位|机构|直属机构)$/u;

export function isCollectiveName(name: string): boolean {
  return COLLECTIVE_NAME_RE.test(name);
}

export interface ResponsibilityClause {
  entries: ClauseEntry[];
  /** Raw values of 完成时限-style fields (or a trailing '2017年底前完成'). */
  due: string[];
  /** True when the clause assigns responsibility, even if only to placeholders (有关部门). */
  assignsResponsibility: boolean;
}

/** A clause longer than this is prose, not a list of departments. */
const MAX_CLAUSE_LENGTH = 400;
const MAX_NAME_LENGTH = 30;

const ROLE_RE =
  /(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按照?职责分工|按职责|分别|共同|具体)?(牵头负责|牵头|负总责|负责落实|负责实施|负责|配合|参与|协助|协同|协办)/gu;

/** The labels of a measure's fields, as in 牵头单位:… / 完成时限:… */
const FIELD_LABELS =
  '牵头单位|牵头部门|责任单位|责任部门|主责单位|主责部门|配合单位|配合部门|参与单位|参与部门|协办单位|协作单位|协同单位|协同部门|完成时限|完成时间|完成期限|时间要求|时限要求|时间节点';

/** The field labels as a regular-expression alternation. */
export const FIELD_LABELS_SOURCE = FIELD_LABELS;

const LABEL_RE = new RegExp(`(${FIELD_LABELS})\\s{0,2}[:：]`, 'gu');

/** A paragraph that starts with a field label: 牵头单位:… / 完成时限:… */
export const FIELD_LINE_RE = new RegExp(`^(?:${FIELD_LABELS})\\s{0,2}[:：]`, 'u');

/** 市直各部门, 省直各单位: every body at a level, a collective name, not a placeholder. */
const ALL_AT_LEVEL_RE = /^[省市县区]直各(?:部门|单位)$/u;

const GENERIC_NAME_RE = /^(?:[省市县]直?|其他|其它|各级|各)?各?(?:有关|相关)?(?:部门|单位|方面)$/u;

/** Ends like the name of an office or body (厅, 委, 局, 办, 政府…). */
export const ORGANISATION_SUFFIX_RE = /(?:厅|委|局|办|室|府|院|会|部|署|中心|组|处|所|站|队|行|司|社|团|关|馆|台|校)$/u;

/** 、 only survives inside brackets (各县(市、区)政府): splitNames cut at the others. */
const NAME_CHARS_RE = /^[\p{Script=Han}A-Za-z0-9()（）·、]+$/u;
const HAN_RE = /\p{Script=Han}/u;

function labelRole(label: string): DepartmentRole | 'due' {
  if (label.startsWith('牵头')) return 'lead';
  if (label.startsWith('责任') || label.startsWith('主责')) return 'responsible';
  if (label.startsWith('完成') || label.startsWith('时间') || label.startsWith('时限')) return 'due';
  return 'support';
}

function verbRole(verb: string, afterLead: boolean): DepartmentRole {
  if (verb.startsWith('牵头')) return 'lead';
  if (verb.startsWith('负')) return afterLead ? 'support' : 'responsible';
  return 'support';
}

/** Splits a list of names at 、,，;；/ outside brackets: 各县(市、区)政府 stays whole. */
export function splitNames(text: string): string[] {
  const partner = bracketPartners(text);
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const other = partner[i] ?? -1;
    if (other > i) depth++;
    else if (other !== -1) depth--;
    else if (i === text.length || (depth === 0 && '、,，;；/／'.includes(text[i] ?? ''))) {
      names.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return names;
}

/**
 * '由 省财政厅等部门' → '省财政厅'; '财政部门' → '财政'; placeholders → ''; a collective name
 * (市政府各部门) stays whole. In a labelled field (责任单位:各有关单位) a placeholder that starts
 * with 各 names everyone it covers, so `field` keeps it as a collective name.
 */
export function cleanDepartmentName(raw: string, field = false): string {
  let name = raw.replace(/\s/gu, '');
  name = name.replace(/^(?:由|会同|请)/u, '');
  name = name.replace(/等(?:有关|相关)?(?:部门|单位)?$/u, '');
  if (GENERIC_NAME_RE.test(name)) return (field && name.startsWith('各')) || ALL_AT_LEVEL_RE.test(name) ? name : '';
  if (name.length > 3 && name.endsWith('部门') && !isCollectiveName(name)) name = name.slice(0, -2);
  return name;
}

type NameCheck = 'lenient' | 'strict';

/** Words of a sentence, not of an office's name: '加强与人民银行济南分行配合' is prose. */
const PROSE_RE = /加强|推进|开展|建立|完善|鼓励|支持|引导|推动|强化|提升|做好|积极|充分|进一步|广泛|依法|切实|全面|逐步|统筹/u;

function acceptableName(name: string, check: NameCheck): boolean {
  if (name.length > MAX_NAME_LENGTH || !NAME_CHARS_RE.test(name) || !HAN_RE.test(name)) return false;
  if (check === 'lenient') return true;
  return (ORGANISATION_SUFFIX_RE.test(name) || name.startsWith('各')) && !PROSE_RE.test(name);
}

/** 责任单位:市城市管理局（牵头）、市交通运输局: the name marked as the lead within a list. */
const LEAD_MARK_RE = /[(（](?:牵头|牵头单位|牵头部门)[)）]$/u;

interface ListedName {
  name: string;
  /** Marked （牵头） in the list. */
  lead: boolean;
}

/** Names of one list; null if any piece cannot be a department name. `field`: the value of 责任单位:… */
function readNames(text: string, check: NameCheck, field = false): ListedName[] | null {
  const names: ListedName[] = [];
  for (const piece of splitNames(text)) {
    if (piece.trim() === '') continue;
    const marked = piece.replace(/\s/gu, '');
    const lead = LEAD_MARK_RE.test(marked);
    const raw = lead ? marked.replace(LEAD_MARK_RE, '') : marked;
    const name = cleanDepartmentName(raw, field);
    if (name === '') {
      // A placeholder (有关部门) is fine; anything else that cleans to nothing is not a name.
      if (!GENERIC_NAME_RE.test(raw.replace(/^(?:由|会同|请)/u, '').replace(/^等/u, ''))) return null;
      continue;
    }
    if (!acceptableName(name, check)) return null;
    names.push({ name, lead });
  }
  return names;
}

/** 'A、B牵头,C配合' → entries; the text after the last verb may only be a date ('2017年底前完成'). */
function parseVerbClause(text: string, check: NameCheck, clause: ResponsibilityClause): boolean {
  let cursor = 0;
  let afterLead = false;
  let matched = false;
  for (const m of text.matchAll(ROLE_RE)) {
    // Outside parentheses a clause starts with a name, never with the verb.
    if (!matched && check === 'strict' && m.index === 0) return false;
    const names = readNames(text.slice(cursor, m.index), check);
    if (names === null) return false;
    const role = verbRole(m[1] ?? '', afterLead);
    for (const { name, lead } of names) clause.entries.push({ name, role: lead ? 'lead' : role });
    if (role === 'lead' || names.some((n) => n.lead)) afterLead = true;
    cursor = m.index + m[0].length;
    matched = true;
  }
  if (!matched) return false;
  const rest = stripEndPunctuation(text.slice(cursor).replace(/^[\s,，;；、]+/u, ''));
  if (rest === '') return true;
  if (!/[0-9０-９]{4}\s{0,2}年|[年月]底|季度|上半年|下半年|长期|持续|常态|每个?[年季月]|每半年/u.test(rest) || rest.length > 40)
    return false;
  clause.due.push(rest);
  return true;
}

/**
 * Parses a responsibility clause (without its surrounding parentheses). `strict` applies to
 * clauses not in parentheses: every name must look like an office (省财政厅, 各市政府), so that
 * a prose sentence such as '各级政府负责组织实施' is not mistaken for one. Null if not a clause.
 */
export function parseClause(text: string, check: NameCheck): ResponsibilityClause | null {
  const body = stripEndPunctuation(text);
  if (body === '' || body.length > MAX_CLAUSE_LENGTH) return null;
  const clause: ResponsibilityClause = { entries: [], due: [], assignsResponsibility: false };
  const labels = [...body.matchAll(LABEL_RE)];
  const head = stripEndPunctuation(labels.length > 0 ? body.slice(0, labels[0]?.index) : body);
  if (head !== '') {
    if (!parseVerbClause(head, check, clause)) return null;
    clause.assignsResponsibility = true;
  }
  labels.forEach((label, i) => {
    const valueEnd = labels[i + 1]?.index ?? body.length;
    const value = stripEndPunctuation(body.slice(label.index + label[0].length, valueEnd));
    const role = labelRole(label[1] ?? '');
    if (role === 'due') {
      if (value !== '') clause.due.push(value);
      return;
    }
    clause.assignsResponsibility = true;
    for (const { name, lead } of readNames(value, 'lenient', true) ?? []) clause.entries.push({ name, role: lead ? 'lead' : role });
  });
  return clause.assignsResponsibility || clause.due.length > 0 ? clause : null;
}

/**
 * A clause at the end of a sentence: '…工作(发展改革、质监等部门按职责分工负责)' gives the clause
 * and the rest '…工作'; a whole-sentence clause ('省财政厅负责落实', '牵头单位:省商务厅') gives
 * rest ''. Null when the sentence carries no clause.
 */
export function extractClause(sentence: string): { clause: ResponsibilityClause; rest: string } | null {
  const s = stripEndPunctuation(sentence);
  const open = trailingParenStart(s);
  if (open >= 0) {
    const clause = parseClause(s.slice(open + 1, -1), 'lenient');
    if (clause) return { clause, rest: s.slice(0, open).trim() };
  }
  const clause = parseClause(s, 'strict');
  return clause ? { clause, rest: '' } : null;
}

/**
 * The default alias table: spelling → canonical spelling. Keys and values are written without a
 * level prefix (省/市/县), which is kept: 省发展和改革委员会 → 省发展改革委. Canonical forms follow
 * the short official usage (发展改革, 住房城乡建设, 人力资源社会保障).
 */
export const DEFAULT_DEPARTMENT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  发展和改革: '发展改革',
  发展和改革委: '发展改革委',
  发展和改革委员会: '发展改革委',
  发改: '发展改革',
  发改委: '发展改革委',
  经信: '经济和信息化',
  经信委: '经济和信息化委',
  经济和信息化委员会: '经济和信息化委',
  人力资源和社会保障: '人力资源社会保障',
  人力资源和社会保障厅: '人力资源社会保障厅',
  人社: '人力资源社会保障',
  人社厅: '人力资源社会保障厅',
  住房和城乡建设: '住房城乡建设',
  住房和城乡建设厅: '住房城乡建设厅',
  住建: '住房城乡建设',
  住建厅: '住房城乡建设厅',
  卫生和计划生育: '卫生计生',
  卫生和计划生育委员会: '卫生计生委',
  卫计委: '卫生计生委',
  新闻出版广播电视: '新闻出版广电',
  新闻出版广播影视: '新闻出版广电',
  食品药品监督管理: '食品药品监管',
  食品药品监督管理局: '食品药品监管局',
  食药监: '食品药品监管',
  质量技术监督: '质监',
  质量技术监督局: '质监局',
  检验检疫: '出入境检验检疫',
  国有资产监督管理: '国资',
  国有资产监督管理委员会: '国资委',
  环境保护: '环保',
  环境保护厅: '环保厅',
  工商行政管理: '工商',
  工商行政管理局: '工商局',
});

/** 省/市/县 at the start of a name (市场监管局 has none; 市市场监管局 has 市). */
function levelPrefix(name: string): string {
  const first = name[0] ?? '';
  if (first === '省' || first === '县') return first;
  if (first === '市' && !(name.startsWith('市场') && !name.startsWith('市市场'))) return first;
  return '';
}

/**
 * Names that never take the level prefix of the names before them: national and vertical bodies
 * (国家统计局, 人民银行某某中心支行, 国网某某供电公司) and enterprises (…公司, …集团, …分行).
 */
const NO_INHERIT_RE = /^(?:各|国家|国务院|中央|中共|全国|中国|国网|人民银行|人行)|(?:公司|集团|分行|支行)$/u;

export interface ResolvedDepartment {
  /** Canonical name. */
  name: string;
  /** As written (cleaned). */
  written: string;
  role: DepartmentRole;
}

/**
 * Canonical names for the entries of one measure, in order: the alias table (whole name, then
 * the name without its level prefix), then the level prefix of an earlier name in the same
 * measure for an office written without one (省商务厅、财政厅 → 省财政厅). Duplicates keep the
 * first role.
 */
export function resolveDepartments(entries: readonly ClauseEntry[], aliases: ReadonlyMap<string, string>): ResolvedDepartment[] {
  const out: ResolvedDepartment[] = [];
  const seen = new Set<string>();
  let inherited = '';
  for (const entry of entries) {
    const written = entry.name;
    let name = aliases.get(written);
    if (name === undefined) {
      const prefix = levelPrefix(written);
      const core = written.slice(prefix.length);
      name = prefix + (aliases.get(core) ?? core);
      if (prefix !== '') inherited = prefix;
      else if (inherited !== '' && ORGANISATION_SUFFIX_RE.test(name) && !NO_INHERIT_RE.test(name)) name = inherited + name;
    } else if (levelPrefix(name) !== '') {
      inherited = levelPrefix(name);
    }
    if (name === '' || seen.has(name)) continue; // '' only from a user's alias table
    seen.add(name);
    out.push({ name, written, role: entry.role });
  }
  return out;
}

/**
 * Across the plan, a name without a level prefix is the same body as the one with it when both
 * occur (财政厅 next to 省财政厅). Returns the renaming to apply.
 */
export function prefixMerges(names: Iterable<string>): Map<string, string> {
  const all = new Set(names);
  const merges = new Map<string, string>();
  for (const name of all) {
    if (levelPrefix(name) !== '' || NO_INHERIT_RE.test(name)) continue;
    const target = ['省', '市', '县'].map((p) => p + name).find((candidate) => all.has(candidate));
    if (target !== undefined) merges.set(name, target);
  }
  return merges;
}

export function aliasMap(table: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(table));
}
